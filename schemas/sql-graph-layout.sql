-- The relational layout of a Quiver property graph (`quiver import --into`, `quiver cypher --db`).
-- Layout version 1 (graph_meta.layout). PostgreSQL spelling; SQLite differences are noted.
-- The code that creates it: Sources/CypherSQL/Layout/SQLGraphLayout.swift.
--
-- Values: a property map is a JSON object (SQLite: TEXT; PostgreSQL: jsonb) in the codec of
-- Sources/CypherSQL/Values/SQLValueCodec.swift: integers are JSON integers, floats always carry a
-- fraction (`2.0`, never an exponent in PostgreSQL, whose jsonb keeps a number's scale), NaN and the
-- infinities are {"~f":"NaN"|"Inf"|"-Inf"}; null properties are not stored.

CREATE TABLE nodes (
    id         bigint PRIMARY KEY,              -- SQLite: INTEGER PRIMARY KEY (the rowid)
    properties jsonb NOT NULL DEFAULT '{}'      -- SQLite: TEXT
);

-- labels(n) in the order they were added (position).
CREATE TABLE node_labels (
    node_id  bigint NOT NULL,
    label    text NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (node_id, label)                -- SQLite: WITHOUT ROWID
);
CREATE INDEX node_labels_by_label ON node_labels (label, node_id);          -- label scans

CREATE TABLE relationships (
    id         bigint PRIMARY KEY,
    type       text NOT NULL,
    source     bigint NOT NULL,                 -- startNode(r)
    target     bigint NOT NULL,                 -- endNode(r)
    properties jsonb NOT NULL DEFAULT '{}'
);
-- Expansion both ways; PostgreSQL covers the other end and the id (index-only scans),
-- SQLite keys on (source, type, target) and (target, type, source).
CREATE INDEX relationships_by_source ON relationships (source, type) INCLUDE (target, id);
CREATE INDEX relationships_by_target ON relationships (target, type) INCLUDE (source, id);

CREATE TABLE graph_meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO graph_meta (key, value) VALUES ('layout', '1');

-- PostgreSQL only: the cy_… functions of the runtime (Sources/CypherSQL/Runtime/PostgresRuntime*.swift)
-- are installed in the graph's schema beside these tables; SQLite registers them on each connection.
