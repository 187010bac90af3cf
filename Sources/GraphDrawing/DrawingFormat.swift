import Foundation

/// The text formats a ``Drawing`` prints in: Graphviz DOT, a Mermaid flowchart, or the JSON the
/// web explorer draws.
///
/// ```swift
/// print(DrawingFormat.dot.render(drawing))
/// ```
public enum DrawingFormat: String, Sendable, CaseIterable {
    /// Graphviz: `dot -Tsvg drawing.dot > drawing.svg`.
    case dot
    /// A Mermaid `flowchart LR`.
    case mermaid
    /// `{"nodes", "edges", "clusters"}`, keys sorted.
    case json

    /// The drawing in this format, ending in a line break.
    public func render(_ drawing: Drawing) -> String {
        switch self {
        case .dot: return DOTRenderer.render(drawing)
        case .mermaid: return MermaidRenderer.render(drawing)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // A drawing holds strings and flags only, which always encode.
            let data = (try? encoder.encode(drawing)) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}
