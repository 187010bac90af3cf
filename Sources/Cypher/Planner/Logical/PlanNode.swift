import QuiverCore

/// One operator of a query's logical plan with its estimated rows, for EXPLAIN and PROFILE
/// (``QueryResult/logicalPlan``; `quiver cypher --format json` prints it as the `logical` field).
///
/// ```swift
/// let result = try CypherEngine.execute("EXPLAIN MATCH (p:Person) RETURN p.name LIMIT 3", on: graph)
/// result.logicalPlan?.name             // "ProduceResults"
/// result.logicalPlan?.children.first   // Projection, above Limit, above Match, above Argument
/// ```
public struct PlanNode: Sendable, Hashable {
    /// The operator (Neo4j's name where one fits).
    public var name: String
    /// Its arguments as written in the query.
    public var details: String
    /// The rows the cardinality estimator expects it to produce.
    public var estimatedRows: Int64
    /// Its inputs (a CALL subquery's body first).
    public var children: [PlanNode]

    /// Creates a node from its parts.
    public init(name: String, details: String, estimatedRows: Int64, children: [PlanNode] = []) {
        self.name = name
        self.details = details
        self.estimatedRows = estimatedRows
        self.children = children
    }
}

extension LogicalPlan {
    /// The plan as ``PlanNode``s with the estimates of `tree` (``CardinalityEstimator/tree(_:)``);
    /// a CALL subquery's body is estimated per input row by `estimator`.
    func described(_ tree: CardinalityEstimator.Tree, source: [UInt8], estimator: CardinalityEstimator) -> PlanNode {
        var children: [PlanNode] = []
        if case .callSubquery(_, let body) = op {
            var inner = estimator
            children.append(body.described(inner.tree(body), source: source, estimator: estimator))
        }
        for (input, estimate) in zip(inputs, tree.inputs) {
            children.append(input.described(estimate, source: source, estimator: estimator))
        }
        return PlanNode(name: op.name, details: op.details { Self.written($0, source) },
                        estimatedRows: Int64(tree.rows.rounded()), children: children)
    }
}
