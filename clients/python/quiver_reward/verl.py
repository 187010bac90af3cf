"""verl's reward-function interface, backed by `quiver serve`.

In the trainer's config: `custom_reward_function.path=<this file>` and `custom_reward_function.name=compute_score`.
The server is `QUIVER_URL` (default http://127.0.0.1:7878), with `QUIVER_TOKEN` when it has one.
"""

from .client import QuiverClient
from .extract import extract_query

_client = None


def _shared_client():
    global _client
    if _client is None:
        _client = QuiverClient()
    return _client


def _kind(data_source):
    return "cypher" if "cypher" in str(data_source or "").lower() else "sql"


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **_):
    """Execution match (1.0 or 0.0) of the query in `solution_str` against `ground_truth`.

    `extra_info["db_id"]` names the database. Given lists (verl's batch reward manager), scores
    them in one request per kind and returns a list.
    """
    if isinstance(solution_str, (list, tuple)):
        infos = extra_info if isinstance(extra_info, (list, tuple)) else [extra_info] * len(solution_str)
        sources = data_source if isinstance(data_source, (list, tuple)) else [data_source] * len(solution_str)
        return _score_batch(sources, solution_str, ground_truth, infos)
    return _score_batch([data_source], [solution_str], [ground_truth], [extra_info])[0]


def _score_batch(sources, solutions, truths, infos):
    scores = [0.0] * len(solutions)
    by_kind = {}
    for index, (source, solution, truth, info) in enumerate(zip(sources, solutions, truths, infos)):
        item = {"id": index, "prediction": extract_query(solution), "gold": truth}
        database = (info or {}).get("db_id") if isinstance(info, dict) else None
        if database is not None:
            item["db_id"] = database
        by_kind.setdefault(_kind(source), []).append(item)
    for kind, items in by_kind.items():
        for record in _shared_client().score(kind, items):
            scores[record["id"]] = 1.0 if record.get("exec_match") else 0.0
    return scores
