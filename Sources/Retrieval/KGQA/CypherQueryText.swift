/// Compiles a relation path to the Cypher query that returns its answers, so the user sees (and can
/// rerun) the query that produced them.
///
/// Each hop is its own `MATCH` followed by `WITH DISTINCT`, which gives the set semantics of the
/// search (a later hop may reuse an edge an earlier one followed) and keeps intermediate results
/// small; with topic exclusion every step leaves the topic entities out.
///
/// ```swift
/// let text = CypherQueryText.compile([Hop(relation: directedBy, forward: true)], in: kg, topicNames: 1, excludeTopic: true)
/// // MATCH (t:Entity {name: $topic}) WITH collect(t) AS topics UNWIND topics AS n0 MATCH (n0)-[:directed_by]->(n1) …
/// ```
public enum CypherQueryText {
    /// The query for `hops` from the entities named by the parameter `$topic` (one name) or
    /// `$topics` (a list), returning the answers' names in the column `answer`; with
    /// `excludesOthers`, entities named in `$others` (the question's other topics) are left out too.
    public static func compile(_ hops: [Hop], in graph: EntityGraph, topicNames: Int, excludeTopic: Bool,
                               excludesOthers: Bool = false) -> String {
        let label = graph.entityLabel.map { ":" + quoted($0) } ?? ""
        let name = quoted(graph.nameProperty)
        var lines: [String] = []
        if topicNames == 1 {
            lines.append("MATCH (t\(label) {\(name): $topic})")
        } else {
            lines.append("MATCH (t\(label)) WHERE t.\(name) IN $topics")
        }
        lines.append("WITH collect(t) AS topics")
        lines.append("UNWIND topics AS n0")
        for (index, hop) in hops.enumerated() {
            let type = quoted(graph.store.typeName(hop.relation))
            let arrow = hop.forward ? "-[:\(type)]->" : "<-[:\(type)]-"
            let next = "n\(index + 1)"
            var condition = excludeTopic ? " WHERE NOT \(next) IN topics" : ""
            if excludesOthers { condition += (condition.isEmpty ? " WHERE " : " AND ") + "NOT \(next).\(name) IN $others" }
            lines.append("MATCH (n\(index))\(arrow)(\(next))" + condition)
            if index < hops.count - 1 { lines.append("WITH DISTINCT topics, \(next)") }
        }
        lines.append("RETURN DISTINCT n\(hops.count).\(name) AS answer")
        return lines.joined(separator: "\n")
    }

    /// A name as a Cypher identifier: as is when it is a plain identifier, else in backticks.
    public static func quoted(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.enumerated().allSatisfy { index, scalar in
            scalar == "_" || (scalar.properties.isAlphabetic && scalar.isASCII) || (index > 0 && scalar.properties.numericType != nil && scalar.isASCII)
        }
        return plain ? name : "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }
}
