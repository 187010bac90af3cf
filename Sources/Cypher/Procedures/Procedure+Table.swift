import QuiverCore

extension Procedure {
    /// A procedure backed by a table: each row holds the inputs, then the outputs, and a call yields
    /// the outputs of every row whose inputs are equivalent to its arguments (`null` matches `null`,
    /// `42` matches `42.0`), in table order.
    ///
    /// This is how the openCypher TCK declares procedures (`And there exists a procedure …:`).
    ///
    /// ```swift
    /// if let signature = ProcedureSignature(declaration: "test.city(name :: STRING?) :: (city :: STRING?)") {
    ///     registry.register(try Procedure.table(signature, rows: [["Ann", "Oslo"], ["Bo", "Rome"]]))
    /// }
    /// ```
    ///
    /// Throws `ArgumentError` / `InvalidArgumentValue` when a row's width is not the number of inputs
    /// plus outputs.
    public static func table(_ signature: ProcedureSignature, rows: [[Value]]) throws(QueryError) -> Procedure {
        let inputCount = signature.inputs.count
        let width = inputCount + signature.outputs.count
        if let bad = rows.firstIndex(where: { $0.count != width }) {
            throw QueryError(.argumentError, code: "InvalidArgumentValue", phase: .compileTime,
                             message: "row \(bad + 1) of the table of \(signature.name) has \(rows[bad].count) values; "
                                 + "the signature needs \(inputCount) inputs and \(signature.outputs.count) outputs")
        }
        return Procedure(signature) { call in
            rows.filter { Array($0.prefix(inputCount)) == call.arguments }.map { Array($0.dropFirst(inputCount)) }
        }
    }
}
