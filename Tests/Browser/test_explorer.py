"""The web explorer in a real browser: headless Chromium (Debian's chromium and chromium-driver)
driven over WebDriver by selenium, against a `quiver serve` started here on a free loopback port.

It loads the page, runs a Cypher query, checks the table's rows and that the graph view drew the
returned nodes (vis-network's positions, and coloured pixels on its canvas), shows a query error,
asks a question and checks the passages and the path graph. Screenshots go to .build/.

Run by scripts/test.sh when chromium and chromedriver are installed:
    .venv-browser/bin/python -m unittest discover -s Tests/Browser
"""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import unittest
import urllib.request

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BINARY = os.environ.get("QUIVER_BIN") or os.path.join(REPO, ".build", "debug", "quiver")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SHOTS = os.path.join(REPO, ".build")

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # the test says so below
    webdriver = None


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


@unittest.skipUnless(webdriver and CHROMIUM and DRIVER and os.access(BINARY, os.X_OK),
                     "skipped: needs selenium, chromium, chromedriver and a built quiver")
class ExplorerInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        graph = os.path.join(cls.folder.name, "halvard.quiver")
        subprocess.run([BINARY, "build", os.path.join(REPO, "corpora", "halvard", "articles"), "--out", graph],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cls.server = subprocess.Popen([BINARY, "serve", "--graph", graph, "--port", "0"], stderr=subprocess.PIPE, text=True)
        line = cls.server.stderr.readline()
        if "listening on " not in line:
            raise RuntimeError("quiver serve did not start: " + line)
        cls.url = line.strip().split("listening on ")[1]
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"]:
            options.add_argument(argument)
        cls.browser = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
        cls.browser.set_page_load_timeout(60)
        cls.wait = WebDriverWait(cls.browser, 60)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.send_signal(signal.SIGTERM)
        cls.server.wait(timeout=30)
        cls.folder.cleanup()

    def setUp(self):
        self.browser.get(self.url + "/")
        self.wait.until(lambda b: "nodes" in b.find_element(By.ID, "summary").text)

    def run_query(self, query):
        box = self.browser.find_element(By.ID, "query")
        box.clear()
        box.send_keys(query)
        self.browser.find_element(By.ID, "run").click()

    def test_a_query_fills_the_table_and_draws_the_returned_nodes(self):
        query = "MATCH (p:Passage)-[r:MENTIONS]->(e:Entity {name: 'Orla Menz'}) RETURN p.title AS title, p, r, e"
        expected = post(self.url + "/cypher", {"query": query, "draw": True})
        node_ids = {row[1]["$node"]["id"] for row in expected["rows"]} | {row[3]["$node"]["id"] for row in expected["rows"]}
        self.assertGreater(len(expected["rows"]), 1)

        self.run_query(query)
        self.wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#results tbody tr")) == len(expected["rows"]))
        headers = [th.text for th in self.browser.find_elements(By.CSS_SELECTOR, "#results thead th")]
        self.assertEqual(headers, ["title", "p", "r", "e"])
        titles = sorted(tr.find_elements(By.TAG_NAME, "td")[0].text.strip('"') for tr in self.browser.find_elements(By.CSS_SELECTOR, "#results tbody tr"))
        self.assertEqual(titles, sorted(row[0] for row in expected["rows"]))

        graph = self.browser.find_element(By.ID, "graph")
        self.wait.until(lambda b: graph.get_attribute("data-drawn-nodes") == str(len(node_ids)))
        drawn = self.browser.execute_script(
            "return Object.keys(window.quiverExplorer.networks.graph.getPositions()).map(id => id.slice(1)).sort()")
        self.assertEqual(sorted(drawn), sorted(str(i) for i in node_ids))
        self.assertGreater(self.painted_pixels("graph"), 500)
        self.browser.save_screenshot(os.path.join(SHOTS, "explorer-cypher.png"))

    def test_a_bad_query_shows_its_error_with_the_position(self):
        self.run_query("MATCH (n:Passage RETURN n")
        status = self.browser.find_element(By.ID, "status")
        self.wait.until(lambda b: "error" in status.get_attribute("class"))
        self.assertIn("line 1, column", status.text)
        self.assertIn("UnexpectedSyntax", status.text)

    def test_ask_shows_the_passages_and_the_paths_as_a_graph(self):
        self.browser.find_element(By.ID, "tab-ask").click()
        question = self.browser.find_element(By.ID, "question")
        question.send_keys("Which company supplied the lenses of the observatory founded by Orla Menz?")
        self.browser.find_element(By.ID, "ask-run").click()
        self.wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#passages li")) >= 1)
        first = self.browser.find_element(By.CSS_SELECTOR, "#passages li .title").text
        self.assertIn("Norrholm Observatory", first)
        graph = self.browser.find_element(By.ID, "ask-graph")
        self.wait.until(lambda b: int(graph.get_attribute("data-drawn-nodes") or 0) > 1)
        self.assertGreater(self.painted_pixels("ask-graph"), 500)
        self.browser.save_screenshot(os.path.join(SHOTS, "explorer-ask.png"))

    def painted_pixels(self, container):
        """Pixels of the graph's canvas that are not background: the drawing really happened."""
        return self.browser.execute_script("""
            const canvas = document.querySelector('#' + arguments[0] + ' canvas');
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) painted++;
            return painted;""", container)


if __name__ == "__main__":
    unittest.main()
