/// One step of a TCK scenario, interpreted: what to set up, run, or check.
///
/// ```swift
/// TCKStep.Kind.expectRows(table, ordered: false, listsUnordered: false)   // "Then the result should be, in any order:"
/// ```
public struct TCKStep: Sendable, Hashable {
    /// What the step does.
    public var kind: Kind
    /// 1-based line in the feature file.
    public var line: Int

    public init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// The step's meaning.
    public enum Kind: Sendable, Hashable {
        /// `Given an empty graph`, `Given any graph`, `Given the <name> graph`.
        case graph(GraphChoice)
        /// `And having executed:` a setup query.
        case setupQuery(String)
        /// `And parameters are:`, each row `| name | TCK value text |`.
        case parameters([[String]])
        /// `When executing query:` (control: `false`) or `When executing control query:` (control: `true`).
        case query(String, control: Bool)
        /// `Then the result should be, …:` with the expected table (header row first).
        case expectRows([[String]], ordered: Bool, listsUnordered: Bool)
        /// `Then the result should be empty`.
        case expectEmpty
        /// `And no side effects`.
        case expectNoSideEffects
        /// `And the side effects should be:`, e.g. `+nodes` → 1.
        case expectSideEffects([String: Int])
        /// `Then a <type> should be raised at <phase>: <detail>`.
        case expectError(ExpectedError)
        /// `And there exists a procedure <signature>:` with its table of rows.
        case procedure(signature: String, table: [[String]])
    }

    /// The graph a scenario starts from.
    public enum GraphChoice: Sendable, Hashable {
        case empty
        case any
        /// One of the TCK's named graphs under `tck/graphs/<name>/<name>.cypher`.
        case named(String)
    }
}

/// The error a scenario expects: openCypher type, phase and detail code.
///
/// ```swift
/// ExpectedError(type: "SyntaxError", phase: .compileTime, detail: "UndefinedVariable")
/// ```
public struct ExpectedError: Sendable, Hashable, CustomStringConvertible {
    /// `SyntaxError`, `TypeError`, …, or the generic `Error`.
    public var type: String
    /// When the error must be raised.
    public var phase: Phase
    /// The detail code, or `*` for any.
    public var detail: String

    public init(type: String, phase: Phase, detail: String) {
        self.type = type
        self.phase = phase
        self.detail = detail
    }

    /// When the TCK allows the error to be raised.
    public enum Phase: String, Sendable, Hashable {
        case compileTime = "compile time"
        case runtime = "runtime"
        case anyTime = "any time"
    }

    public var description: String { "\(type) at \(phase.rawValue): \(detail)" }
}
