import ArgumentParser
import GraphDrawing

/// `--format` of `ask` and `ged`: their usual text, or a picture (the web explorer's drawing) in
/// Graphviz DOT or Mermaid.
///
/// ```swift
/// if let picture = format.drawingFormat { print(picture.render(drawing), terminator: "") }
/// ```
enum PictureFormat: String, ExpressibleByArgument, CaseIterable {
    case text, dot, mermaid

    /// The drawing format, or nil for text.
    var drawingFormat: DrawingFormat? {
        switch self {
        case .text: nil
        case .dot: .dot
        case .mermaid: .mermaid
        }
    }
}
