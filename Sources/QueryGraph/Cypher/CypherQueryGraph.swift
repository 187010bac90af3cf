import Cypher
import QuiverCore

/// Builds the ``QueryGraph`` of a Cypher query: a canonical, variable-free picture of what it asks.
///
/// The construction (in full, with the SQL one, in <doc:QueryGraphConstruction>), under which
/// equivalent queries give the same graph:
/// - **Entities.** One node per pattern node, labelled `node` plus its labels sorted
///   (`node:Actor:Person`), prefixed `optional ` / `create ` / `merge ` by the clause that
///   introduced it. A variable names the same node everywhere in the query; anonymous nodes are
///   fresh. Variable names never appear, so renaming them changes nothing.
/// - **Relationships.** One node per relationship pattern, labelled `rel`, its types sorted and
///   joined by `|`, and its hop range (`rel:KNOWS*1..3`; `*` is `*1..`). A directed relationship
///   has edges source →`start`→ rel →`end`→ target, whatever way it was written, so `(a)<-[:R]-(b)`
///   equals `(b)-[:R]->(a)`; an undirected one has an `either` edge from each end.
/// - **Property constraints.** `{k: v}` in a pattern and a top-level `WHERE` conjunct `n.k = v`
///   (either side) are the same constraint: with a literal or parameter value, a node `k = v`
///   joined by a `property` edge from the entity; otherwise an `=` operator node as below.
/// - **Predicates.** Every other top-level `AND`-conjunct of a WHERE is an operator tree attached
///   to its clause's stage by a `where` edge (`optional where` for an OPTIONAL MATCH, whose WHERE
///   filters only the optional part; there `n.k = v` is a constraint only on what it introduces): operator nodes (`<`, `STARTS WITH`, `NOT`, function
///   names, …) with `arg` edges for the commutative `=`, `<>`, `AND`, `OR`, `XOR` (operands of a
///   chain flattened) and `left`/`right` or `arg0`, `arg1`, … otherwise; `a > b` is written `b < a`
///   and `>=` as `<=`. A property read `n.k` is a node `.k` with an `of` edge to what it reads
///   (shared by every read of the same property), a variable is the node it names, a literal its
///   Cypher text.
/// - **Stages.** A root `query` node, then one node per WITH/RETURN (`with`, `return`, `+ distinct`,
///   `+ *`) chained by `then` edges; each projected expression hangs off its stage by an `item`
///   edge (aliases and column order are ignored; a WITH alias then names the expression), ORDER BY
///   keys by `order1 asc`, `order2 desc`, …, SKIP and LIMIT values by `skip` and `limit`.
///   Aggregates are function nodes (`count`, `avg distinct`, `count(*)`).
/// - **Other clauses.** UNWIND, SET, REMOVE, DELETE and CALL are operator nodes on the current
///   stage; `UNION` / `UNION ALL` joins the parts' roots.
///
/// Pattern parts, conjuncts and map entries are unordered by construction, so reordering them
/// yields an isomorphic graph (edit distance 0).
///
/// ```swift
/// let a = try CypherQueryGraph.build(cypher: "MATCH (m:Movie {title: 'Heat'}) RETURN m.year")
/// let b = try CypherQueryGraph.build(cypher: "MATCH (x:Movie) WHERE x.title = 'Heat' RETURN x.year")
/// GraphEditDistance().compute(a, b).distance   // 0
/// ```
public enum CypherQueryGraph {
    /// The graph of a parsed query.
    ///
    /// Expressions nested deeper than ``NestingLimit/depth`` are a `NestingLimit` error.
    public static func build(_ query: Query) throws(QueryError) -> QueryGraph {
        try StackGuard.run(needing: StackGuard.queryStack) { () throws(QueryError) in
            var builder = CypherGraphBuilder()
            builder.add(query)
            if let error = builder.tooDeep { throw error }
            return builder.finish()
        }
    }

    /// Parses `text` and builds its graph; throws the parser's error for invalid Cypher.
    public static func build(cypher text: String) throws -> QueryGraph {
        try build(try CypherParser.parse(text))
    }
}
