import SQLExecution

/// The PL/pgSQL runtime of the PostgreSQL backend: Cypher's operators, functions and aggregates as
/// `cy_…` functions in a schema of their own (``schema``), installed once per database and put on
/// every graph connection's search path after the graph's schema.
enum PostgresRuntime {
    /// The schema holding this version of the runtime (a new version gets a new schema).
    static let schema = "quiver_cypher_runtime_3"

    /// The function whose presence says the runtime is installed completely.
    static let versionFunction = "cy_runtime_installed"

    /// Installs the runtime unless it is there; concurrent installers wait for each other.
    static func install(on session: PostgresSession) throws(SQLExecutionError) {
        if try installed(session) { return }
        try session.script("SELECT pg_advisory_lock(7160021702)")
        defer { try? session.script("SELECT pg_advisory_unlock(7160021702)") }
        if try installed(session) { return }
        let quoted = PostgresDatabase.quoted(schema)
        try session.script("BEGIN; CREATE SCHEMA IF NOT EXISTS \(quoted); SET LOCAL search_path TO \(quoted); "
            + PostgresRuntimeScript.parts.joined(separator: "\n")
            + "\nCREATE OR REPLACE FUNCTION \(versionFunction)() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;\nCOMMIT;")
    }

    private static func installed(_ session: PostgresSession) throws(SQLExecutionError) -> Bool {
        try !session.query(
            "SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2",
            [.text(schema), .text(versionFunction)]).isEmpty
    }
}

/// The runtime's SQL text, in parts (see the files `PostgresRuntime+*.swift`), in the order they must run.
///
/// Each part mirrors the SQLite runtime (which calls the engine itself): values are the codec's
/// `jsonb`, errors are raised as packed ``SQLGraphError`` messages the executor unpacks.
enum PostgresRuntimeScript {
    static var parts: [String] { [values, arithmetic, graph, aggregates, functions] }
}
