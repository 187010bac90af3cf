"""Finding the query in a model's completion."""

import re

_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n(.*?)```", re.DOTALL)
_ANSWER = re.compile(r"<answer>(.*?)</answer>", re.DOTALL | re.IGNORECASE)


def extract_query(completion):
    """The query a completion gives: the last fenced code block (```sql … ```), else the last
    <answer>…</answer>, else the whole text; surrounding space and a final `;` removed.

    A conversational completion (a list of {"role", "content"} messages) is read from its last
    assistant message.

    >>> extract_query("Let me think.\\n```sql\\nSELECT 1;\\n```")
    'SELECT 1'
    """
    if isinstance(completion, list):
        messages = [m for m in completion if isinstance(m, dict) and m.get("role", "assistant") == "assistant"]
        completion = messages[-1].get("content", "") if messages else ""
    text = completion if isinstance(completion, str) else str(completion)
    fences = _FENCE.findall(text)
    if fences:
        text = fences[-1][1]
    else:
        answers = _ANSWER.findall(text)
        if answers:
            text = answers[-1]
    text = text.strip()
    while text.endswith(";"):
        text = text[:-1].rstrip()
    return text
