import Cypher
import GraphDrawing
import QuiverCore

/// Renders query results as a text table, JSON (schemas/cypher-result.schema.json), CSV, or a
/// picture of the returned graph elements (DOT or Mermaid, the web explorer's drawing).
struct ResultPrinter {
    let format: CypherCommand.Format

    /// The output of query `index`: rows go to `output` as the engine produces them (JSON and CSV),
    /// or are gathered and printed whole at the end (the table needs every row for its widths).
    func stream(index: Int, to output: StandardOutput) -> ResultStream {
        ResultStream(printer: self, index: index, output: output)
    }

    func render(_ result: QueryResult, index: Int) -> String {
        switch format {
        case .table: return table(result)
        case .json: return json(result, index: index) + "\n"
        case .csv: return csv(result)
        case .dot: return DrawingFormat.dot.render(Drawing(rows: result.rows))
        case .mermaid: return DrawingFormat.mermaid.render(Drawing(rows: result.rows))
        }
    }

    private func table(_ result: QueryResult) -> String {
        var out = ""
        if !result.columns.isEmpty {
            let cells = result.rows.map { $0.map(\.description) }
            var widths = result.columns.map(\.count)
            for row in cells { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
            func line(_ values: [String]) -> String {
                "| " + zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: " | ") + " |\n"
            }
            out += line(result.columns)
            out += "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n"
            for row in cells { out += line(row) }
        }
        out += "(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s")\(statistics(result.statistics)))\n"
        return out
    }

    private func statistics(_ s: QueryStatistics) -> String {
        let parts = [
            ("nodes created", s.nodesCreated), ("nodes deleted", s.nodesDeleted),
            ("relationships created", s.relationshipsCreated), ("relationships deleted", s.relationshipsDeleted),
            ("properties set", s.propertiesSet), ("labels added", s.labelsAdded), ("labels removed", s.labelsRemoved),
        ].filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")
    }

    private func json(_ result: QueryResult, index: Int) -> String {
        let rows = result.rows.map { "[" + $0.map(ValueJSON.encode).joined(separator: ",") + "]" }.joined(separator: ",")
        return #"{"query":"# + "\(index)" + #","columns":["# + result.columns.map(ValueJSON.string).joined(separator: ",")
            + #"],"rows":["# + rows + #"],"statistics":"# + Self.statisticsJSON(result.statistics)
            + (result.logicalPlan.map { #","logical":"# + Self.planJSON($0) } ?? "") + "}"
    }

    /// The `logical` object of an EXPLAIN / PROFILE record: operator, details, estimated rows, inputs.
    static func planJSON(_ node: PlanNode) -> String {
        #"{"operator":"# + ValueJSON.string(node.name) + #","details":"# + ValueJSON.string(node.details)
            + #","estimated_rows":"# + "\(node.estimatedRows)" + #","children":["#
            + node.children.map(planJSON).joined(separator: ",") + "]}"
    }

    /// The `statistics` object of a result record.
    static func statisticsJSON(_ s: QueryStatistics) -> String {
        #"{"nodesCreated":"# + "\(s.nodesCreated)"
            + #","nodesDeleted":"# + "\(s.nodesDeleted)" + #","relationshipsCreated":"# + "\(s.relationshipsCreated)"
            + #","relationshipsDeleted":"# + "\(s.relationshipsDeleted)" + #","propertiesSet":"# + "\(s.propertiesSet)"
            + #","labelsAdded":"# + "\(s.labelsAdded)" + #","labelsRemoved":"# + "\(s.labelsRemoved)" + "}"
    }

    static func errorJSON(_ error: QueryError, index: Int) -> String {
        #"{"query":"# + "\(index)" + #","error":"# + errorObject(error) + "}"
    }

    /// The `error` object of a failure record: category, code, phase, line, column, message.
    static func errorObject(_ error: QueryError) -> String {
        let line = error.location.map { String($0.line) } ?? "null"
        let column = error.location.map { String($0.column) } ?? "null"
        return #"{"category":"# + ValueJSON.string(error.category.rawValue)
            + #","code":"# + ValueJSON.string(error.code) + #","phase":"# + ValueJSON.string(error.phase.rawValue)
            + #","line":"# + line + #","column":"# + column + #","message":"# + ValueJSON.string(error.message) + "}"
    }

    private func csv(_ result: QueryResult) -> String {
        var out = Self.csvLine(result.columns)
        for row in result.rows { out += Self.csvRow(row) }
        return out
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map { text in
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }.joined(separator: ",") + "\n"
    }

    static func csvRow(_ row: [Value]) -> String {
        csvLine(row.map { value -> String in
            switch value {
            case .null: return ""
            case .string(let s): return s
            default: return value.description
            }
        })
    }
}

/// One query's output while it runs (see ``ResultPrinter/stream(index:to:)``).
final class ResultStream {
    private let printer: ResultPrinter
    private let index: Int
    private let output: StandardOutput
    private var started = false
    private var rowCount = 0
    /// The graph elements of the rows so far (`dot`, `mermaid`): bounded, unlike the rows.
    private var drawing = ResultDrawing()

    init(printer: ResultPrinter, index: Int, output: StandardOutput) {
        self.printer = printer
        self.index = index
        self.output = output
    }

    /// What the engine streams rows to; nil for the table, which is printed whole.
    var handler: RowHandler? {
        switch printer.format {
        case .table: return nil
        case .dot, .mermaid:
            return RowHandler(columns: { _ in }, row: { [self] row in drawing.add(row: row) })
        case .json:
            return RowHandler(columns: { [self] columns in
                started = true
                output.write(#"{"query":"# + "\(index)" + #","columns":["# + columns.map(ValueJSON.string).joined(separator: ",")
                    + #"],"rows":["#)
            }, row: { [self] row in
                output.write((rowCount == 0 ? "[" : ",[") + row.map(ValueJSON.encode).joined(separator: ",") + "]")
                rowCount += 1
            })
        case .csv:
            return RowHandler(columns: { [self] columns in
                started = true
                output.write(ResultPrinter.csvLine(columns))
            }, row: { [self] row in
                output.write(ResultPrinter.csvRow(row))
            })
        }
    }

    /// The query ended well.
    func finish(_ result: QueryResult) {
        switch printer.format {
        case .table: output.write(printer.render(result, index: index))
        case .json:
            if !started { output.write(#"{"query":"# + "\(index)" + #","columns":[],"rows":["#) }
            output.write(#"],"statistics":"# + ResultPrinter.statisticsJSON(result.statistics)
                + (result.logicalPlan.map { #","logical":"# + ResultPrinter.planJSON($0) } ?? "") + "}\n")
        case .csv:
            if !started { output.write(ResultPrinter.csvLine(result.columns)) }
        case .dot: output.write(DrawingFormat.dot.render(drawing.drawing))
        case .mermaid: output.write(DrawingFormat.mermaid.render(drawing.drawing))
        }
    }

    /// The query failed; in JSON, rows already printed are closed and the error follows them.
    func fail(_ error: QueryError) {
        guard printer.format == .json else { return }
        if started {
            output.write(#"],"error":"# + ResultPrinter.errorObject(error) + "}\n")
        } else {
            output.write(ResultPrinter.errorJSON(error, index: index) + "\n")
        }
    }
}
