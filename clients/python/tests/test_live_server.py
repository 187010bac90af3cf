"""The reward adapter against a live `quiver serve` started here on a free loopback port.

The binary is QUIVER_BIN, else the repo's .build/debug/quiver; QUIVER_DATA (default ../shared/data
beside the repo) adds the Spider databases for the SQL tests, which are skipped without them.
"""

import os
import signal
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.abspath(os.path.join(HERE, "..")))

from quiver_reward import CypherReward, GEDReward, QuiverClient, QuiverError, SQLReward, extract_query  # noqa: E402
from quiver_reward import verl  # noqa: E402

BINARY = os.environ.get("QUIVER_BIN") or os.path.join(REPO, ".build", "debug", "quiver")
DATA = os.environ.get("QUIVER_DATA") or os.path.join(REPO, "..", "shared", "data")
SPIDER = os.path.join(DATA, "spider")
HAS_SPIDER = os.path.isdir(os.path.join(SPIDER, "database"))


def start_server(arguments, environment=None):
    """Starts `quiver serve --port 0 …`; returns the process and its base URL."""
    process = subprocess.Popen([BINARY, "serve", "--port", "0", *arguments], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               env={**os.environ, **(environment or {})}, text=True)
    line = process.stderr.readline()
    if "listening on " not in line:
        process.kill()
        raise RuntimeError("quiver serve did not start: " + line + process.stderr.read())
    return process, line.strip().split("listening on ")[1]


