import Cypher
import QuiverCore
import Foundation

/// How Cypher result values are put in a comparable form for scoring.
///
/// Gold and prediction run on the same graph, so nodes and relationships compare by identity
/// (their ids) and content; numbers inside lists and maps are canonicalised like top-level ones
/// (``ResultComparison/canonical(_:)``), so `[1.0, 2]` equals `[1, 2]`.
enum CypherResultValues {
    /// The value with every number, at any depth, in canonical form.
    static func canonical(_ value: Value) -> Value {
        switch value {
        case .list(let items): return .list(items.map(canonical))
        case .map(let entries): return .map(entries.mapValues(canonical))
        default: return ResultComparison.canonical(value)
        }
    }

    /// A stable text of a value (maps key-sorted), for hashing composite cells.
    static func text(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return String(f)
        case .string(let s): return "'" + s + "'"
        case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.keys.sorted().map { "\($0): \(text(entries[$0] ?? .null))" }.joined(separator: ", ") + "}"
        case .node(let n):
            return "(" + n.labels.sorted().map { ":" + $0 }.joined() + " " + text(.map(n.properties)) + ")"
        case .relationship(let r):
            return "[:" + r.type + " " + text(.map(r.properties)) + "]"
        case .path(let p):
            return "<" + p.nodes.map { text(.node($0)) }.joined(separator: ",") + "|" + p.relationships.map { text(.relationship($0)) }.joined(separator: ",") + ">"
        default:
            return "\(value)"
        }
    }
}
