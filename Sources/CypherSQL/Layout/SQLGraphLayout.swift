/// The relational layout of a property graph (documented in `schemas/sql-graph-layout.sql`).
///
/// ```
/// nodes          (id, properties)                       properties: JSON text (SQLite) / jsonb (PostgreSQL)
/// node_labels    (node_id, label, position)             position orders labels(n) as they were added
/// relationships  (id, type, source, target, properties)
/// ```
/// Indexes: `relationships (source, type)` and `(target, type)` for expansion both ways, and
/// `node_labels (label, node_id)` for label scans.
///
/// ```swift
/// for statement in SQLGraphLayout.ddl(for: .sqlite) { try session.run(statement) }
/// ```
public enum SQLGraphLayout {
    /// The nodes table.
    public static let nodes = "nodes"
    /// The labels table.
    public static let nodeLabels = "node_labels"
    /// The relationships table.
    public static let relationships = "relationships"
    /// The layout's version table.
    public static let meta = "graph_meta"
    /// The temporary table of nodes a query deleted.
    static let deletedNodes = "deleted_nodes"
    /// The row-number column of a materialised frame.
    static let rowColumn = "_r"
    /// The layout version written to `graph_meta`.
    public static let version = "1"

    /// The statements that create the layout (each safe to run again).
    public static func ddl(for dialect: SQLGraphDialect) -> [String] {
        switch dialect {
        case .sqlite:
            return [
                "CREATE TABLE IF NOT EXISTS nodes (id INTEGER PRIMARY KEY, properties TEXT NOT NULL DEFAULT '{}')",
                "CREATE TABLE IF NOT EXISTS node_labels (node_id INTEGER NOT NULL, label TEXT NOT NULL, "
                    + "position INTEGER NOT NULL, PRIMARY KEY (node_id, label)) WITHOUT ROWID",
                "CREATE INDEX IF NOT EXISTS node_labels_by_label ON node_labels (label, node_id)",
                "CREATE TABLE IF NOT EXISTS relationships (id INTEGER PRIMARY KEY, type TEXT NOT NULL, "
                    + "source INTEGER NOT NULL, target INTEGER NOT NULL, properties TEXT NOT NULL DEFAULT '{}')",
                "CREATE INDEX IF NOT EXISTS relationships_by_source ON relationships (source, type, target)",
                "CREATE INDEX IF NOT EXISTS relationships_by_target ON relationships (target, type, source)",
                "CREATE TABLE IF NOT EXISTS graph_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "INSERT OR IGNORE INTO graph_meta (key, value) VALUES ('layout', '\(version)')",
            ]
        case .postgres:
            return [
                "CREATE TABLE IF NOT EXISTS nodes (id bigint PRIMARY KEY, properties jsonb NOT NULL DEFAULT '{}')",
                "CREATE TABLE IF NOT EXISTS node_labels (node_id bigint NOT NULL, label text NOT NULL, "
                    + "position integer NOT NULL, PRIMARY KEY (node_id, label))",
                "CREATE INDEX IF NOT EXISTS node_labels_by_label ON node_labels (label, node_id)",
                "CREATE TABLE IF NOT EXISTS relationships (id bigint PRIMARY KEY, type text NOT NULL, "
                    + "source bigint NOT NULL, target bigint NOT NULL, properties jsonb NOT NULL DEFAULT '{}')",
                "CREATE INDEX IF NOT EXISTS relationships_by_source ON relationships (source, type) INCLUDE (target, id)",
                "CREATE INDEX IF NOT EXISTS relationships_by_target ON relationships (target, type) INCLUDE (source, id)",
                "CREATE TABLE IF NOT EXISTS graph_meta (key text PRIMARY KEY, value text NOT NULL)",
                "INSERT INTO graph_meta (key, value) VALUES ('layout', '\(version)') ON CONFLICT DO NOTHING",
            ]
        }
    }
}