@unittest.skipUnless(os.access(BINARY, os.X_OK), f"skipped: no quiver binary at {BINARY} (swift build first)")
class LiveServerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        graph = os.path.join(cls.folder.name, "people.qgraph")
        subprocess.run([BINARY, "cypher", "--graph", graph, "--save", "-e",
                        "UNWIND range(1, 30) AS i CREATE (:Person {name: 'p' + toString(i), age: 20 + i})"],
                       check=True, stdout=subprocess.DEVNULL)
        arguments = ["--graph", graph]
        if HAS_SPIDER:
            arguments += ["--db-root", os.path.join(SPIDER, "database"), "--tables", os.path.join(SPIDER, "tables.json")]
        cls.process, cls.url = start_server(arguments, {"QUIVER_TOKEN": "t0ken"})
        os.environ["QUIVER_URL"], os.environ["QUIVER_TOKEN"] = cls.url, "t0ken"
        verl._client = None

    @classmethod
    def tearDownClass(cls):
        cls.process.send_signal(signal.SIGTERM)
        cls.process.wait(timeout=30)
        cls.folder.cleanup()

    def test_health_and_a_query(self):
        client = QuiverClient(self.url, "t0ken")
        self.assertEqual(client.health()["status"], "ok")
        self.assertEqual(client.cypher("MATCH (p:Person) RETURN count(p)")["rows"], [[30]])

    def test_without_the_token_the_server_says_how_to_send_it(self):
        with self.assertRaises(QuiverError) as caught:
            QuiverClient(self.url, token="").cypher("RETURN 1")
        self.assertEqual(caught.exception.status, 401)
        self.assertIn("Authorization: Bearer", str(caught.exception))

    def test_trl_cypher_reward_takes_completions_and_dataset_columns(self):
        reward = CypherReward(self.url)
        completions = [
            "```cypher\nMATCH (p:Person) RETURN count(p)\n```",
            [{"role": "user", "content": "how many?"}, {"role": "assistant", "content": "<answer>MATCH (p) RETURN count(*)</answer>"}],
            "MATCH (p:Person) WHERE p.age > 40 RETURN count(p)",
            "MATCH (p:Person RETURN p",
        ]
        gold = ["MATCH (p:Person) RETURN count(*)"] * 4
        self.assertEqual(reward(completions, gold=gold, prompts=["q"] * 4), [1.0, 1.0, 0.0, 0.0])
        self.assertTrue(reward.__name__.startswith("quiver_cypher"))

    def test_weights_and_custom_rewards_read_the_whole_record(self):
        shaped = CypherReward(self.url, weights={"exec_match": 1.0, "partial.google_bleu": 0.5})
        scores = shaped(["MATCH (p:Person) RETURN count(p)"], gold=["MATCH (p:Person) RETURN count(p)"])
        self.assertAlmostEqual(scores[0], 1.5)
        custom = CypherReward(self.url, reward=lambda record: record["gold_rows"])
        self.assertEqual(custom(["RETURN 1"], gold=["MATCH (p:Person) RETURN p"]), [30.0])

    def test_ged_reward_is_a_similarity(self):
        scores = GEDReward(self.url)(["MATCH (a:Person)-[:KNOWS]->(b) RETURN b", "MATCH ("],
                                     gold=["MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN b"] * 2)
        self.assertTrue(0.0 < scores[0] < 1.0)
        self.assertEqual(scores[1], 0.0)

    def test_a_missing_gold_column_is_a_clear_error(self):
        with self.assertRaises(ValueError) as caught:
            CypherReward(self.url)(["RETURN 1"], query=["RETURN 1"])
        self.assertIn("gold_field", str(caught.exception))

    def test_bad_options_are_refused_with_the_servers_message(self):
        with self.assertRaises(QuiverError) as caught:
            CypherReward(self.url, options={"semantic": "strict"})(["RETURN 1"], gold=["RETURN 1"])
        self.assertEqual((caught.exception.status, caught.exception.code), (400, "UnknownField"))

    def test_verl_compute_score_for_cypher(self):
        self.assertEqual(verl.compute_score("text2cypher", "MATCH (p:Person) RETURN count(p)", "MATCH (p) RETURN count(p)"), 1.0)
        self.assertEqual(verl.compute_score(["text2cypher"] * 2, ["RETURN 1", "RETURN 2"], ["RETURN 1", "RETURN 1"], [None, None]),
                         [1.0, 0.0])

    @unittest.skipUnless(HAS_SPIDER, "skipped: QUIVER_DATA not found")
    def test_trl_sql_reward_on_spider(self):
        reward = SQLReward(self.url, gold_field="query")
        completions = ["```sql\nSELECT count(*) FROM singer;\n```", "SELECT name FROM singer", "SELEC nothing"]
        self.assertEqual(reward(completions, query=["SELECT count(*) FROM singer"] * 3, db_id=["concert_singer"] * 3),
                         [1.0, 0.0, 0.0])

    @unittest.skipUnless(HAS_SPIDER, "skipped: QUIVER_DATA not found")
    def test_verl_compute_score_for_sql_single_and_batch(self):
        gold = "SELECT count(*) FROM singer"
        self.assertEqual(verl.compute_score("spider", gold, gold, {"db_id": "concert_singer"}), 1.0)
        self.assertEqual(verl.compute_score(["spider", "spider"], [gold, "SELECT 1"], [gold, gold],
                                            [{"db_id": "concert_singer"}] * 2), [1.0, 0.0])

    @unittest.skipUnless(HAS_SPIDER, "skipped: QUIVER_DATA not found")
    def test_large_batches_are_split(self):
        client = QuiverClient(self.url, "t0ken", batch_size=7)
        items = [{"id": i, "prediction": "SELECT count(*) FROM singer", "gold": "SELECT count(*) FROM singer",
                  "db_id": "concert_singer"} for i in range(20)]
        records = client.score("sql", items)
        self.assertEqual([r["id"] for r in records], list(range(20)))
        self.assertTrue(all(r["exec_match"] for r in records))


class OpenAPIDocumentTests(unittest.TestCase):
    def test_the_document_is_valid_openapi(self):
        try:
            from openapi_spec_validator import validate
        except ImportError:
            self.skipTest("skipped: openapi-spec-validator is not installed")
        import json
        with open(os.path.join(REPO, "Sources", "Server", "Web", "static", "openapi.json"), encoding="utf-8") as file:
            validate(json.load(file))


class ExtractionTests(unittest.TestCase):
    def test_the_last_fence_then_answer_tags_then_the_text(self):
        self.assertEqual(extract_query("a\n```sql\nSELECT 1\n```\nb\n```sql\nSELECT 2;\n```"), "SELECT 2")
        self.assertEqual(extract_query("think <answer> MATCH (n) RETURN n </answer>"), "MATCH (n) RETURN n")
        self.assertEqual(extract_query("  SELECT 3 ;; "), "SELECT 3")
        self.assertEqual(extract_query([{"role": "assistant", "content": "```\nRETURN 1\n```"}]), "RETURN 1")


class PackagingTests(unittest.TestCase):
    def test_the_package_installs_with_pip(self):
        with tempfile.TemporaryDirectory() as target:
            result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                                     "--target", target, os.path.abspath(os.path.join(HERE, ".."))],
                                    capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertTrue(os.path.exists(os.path.join(target, "quiver_reward", "verl.py")))


if __name__ == "__main__":
    unittest.main()
