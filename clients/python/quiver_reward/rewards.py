"""Reward functions with TRL's signature, `fn(completions, **kwargs) -> list[float]`."""

from .client import QuiverClient
from .extract import extract_query


class QueryReward:
    """Scores a batch of completions on the server and turns each record into one float.

    `weights` maps record fields to weights (`"exec_match"`, `"exact_match"`, `"partial.soft_f1"`, …;
    booleans count 1.0 or 0.0, a missing or null field 0.0); or give `reward`, a function of the
    whole record. Gold queries and databases come from the dataset columns named by `gold_field`
    and `db_field`, which TRL passes as keyword arguments.
    """

    kind = None
    default_weights = None

    def __init__(self, url=None, token=None, gold_field="gold", db_field="db_id", weights=None, reward=None,
                 options=None, extract=extract_query, client=None):
        self.client = client or QuiverClient(url, token)
        self.gold_field = gold_field
        self.db_field = db_field
        self.weights = weights or self.default_weights
        self.reward = reward
        self.options = options or {}
        self.extract = extract or (lambda completion: completion)
        named = "_".join(f.replace(".", "_") for f in self.weights) if reward is None else getattr(reward, "__name__", "custom")
        # TRL logs each reward function under its __name__.
        self.__name__ = f"quiver_{self.kind}_{named}"

    def __call__(self, completions, **kwargs):
        golds = kwargs.get(self.gold_field)
        if golds is None:
            raise ValueError(f"{self.__name__}: no `{self.gold_field}` column among the keyword arguments "
                             f"({', '.join(sorted(kwargs))}); set gold_field= to the dataset's gold column")
        databases = kwargs.get(self.db_field) or [None] * len(completions)
        items = []
        for index, (completion, gold, database) in enumerate(zip(completions, golds, databases)):
            item = {"id": index, "prediction": self.extract(completion), "gold": gold}
            if database is not None:
                item["db_id"] = database
            items.append(item)
        return [self.score_record(record) for record in self.client.score(self.kind, items, self.options)]

    def score_record(self, record):
        """One record's reward."""
        if self.reward is not None:
            return float(self.reward(record))
        return float(sum(weight * _number(_field(record, name)) for name, weight in self.weights.items()))


class SQLReward(QueryReward):
    """Text-to-SQL: execution match by default (`POST /score/sql`); options as `quiver score sql`'s
    flags (`{"semantics": "spider-test-suite", "timeout": 10}`)."""

    kind = "sql"
    default_weights = {"exec_match": 1.0}


class CypherReward(QueryReward):
    """Text-to-Cypher: execution match by default (`POST /score/cypher`)."""

    kind = "cypher"
    default_weights = {"exec_match": 1.0}


class GEDReward(QueryReward):
    """Query-graph similarity, 1 − GED / size (`POST /score/ged`); `options={"language": "sql"}` for SQL."""

    kind = "ged"
    default_weights = {"similarity": 1.0}


def _field(record, dotted):
    value = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _number(value):
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    return 0.0
