import QuiverCore

/// The logical plan of a query as text, before and after the rewrite passes.
///
/// ```swift
/// let plan = try CypherEngine.logicalPlan("MATCH (p:Person) WITH p WHERE p.age > 30 RETURN p.name")
/// print(plan.optimized)   // the filter now sits inside the Match
/// plan.passes             // ["predicate pushdown"]
/// ```
public struct LogicalPlanText: Sendable, Hashable {
    /// The plan as the clauses give it, root first, one operator per indented line.
    public var initial: String
    /// The plan after every rewrite pass, the one that is lowered and run.
    public var optimized: String
    /// The passes that changed the plan, in the order they ran.
    public var passes: [String]
}

extension CypherEngine {
    /// The logical plan of `query` (a leading `EXPLAIN` / `PROFILE` is ignored), before and after
    /// the rewrite passes; docs/query-planning.md describes the operators and each pass.
    ///
    /// ```swift
    /// let plan = try CypherEngine.logicalPlan("MATCH (n) RETURN n ORDER BY n.x LIMIT 3")
    /// ```
    public static func logicalPlan(_ query: String, procedures: ProcedureRegistry = .standard) throws(QueryError)
        -> LogicalPlanText {
        let prepared = try prepare(query, procedures: procedures)
        guard let parsed = prepared.query else {
            throw QueryError(.syntaxError, code: "InvalidSyntax", phase: .compileTime,
                             message: "a schema command has no logical plan; pass a query",
                             location: prepared.statement.range.start).withSource(query)
        }
        let initial = LogicalPlanner(procedures: procedures).plan(parsed)
        let optimizer = LogicalOptimizer.standard
        return LogicalPlanText(initial: initial.text(source: query), optimized: optimizer.optimize(initial).text(source: query),
                               passes: optimizer.changes(initial))
    }
}
