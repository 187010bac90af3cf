import QuiverCore

/// A procedure the TCK declares for one scenario (`And there exists a procedure …:`), with its table.
///
/// The table's columns are the procedure's inputs followed by its outputs; a call yields the output
/// columns of every row whose input columns equal the arguments.
///
/// ```swift
/// // And there exists a procedure test.my.proc(name :: STRING?) :: (out :: INTEGER?):
/// //   | name  | out |
/// //   | 'Ann' | 1   |
/// fixture.signature   // "test.my.proc(name :: STRING?) :: (out :: INTEGER?)"
/// fixture.rows        // [["Ann", 1]]
/// ```
public struct TCKProcedureFixture: Sendable, Hashable {
    /// The declaration as the TCK writes it: `ns.name(in :: TYPE?, …) :: (out :: TYPE?, …)`.
    public var signature: String
    /// The table's header: input names, then output names.
    public var columns: [String]
    /// The table's rows, parsed as TCK values.
    public var rows: [[Value]]

    public init(signature: String, columns: [String], rows: [[Value]]) {
        self.signature = signature
        self.columns = columns
        self.rows = rows
    }

    /// Parses a fixture step's table (a lone `|` row means a procedure with no columns and no rows).
    public init(signature: String, table: [[String]]) throws(TCKValueError) {
        let header = (table.first ?? []).filter { !$0.isEmpty }
        var rows: [[Value]] = []
        for row in table.dropFirst() {
            rows.append(try row.map { cell throws(TCKValueError) in try TCKValueParser.parse(cell) })
        }
        self.init(signature: signature, columns: header, rows: rows)
    }
}

extension TCKEngine {
    /// By default an engine has no procedure fixtures, and scenarios that declare one are skipped.
    public func defineProcedure(_ fixture: TCKProcedureFixture, on graph: inout Graph) throws(QueryError) -> Bool {
        false
    }
}
