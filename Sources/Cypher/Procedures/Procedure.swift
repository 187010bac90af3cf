import PropertyGraph
import QuiverCore

/// A procedure CALL can invoke: a signature and the body that produces its rows.
///
/// The body gets the graph and the arguments, already checked and coerced against the signature's
/// inputs, and returns one array per result row, aligned with the signature's outputs (a VOID
/// procedure returns no rows). It runs inside the query's transaction, so whatever it changes is
/// undone when the query fails.
///
/// ```swift
/// let signature = ProcedureSignature(name: "math.double", inputs: [.init(name: "x", type: CypherType(.float))],
///                                    outputs: [.init(name: "y", type: CypherType(.float))])
/// let double = Procedure(signature) { call in
///     guard case .float(let x) = call["x"] else { return [] }
///     return [[.float(2 * x)]]
/// }
/// var procedures = ProcedureRegistry.standard
/// procedures.register(double)
/// ```
public struct Procedure: Sendable {
    /// Produces the result rows of one invocation.
    public typealias Body = @Sendable (ProcedureInvocation) throws(QueryError) -> [[Value]]

    /// The name, inputs and outputs.
    public var signature: ProcedureSignature
    /// Whether the body may change the graph; a read-only query cannot call a writing procedure.
    public var mode: Mode
    /// The implementation.
    public var body: Body

    /// Creates a procedure from its signature and body; `mode` says whether the body writes.
    public init(_ signature: ProcedureSignature, mode: Mode = .read, body: @escaping Body) {
        self.signature = signature
        self.mode = mode
        self.body = body
    }

    /// What a procedure may do to the graph.
    public enum Mode: Sendable, Hashable {
        /// Reads only.
        case read
        /// May create, change or delete entities.
        case write
    }
}

/// One call of a procedure: the graph it runs on and its arguments. Not `Sendable`: it lives for
/// the call, on the query's thread, like the store it points to.
///
/// ```swift
/// let name = invocation["name"]       // by input name
/// let first = invocation.arguments[0] // by position
/// ```
public struct ProcedureInvocation {
    /// The graph the query runs on.
    public let graph: GraphStore
    /// One value per declared input, in order: the coerced argument or the input's default.
    public let arguments: [Value]
    /// The signature the arguments were checked against.
    public let signature: ProcedureSignature

    /// Creates the value from its parts.
    public init(graph: GraphStore, arguments: [Value], signature: ProcedureSignature) {
        self.graph = graph
        self.arguments = arguments
        self.signature = signature
    }

    /// The argument of the input called `name`, or `null` when there is no such input.
    public subscript(name: String) -> Value {
        guard let index = signature.inputs.firstIndex(where: { $0.name == name }) else { return .null }
        return arguments[index]
    }
}
