import Foundation
import QuiverCore

/// The declared inputs and outputs of a procedure, for checking CALL at compile time.
///
/// ```swift
/// let signature = ProcedureSignature(declaration: "test.my.proc(in :: INTEGER?) :: (out :: INTEGER?)")
/// signature?.inputs.map(\.name)    // ["in"]
/// ```
public struct ProcedureSignature: Sendable, Hashable {
    /// One named, typed input or output.
    public struct Field: Sendable, Hashable {
        /// The name as written (backticks removed).
        public var name: String
        /// The declared type as written, e.g. `INTEGER?`, `STRING`, `LIST? OF INTEGER?`.
        public var type: String

        /// Creates the value from its parts.
        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    /// The dotted name, e.g. `db.labels`.
    public var name: String
    /// The declared inputs, in order.
    public var inputs: [Field]
    /// The declared outputs, in order.
    public var outputs: [Field]

    /// Creates the value from its parts.
    public init(name: String, inputs: [Field], outputs: [Field]) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Reads a declaration `ns.name(a :: T, …) :: (b :: U, …)`, as the TCK writes procedure fixtures.
    public init?(declaration: String) {
        let text = declaration.trimmingCharacters(in: .whitespaces)
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return nil }
        let rest = text[text.index(after: close)...]
        guard let outOpen = rest.firstIndex(of: "("), let outClose = rest.lastIndex(of: ")") else { return nil }
        func fields(_ list: Substring) -> [Field]? {
            let parts = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var result: [Field] = []
            for part in parts {
                let pieces = part.components(separatedBy: "::")
                guard pieces.count == 2 else { return nil }
                result.append(Field(name: pieces[0].trimmingCharacters(in: .whitespaces),
                                    type: pieces[1].trimmingCharacters(in: .whitespaces)))
            }
            return result
        }
        guard let inputs = fields(text[text.index(after: open)..<close]),
              let outputs = fields(rest[rest.index(after: outOpen)..<outClose]) else { return nil }
        self.init(name: String(text[..<open]).trimmingCharacters(in: .whitespaces), inputs: inputs, outputs: outputs)
    }

    /// Whether a value of static type `type` can be passed where `declared` is expected.
    static func accepts(_ declared: String, _ type: StaticType) -> Bool {
        let base = declared.uppercased().split(separator: " ").first.map(String.init)?
            .trimmingCharacters(in: CharacterSet(charactersIn: "?")) ?? "ANY"
        switch type {
        case .any, .null: return true
        case .integer: return ["INTEGER", "INT", "FLOAT", "NUMBER", "ANY"].contains(base)
        case .float: return ["FLOAT", "NUMBER", "ANY"].contains(base)
        case .string: return ["STRING", "ANY"].contains(base)
        case .boolean: return ["BOOLEAN", "BOOL", "ANY"].contains(base)
        case .map: return ["MAP", "ANY"].contains(base)
        case .list: return ["LIST", "ANY"].contains(base)
        case .node: return ["NODE", "MAP", "ANY"].contains(base)
        case .relationship: return ["RELATIONSHIP", "MAP", "ANY"].contains(base)
        case .path: return ["PATH", "ANY"].contains(base)
        }
    }
}
