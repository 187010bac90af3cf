/// Prints a ``Drawing`` in Graphviz's DOT language: `dot -Tsvg` turns it into a picture.
///
/// Clusters become `subgraph cluster_…` blocks; colours, captions and dashed mapping edges are the
/// web explorer's.
///
/// ```swift
/// let text = DOTRenderer.render(drawing)   // "digraph quiver {\n  graph [rankdir=LR …"
/// ```
public enum DOTRenderer {
    /// The drawing as one `digraph`.
    public static func render(_ drawing: Drawing) -> String {
        var lines = [
            "digraph quiver {",
            "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];",
            "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        let clustered = Dictionary(grouping: drawing.nodes.filter { $0.cluster != nil }, by: { $0.cluster ?? "" })
        for (number, cluster) in drawing.clusters.enumerated() {
            lines.append("  subgraph cluster_\(number) {")
            lines.append("    label=\(quoted(cluster.title));")
            for node in clustered[cluster.id] ?? [] { lines.append("    " + statement(node)) }
            lines.append("  }")
        }
        let clusterIDs = Set(drawing.clusters.map(\.id))
        for node in drawing.nodes where !clusterIDs.contains(node.cluster ?? "\u{0}") {
            lines.append("  " + statement(node))
        }
        for edge in drawing.drawableEdges {
            var attributes = ["color=\(quoted(edge.color))", "fontcolor=\(quoted(edge.color))"]
            if !edge.label.isEmpty { attributes.insert("label=\(quoted(edge.label))", at: 0) }
            if edge.dashed { attributes += ["style=dashed", "arrowhead=none", "constraint=false"] }
            lines.append("  \(quoted(edge.from)) -> \(quoted(edge.to)) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func statement(_ node: Drawing.Node) -> String {
        var attributes = ["label=\(quoted(node.caption))", "fillcolor=\(quoted(node.color))"]
        if !node.details.isEmpty {
            let tooltip = node.details.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
            attributes.append("tooltip=\(quoted(tooltip))")
        }
        return "\(quoted(node.id)) [\(attributes.joined(separator: ", "))];"
    }

    /// A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
