"""A small client for `quiver serve`'s JSON API (standard library only)."""

import json
import os
import time
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:7878"


class QuiverError(RuntimeError):
    """The server refused a request (4xx/5xx) or could not be reached; `status` and `code` say which."""

    def __init__(self, message, status=None, code=None):
        super().__init__(message)
        self.status = status
        self.code = code


class QuiverClient:
    """Talks to one `quiver serve`.

    >>> client = QuiverClient("http://127.0.0.1:7878")
    >>> client.score("sql", [{"id": 1, "prediction": "SELECT 1", "gold": "SELECT 1", "db_id": "concert_singer"}])
    [{'db_id': 'concert_singer', 'exec_match': True, ..., 'id': 1, ...}]
    """

    def __init__(self, url=None, token=None, timeout=600.0, retries=3, batch_size=1000):
        self.url = (url or os.environ.get("QUIVER_URL") or DEFAULT_URL).rstrip("/")
        self.token = token if token is not None else os.environ.get("QUIVER_TOKEN")
        self.timeout = timeout
        self.retries = retries
        self.batch_size = batch_size

    def health(self):
        """`GET /health`: the server's status and graph size."""
        return self._request("GET", "/health")

    def cypher(self, query, params=None, timeout=None, max_rows=None):
        """`POST /cypher`: {columns, rows, truncated, statistics, error}."""
        body = {"query": query}
        if params is not None:
            body["params"] = params
        if timeout is not None:
            body["timeout"] = timeout
        if max_rows is not None:
            body["max_rows"] = max_rows
        return self._request("POST", "/cypher", body)

    def score(self, kind, items, options=None):
        """`POST /score/<kind>` (sql, cypher, ged, triples): one record per item, in order.

        Batches larger than `batch_size` are sent in several requests.
        """
        records = []
        for start in range(0, len(items), self.batch_size):
            body = {"items": items[start:start + self.batch_size]}
            if options:
                body["options"] = options
            records.extend(self._request("POST", "/score/" + kind, body)["items"])
        return records

    def _request(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        last = None
        for attempt in range(self.retries):
            request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                detail = _error_detail(error)
                # A busy server (503) is worth another try; a refused request is not.
                if error.code != 503 or attempt + 1 == self.retries:
                    raise QuiverError(f"{method} {path}: {error.code} {detail.get('code', '')}: {detail.get('message', error.reason)}",
                                      status=error.code, code=detail.get("code")) from None
                last = error
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                last = error
                if attempt + 1 == self.retries:
                    break
            time.sleep(0.5 * 2 ** attempt)
        raise QuiverError(f"{method} {path}: cannot reach the Quiver server at {self.url} ({last}); "
                          "start it with `quiver serve` or set QUIVER_URL")


def _error_detail(error):
    try:
        return json.loads(error.read().decode("utf-8")).get("error", {})
    except (ValueError, AttributeError, OSError):
        return {}
