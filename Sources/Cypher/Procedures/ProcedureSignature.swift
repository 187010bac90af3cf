import Foundation
import QuiverCore

/// The declared inputs and outputs of a procedure: what CALL is checked against at compile time
/// and what its arguments are coerced to at run time.
///
/// A procedure with no outputs is VOID: called inside a query it passes each row on unchanged.
///
/// ```swift
/// let signature = ProcedureSignature(declaration: "test.my.proc(in :: INTEGER?) :: (out :: STRING?)")
/// signature?.inputs.map(\.name)        // ["in"]
/// signature?.outputs.first?.type       // STRING?
/// ```
public struct ProcedureSignature: Sendable, Hashable, CustomStringConvertible {
    /// One named, typed input or output.
    public struct Field: Sendable, Hashable, CustomStringConvertible {
        /// The name as written (backticks removed).
        public var name: String
        /// The declared type.
        public var type: CypherType
        /// The value an input takes when a call leaves it out; `nil` for a required input (and for outputs).
        public var defaultValue: Value?

        /// Creates the value from its parts.
        public init(name: String, type: CypherType, defaultValue: Value? = nil) {
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
        }

        /// `name :: TYPE`, with ` = default` before the type when there is one.
        public var description: String {
            "\(name)\(defaultValue.map { " = \($0)" } ?? "") :: \(type)"
        }
    }

    /// The dotted name, e.g. `db.labels`.
    public var name: String
    /// The declared inputs, in order; inputs with a default come last.
    public var inputs: [Field]
    /// The declared outputs, in order; empty for a VOID procedure.
    public var outputs: [Field]

    /// Creates the value from its parts.
    public init(name: String, inputs: [Field], outputs: [Field]) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Reads a declaration `ns.name(a :: T, …) :: (b :: U, …)` as the TCK writes procedure fixtures;
    /// `:: VOID` (or `:: ()`) declares no outputs. `nil` when the text is not a declaration.
    public init?(declaration: String) {
        let text = declaration.trimmingCharacters(in: .whitespaces)
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")"),
              let marker = text[close...].range(of: "::") else { return nil }
        let result = text[marker.upperBound...].trimmingCharacters(in: .whitespaces)
        let outputs: [Field]?
        if result.uppercased() == "VOID" {
            outputs = []
        } else if result.hasPrefix("("), result.hasSuffix(")") {
            outputs = Self.fields(result.dropFirst().dropLast())
        } else {
            outputs = nil
        }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let inputs = Self.fields(text[text.index(after: open)..<close]), let outputs else {
            return nil
        }
        self.init(name: name, inputs: inputs, outputs: outputs)
    }

    /// Whether the procedure has no outputs.
    public var isVoid: Bool { outputs.isEmpty }

    /// How many inputs a call must pass explicitly: those before the first default.
    public var requiredInputCount: Int { inputs.prefix { $0.defaultValue == nil }.count }

    /// The declaration as signatures are printed; one without defaults reads back with ``init(declaration:)``.
    public var description: String {
        let result = isVoid ? "VOID" : "(" + outputs.map(\.description).joined(separator: ", ") + ")"
        return "\(name)(" + inputs.map(\.description).joined(separator: ", ") + ") :: " + result
    }

    /// `name :: TYPE, …`; `nil` when a field is malformed.
    private static func fields(_ list: Substring) -> [Field]? {
        var result: [Field] = []
        for part in list.split(separator: ",") where !part.allSatisfy(\.isWhitespace) {
            let pieces = part.components(separatedBy: "::")
            guard pieces.count == 2, let type = CypherType(declaration: pieces[1]) else { return nil }
            let name = pieces[0].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return nil }
            result.append(Field(name: name.trimmingCharacters(in: CharacterSet(charactersIn: "`")), type: type))
        }
        return result
    }
}
