/// The PL/pgSQL runtime of the PostgreSQL backend: Cypher's operators, functions and aggregates as
/// `cy_…` functions in the graph's schema (installed once per schema, replaced when the version changes).
enum PostgresRuntime {
    /// The function whose presence says this version of the runtime is installed.
    static let versionFunction = "cy_runtime_v2"

    /// The whole runtime, as one script.
    static var script: String {
        ([
            "CREATE OR REPLACE FUNCTION \(versionFunction)() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;",
        ] + PostgresRuntimeScript.parts).joined(separator: "\n")
    }
}

/// The runtime's SQL text, in parts (see the files `PostgresRuntime+*.swift`), in the order they must run.
///
/// Each part mirrors the SQLite runtime (which calls the engine itself): values are the codec's
/// `jsonb`, errors are raised as packed ``SQLGraphError`` messages the executor unpacks.
enum PostgresRuntimeScript {
    static var parts: [String] { [values, arithmetic, graph, aggregates, functions] }
}
