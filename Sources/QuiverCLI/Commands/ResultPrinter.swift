import Cypher
import QuiverCore

/// Renders query results as a text table, JSON (schemas/cypher-result.schema.json) or CSV.
struct ResultPrinter {
    let format: CypherCommand.Format

    func render(_ result: QueryResult, index: Int) -> String {
        switch format {
        case .table: return table(result)
        case .json: return json(result, index: index) + "\n"
        case .csv: return csv(result)
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
        let s = result.statistics
        let rows = result.rows.map { "[" + $0.map(ValueJSON.encode).joined(separator: ",") + "]" }.joined(separator: ",")
        return #"{"query":"# + "\(index)" + #","columns":["# + result.columns.map(ValueJSON.string).joined(separator: ",")
            + #"],"rows":["# + rows + #"],"statistics":{"nodesCreated":"# + "\(s.nodesCreated)"
            + #","nodesDeleted":"# + "\(s.nodesDeleted)" + #","relationshipsCreated":"# + "\(s.relationshipsCreated)"
            + #","relationshipsDeleted":"# + "\(s.relationshipsDeleted)" + #","propertiesSet":"# + "\(s.propertiesSet)"
            + #","labelsAdded":"# + "\(s.labelsAdded)" + #","labelsRemoved":"# + "\(s.labelsRemoved)" + "}}"
    }

    static func errorJSON(_ error: QueryError, index: Int) -> String {
        let line = error.location.map { String($0.line) } ?? "null"
        let column = error.location.map { String($0.column) } ?? "null"
        return #"{"query":"# + "\(index)" + #","error":{"category":"# + ValueJSON.string(error.category.rawValue)
            + #","code":"# + ValueJSON.string(error.code) + #","phase":"# + ValueJSON.string(error.phase.rawValue)
            + #","line":"# + line + #","column":"# + column + #","message":"# + ValueJSON.string(error.message) + "}}"
    }

    private func csv(_ result: QueryResult) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var out = result.columns.map(field).joined(separator: ",") + "\n"
        for row in result.rows {
            out += row.map { value -> String in
                switch value {
                case .null: return ""
                case .string(let s): return field(s)
                default: return field(value.description)
                }
            }.joined(separator: ",") + "\n"
        }
        return out
    }
}
