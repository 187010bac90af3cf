import QuiverCore

/// A statement parsed and analysed once, ready to run any number of times with
/// ``CypherEngine/execute(_:parameters:on:schema:readOnly:options:)``.
///
/// Tools that also read the syntax tree (query graphs, metrics) take it from ``statement``
/// instead of parsing the text again.
///
/// ```swift
/// let prepared = try CypherEngine.prepare("MATCH (p:Person) RETURN p.name ORDER BY p.name")
/// prepared.query?.first.clauses.count   // 2
/// let result = try CypherEngine.execute(prepared, on: graph, readOnly: true)
/// ```
public struct PreparedQuery: Sendable {
    /// The text it was prepared from; errors quote it.
    public let text: String
    /// The parsed statement: a query or a schema command.
    public let statement: CypherStatement
    /// The semantic analysis of a query (scopes, columns); `nil` for a schema command.
    public let analysis: AnalyzedQuery?
    /// The procedures CALL may invoke, as checked at preparation.
    public let procedures: ProcedureRegistry
    /// The parameter names the analysis assumed, or `nil` when it assumed none were known.
    let parameterNames: Set<String>?
    /// Whether the text began with `EXPLAIN` (plan only) or `PROFILE` (run and measure).
    public let mode: PlanMode

    init(text: String, statement: CypherStatement, analysis: AnalyzedQuery?, procedures: ProcedureRegistry,
         parameterNames: Set<String>?, mode: PlanMode = .run) {
        self.mode = mode
        self.text = text
        self.statement = statement
        self.analysis = analysis
        self.procedures = procedures
        self.parameterNames = parameterNames
    }

    /// The query, or `nil` when the statement is a schema command.
    public var query: Query? {
        if case .query(let query) = statement { return query }
        return nil
    }

    /// Whether running it leaves the graph and the schema unchanged.
    public var isReadOnly: Bool {
        if mode == .explain { return true }
        switch statement {
        case .query(let query): return CypherEngine.isReadOnly(query)
        case .schema(let command): return !command.isWrite
        }
    }

    /// Whether running it changes nothing at all — no clause writes, no procedure it calls writes,
    /// no schema change — so that it can run on a snapshot, beside other readers and a writer.
    public var isRead: Bool {
        guard isReadOnly else { return false }
        guard let query else { return true }
        return CypherEngine.writingCall(in: query, procedures: procedures) == nil
    }

    /// Whether the analysis depends on which parameters are supplied (a CALL's implicit arguments).
    var dependsOnParameterNames: Bool {
        guard let query else { return false }
        return query.parts.contains { part in
            part.clauses.contains { if case .call = $0 { true } else { false } }
        }
    }
}

extension CypherEngine {
    /// The words that can make a statement write or change the schema (`CALL` and `LOAD` may, through
    /// a writing procedure or the clauses after them).
    private static let writingWords: Set<String> = [
        "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "CALL", "LOAD", "DROP",
    ]

    /// Whether `text` certainly only reads, judged from its words alone (no parse): true when no
    /// bare word of it is one that could write. A query with such a word may still only read
    /// (`n.set` names a property): prepare it to know. Batch runners use this to parse reads on
    /// their worker threads while writes keep their order.
    ///
    /// ```swift
    /// CypherEngine.certainlyReads("MATCH (n) RETURN n")   // true
    /// CypherEngine.certainlyReads("CREATE (n)")           // false
    /// ```
    public static func certainlyReads(_ text: String) -> Bool {
        guard let tokens = try? Lexer.tokenize(text) else { return false }
        return !tokens.contains { $0.kind == .identifier && $0.keyword.map(writingWords.contains) == true }
    }
}
