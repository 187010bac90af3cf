/// Prints a ``Drawing`` as a Mermaid flowchart, for Markdown that renders Mermaid (GitHub, many
/// notebooks and wikis).
///
/// Node ids become `n0`, `n1`, … (Mermaid ids must be plain words); captions are quoted, with
/// `"` written as `#quot;`. Colours are `style` and `linkStyle` lines; clusters are `subgraph`s.
///
/// ```swift
/// let text = MermaidRenderer.render(drawing)   // "flowchart LR\n  n0[\"Ann\"]\n  …"
/// ```
public enum MermaidRenderer {
    /// The drawing as one `flowchart LR`.
    public static func render(_ drawing: Drawing) -> String {
        var name: [String: String] = [:]
        for (number, node) in drawing.nodes.enumerated() { name[node.id] = "n\(number)" }
        var lines = ["flowchart LR"]
        let clusterIDs = Set(drawing.clusters.map(\.id))
        for (number, cluster) in drawing.clusters.enumerated() {
            lines.append("  subgraph c\(number) [\(quoted(cluster.title))]")
            for node in drawing.nodes where node.cluster == cluster.id {
                lines.append("    \(name[node.id] ?? "")[\(quoted(node.caption))]")
            }
            lines.append("  end")
        }
        for node in drawing.nodes where !clusterIDs.contains(node.cluster ?? "\u{0}") {
            lines.append("  \(name[node.id] ?? "")[\(quoted(node.caption))]")
        }
        let edges = drawing.drawableEdges
        for edge in edges {
            let from = name[edge.from] ?? "", to = name[edge.to] ?? ""
            let arrow = edge.dashed ? "-.-" : "-->"
            lines.append(edge.label.isEmpty ? "  \(from) \(arrow) \(to)" : "  \(from) \(arrow)|\(quoted(edge.label))| \(to)")
        }
        for node in drawing.nodes {
            lines.append("  style \(name[node.id] ?? "") fill:\(node.color),stroke:#455a64,color:#000")
        }
        for (number, edge) in edges.enumerated() {
            lines.append("  linkStyle \(number) stroke:\(edge.color)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Mermaid quoted label: `"` as `#quot;`, line breaks as `<br>`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "#quot;"
            case "\n", "\r\n": out += "<br>"
            case "\r": break
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
