import QuiverCore

/// A logical query plan: a tree of operator values built from the analysed query, rewritten by
/// ``RewritePass``es and lowered to the push-based physical operators by ``QueryPlanner``.
///
/// Rows flow from the leaves (``LogicalOperator/argument(_:)``) to the root. Every operator but
/// ``LogicalOperator/union(all:)`` has one input; a union has one input per part.
struct LogicalPlan: Hashable, Sendable {
    var op: LogicalOperator
    var inputs: [LogicalPlan]
    /// The clause the operator came from: EXPLAIN's details and the position of its errors.
    var clause: SourceRange

    init(_ op: LogicalOperator, _ inputs: [LogicalPlan] = [], clause: SourceRange) {
        self.op = op
        self.inputs = inputs
        self.clause = clause
    }

    /// The single input, for operators that have one.
    var input: LogicalPlan? { inputs.count == 1 ? inputs[0] : nil }

    /// The operators from the leaf up to this one, for a plan whose operators have one input each.
    var chain: [LogicalPlan] {
        var out: [LogicalPlan] = []
        var current: LogicalPlan? = self
        while let node = current {
            out.append(node)
            current = node.input
        }
        return out.reversed()
    }

    /// This operator over a new input.
    func replacingInput(_ input: LogicalPlan) -> LogicalPlan {
        LogicalPlan(op, [input], clause: clause)
    }

    /// Applies `transform` to every operator, inputs first (a bottom-up rewrite).
    func rewritten(_ transform: (LogicalPlan) -> LogicalPlan) -> LogicalPlan {
        var copy = self
        copy.inputs = inputs.map { $0.rewritten(transform) }
        return transform(copy)
    }
}

/// What one logical operator does; the payloads are the analysed clauses' parts.
indirect enum LogicalOperator: Hashable, Sendable {
    /// The row a query part starts from: empty, or the imported variables of a subquery.
    case argument([String])
    /// MATCH / OPTIONAL MATCH: one operator carrying its whole pattern (see ``PatternMatch``).
    case match(PatternMatch)
    /// UNWIND a list into one row per element.
    case unwind(Expression, variable: String)
    /// LOAD CSV: one row per record.
    case loadCSV(LoadCSV)
    /// Keeps the rows on which every conjunct is true.
    case filter([Expression])
    /// WITH / RETURN without aggregates: the new columns.
    case projection(ProjectionItems)
    /// WITH / RETURN with aggregates: grouping keys and aggregates, and how it may run.
    case aggregation(ProjectionItems, AggregationStrategy)
    /// DISTINCT over the projected columns.
    case distinct
    /// ORDER BY.
    case sort([SortItem])
    /// ORDER BY … [SKIP s] LIMIT l: only the first `s + l` rows are kept while sorting.
    case top([SortItem], skip: Expression?, limit: Expression)
    /// SKIP.
    case skip(Expression)
    /// LIMIT.
    case limit(Expression)
    /// CREATE.
    case create(Create)
    /// MERGE.
    case merge(Merge)
    /// SET.
    case set(SetClause)
    /// REMOVE.
    case remove(Remove)
    /// DELETE / DETACH DELETE.
    case delete(Delete)
    /// A barrier: every input row is read before any is passed on (before writes).
    case eager
    /// CALL of a procedure; `standalone` when it is the whole query.
    case procedureCall(Call, standalone: Bool)
    /// `CALL { … }`, run per input row; `body` is the subquery's own logical plan, for display.
    case callSubquery(CallSubquery, body: LogicalPlan)
    /// UNION [ALL] of the inputs.
    case union(all: Bool)
    /// The end of a part: its rows are the result (`returns` false: the part ends in an update).
    case produceResults(returns: Bool)
}

/// A MATCH kept as one operator: the pattern compiler orders its hops from label and index
/// counts at lowering time, and places every filter right after the step that binds the last
/// variable it needs. Splitting it into scans and expands here would mean a second pattern
/// engine beside ``PatternMatcher``; the passes work on its filters and seeks instead.
struct PatternMatch: Hashable, Sendable {
    var parts: [PatternPart]
    /// The conjuncts of WHERE, inline node predicates and filters pushed into the pattern.
    var predicates: [Expression]
    var optional: Bool
    /// Variables the pattern binds that were not bound before it.
    var introduced: [String]
    /// Property equalities a node check serves (an index lookup on a scan when one exists).
    var seeks: [PropertySeek] = []
    /// ORDER BY … LIMIT over this bare node scan: nodes that cannot enter the top k are skipped.
    var topKScan: Bool = false
}

/// `v.key = value` moved out of WHERE into `v`'s node check.
struct PropertySeek: Hashable, Sendable {
    var variable: String
    var key: String
    var value: Expression
    /// The conjunct as written, kept when the value cannot be compiled into the check.
    var conjunct: Expression
}

/// The items of a WITH / RETURN.
struct ProjectionItems: Hashable, Sendable {
    var items: [ProjectionItem]
    /// `*`: every variable in scope, before the items.
    var includesAll: Bool
    /// The names `*` stands for, in the order the scope has them.
    var scope: [String]

    /// (expression, column name) of every column, `*` expanded.
    func columns(at range: SourceRange) -> [(expression: Expression, name: String)] {
        var out: [(expression: Expression, name: String)] = []
        if includesAll {
            for name in scope.sorted() { out.append((Expression(.variable(name), range: range), name)) }
        }
        for item in items { out.append((item.expression, item.columnName)) }
        return out
    }
}

/// How an aggregation may run, decided by ``CountAggregationPass``.
enum AggregationStrategy: Hashable, Sendable {
    /// Group and aggregate every input row.
    case general
    /// The counts of the pattern's last hop are taken per row (a degree lookup) instead of
    /// enumerating it; with `fused`, the scan and the grouping by a property of the scanned node
    /// run as one loop over the node ids.
    case countedHops(fused: Bool)
    /// `count(DISTINCT b)` over a directed variable-length hop: a breadth-first search per start.
    case reachableCount
}
