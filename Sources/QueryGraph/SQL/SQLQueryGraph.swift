import QuiverCore
import SQL

/// Builds the ``QueryGraph`` of a SQL query: a canonical, alias-free picture of what it asks.
///
/// The construction (described in full in <doc:QueryGraphConstruction>), under which equivalent
/// queries give the same graph:
/// - **Tables.** One node per FROM item, `table singer` (names lower-cased), joined to its select
///   node by `from` (or `from outer` on the optional side of an outer join). Aliases never appear.
/// - **Columns.** A read of a column is a node `.name` with an `of` edge to the table it reads,
///   shared by every read of that column of that table. Qualifiers are resolved through aliases,
///   and an unqualified name through the schema (the one FROM item whose table has the column;
///   without a schema, the only FROM item).
/// - **Joins.** An equality of two columns of different FROM items, in `ON` or `WHERE` of an inner
///   join alike, is a pair of `join` edges between the column nodes (one each way); an outer join's
///   is an `outer join` edge from the preserved column to the optional one. `USING` and `NATURAL`
///   give the same edges.
/// - **Predicates.** Every other top-level `AND` conjunct of WHERE (and of an inner join's ON) is
///   an operator tree hung off its select node by `where`; HAVING's by `having`. `=`, `!=`, `AND`,
///   `OR`, `+`, `*`, `IN` lists and `IS` have unordered `arg` edges; `a > b` is written `b < a`.
///   Equal sub-expressions of one select are one node, so `ORDER BY c` with `count(*) AS c` equals
///   `ORDER BY count(*)`.
/// - **Shape.** Select items hang off the select node by `item` (order ignored), GROUP BY keys off a
///   `group by` node, ORDER BY keys off an `order by` node by `key1 asc`, `key2 desc`, …, LIMIT and
///   OFFSET by `limit` / `offset`; set operations are nodes over their parts; a subquery is its
///   own select node wherever it is used.
///
/// ```swift
/// let a = try SQLQueryGraph.build(sql: "SELECT T1.name FROM singer AS T1 JOIN concert AS T2 ON T1.id = T2.singer_id")
/// let b = try SQLQueryGraph.build(sql: "SELECT s.name FROM concert c, singer s WHERE c.singer_id = s.id")
/// GraphEditDistance().compute(a, b).distance   // 0
/// ```
public enum SQLQueryGraph {
    /// The graph of a parsed query; `schema` resolves unqualified columns to their tables.
    ///
    /// A tree nested deeper than ``NestingLimit/depth`` (possible only for a tree not made by
    /// ``SQLParser``, which stops there) is a `NestingLimit` error.
    public static func build(_ statement: SelectStatement, schema: Schema? = nil) throws(QueryError) -> QueryGraph {
        try StackGuard.run(needing: StackGuard.queryStack) { () throws(QueryError) in
            var builder = SQLGraphBuilder(schema: schema)
            _ = builder.addStatement(statement)
            if let error = builder.tooDeep { throw error }
            return builder.graph
        }
    }

    /// Parses `text` (SQLite dialect) and builds its graph; throws the parser's error for invalid SQL.
    public static func build(sql text: String, schema: Schema? = nil) throws(QueryError) -> QueryGraph {
        try build(try SQLParser.parse(text), schema: schema)
    }
}
