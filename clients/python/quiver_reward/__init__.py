"""Reward functions for RL on text-to-SQL and text-to-Cypher, backed by `quiver serve`.

>>> from quiver_reward import SQLReward
>>> reward = SQLReward("http://127.0.0.1:7878")
>>> reward(["SELECT count(*) FROM singer"], gold=["SELECT count(*) FROM singer"], db_id=["concert_singer"])
[1.0]
"""

from .client import QuiverClient, QuiverError
from .extract import extract_query
from .rewards import CypherReward, GEDReward, QueryReward, SQLReward

__all__ = ["QuiverClient", "QuiverError", "extract_query", "QueryReward", "SQLReward", "CypherReward", "GEDReward"]
__version__ = "0.1.0"
