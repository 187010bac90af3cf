import Cypher
import Foundation
import PropertyGraph
import QuiverCore

/// Reads Text-to-Cypher gold and prediction files as they come.
///
/// - **neo4j-labs CSV** (`question,cypher,type,database,syntax_error,timeout,returns_results,false_schema`):
///   `cypher` is the gold; a `pred` or `prediction` column, if present, the prediction.
/// - **Cy-Spider JSON** (an array of `{db_id, query, question, answers}`).
/// - **JSONL**, one object a line: `{question?, gold, pred?, database?}` (`cypher`/`query` are read as
///   `gold`, `prediction` as `pred`, `db_id` as `database`).
///
/// Predictions alone (``readPredictions(at:count:)``): JSONL with `pred`/`prediction`/`cypher`/`query`,
/// a CSV with one of those columns, or a JSON array of strings, in gold order.
public enum CypherDatasetReader {
    /// The gold examples of the file at `url`, format chosen by its content and extension.
    ///
    /// With `requireGold` false, a file without a gold column or field is read too (its examples'
    /// `gold` is empty): for scoring its predictions against another file of queries.
    public static func readGold(at url: URL, requireGold: Bool = true) throws(DatasetError) -> [CypherExample] {
        if isCSV(url) { return try csvExamples(url, requireGold: requireGold) }
        let text = try DatasetError.readText(url)
        let trimmed = text.drop(while: { $0.isWhitespace })
        if trimmed.first == "[" { return try cySpider(text, url) }
        if trimmed.first == "{" { return try jsonl(text, url, requireGold: requireGold) }
        throw DatasetError(file: url.path, message: "not a neo4j-labs CSV (.csv), a Cy-Spider JSON array, or JSONL of {gold, pred}")
    }

    /// The predictions of the file at `url`, one per gold example.
    public static func readPredictions(at url: URL, count: Int) throws(DatasetError) -> [String] {
        let predictions = try readQueries(at: url)
        guard predictions.count == count else {
            throw DatasetError(file: url.path, message: "\(predictions.count) predictions for \(count) gold examples; give one prediction per gold example, in gold order")
        }
        return predictions
    }

    /// The queries of a predictions-format file (JSONL, CSV or a JSON array), however many there are.
    public static func readQueries(at url: URL) throws(DatasetError) -> [String] {
        isCSV(url) ? try csvPredictions(url) : try jsonPredictions(DatasetError.readText(url), url)
    }

    /// The fields (or CSV columns) a prediction is read from, in order of preference.
    private static let predictionKeys = ["pred", "prediction", "cypher", "query"]

    private static func predictionField(_ object: [String: Any]) -> String? {
        predictionKeys.lazy.compactMap { object[$0] as? String }.first
    }

    private static func isCSV(_ url: URL) -> Bool { url.pathExtension.lowercased() == "csv" }

    private static func csvPredictions(_ url: URL) throws(DatasetError) -> [String] {
        let table = try csvTable(url)
        guard let column = predictionKeys.first(where: { table.header.contains($0) }) else {
            throw DatasetError(file: url.path, message: "no `pred`, `prediction` or `cypher` column in the header \(table.header)")
        }
        return table.rows.map { $0[column] ?? "" }
    }

    /// A JSON array of strings (or of objects with a prediction field), else JSONL objects.
    private static func jsonPredictions(_ text: String, _ url: URL) throws(DatasetError) -> [String] {
        if text.drop(while: { $0.isWhitespace }).first == "[" {
            try DatasetError.checkNesting(text, file: url.path)
            guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else {
                throw DatasetError(file: url.path, message: "expected a JSON array of query strings")
            }
            return array.map { ($0 as? String) ?? (($0 as? [String: Any]).flatMap(predictionField) ?? "") }
        }
        return try jsonLines(text, url).map { (line, object) throws(DatasetError) in
            guard let prediction = predictionField(object) else {
                throw DatasetError(file: url.path, message: "line \(line): no `pred`, `prediction` or `cypher` field")
            }
            return prediction
        }
    }

    struct Table {
        var header: [String]
        var rows: [[String: String]]
    }

    /// The header and rows of a CSV file: UTF-8, and every row as many fields as the header.
    static func csvTable(_ url: URL) throws(DatasetError) -> Table {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(url.path)
        } catch {
            throw DatasetError(file: url.path, message: error.message)
        }
        if let offset = DatasetError.firstInvalidUTF8(bytes) {
            let line = bytes[..<offset].count { $0 == UInt8(ascii: "\n") } + 1
            throw DatasetError(file: url.path, line: line, message: "is not UTF-8 (byte \(offset)); convert the file to UTF-8")
        }
        let records: [(line: Int, fields: [String?])]
        do {
            records = try CSVRecords.numbered(bytes, file: url.path)
        } catch GraphStoreError.importFailed(_, let line, let message) {
            // The file is named once, by the DatasetError; line 0 means the whole file.
            throw DatasetError(file: url.path, line: line > 0 ? line : nil, message: message)
        } catch {
            throw DatasetError(file: url.path, message: "\(error)")
        }
        guard let header = records.first?.fields.map({ $0 ?? "" }) else { throw DatasetError(file: url.path, message: "the CSV file is empty") }
        var rows: [[String: String]] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw DatasetError(
                    file: url.path, line: record.line,
                    message: "has \(record.fields.count) fields but the header has \(header.count); quote fields that hold commas or newlines")
            }
            var row: [String: String] = [:]
            for (i, name) in header.enumerated() { row[name] = record.fields[i] }
            rows.append(row)
        }
        return Table(header: header, rows: rows)
    }

    static let neo4jLabsFlags = ["syntax_error", "timeout", "returns_results", "false_schema"]

    private static func csvExamples(_ url: URL, requireGold: Bool) throws(DatasetError) -> [CypherExample] {
        let table = try csvTable(url)
        let goldColumn = ["cypher", "gold", "query"].first(where: { table.header.contains($0) })
        if goldColumn == nil, requireGold {
            throw DatasetError(file: url.path, message: "no `cypher` (gold) column in the header \(table.header); expected neo4j-labs' question,cypher,type,database,… (or score the predictions --against another file)")
        }
        let predColumn = ["pred", "prediction"].first(where: { table.header.contains($0) })
        return table.rows.enumerated().map { index, row in
            var flags: [String: String] = [:]
            for key in neo4jLabsFlags { if let v = row[key] { flags[key] = v } }
            return CypherExample(index: index, question: row["question"], gold: goldColumn.flatMap { row[$0] } ?? "",
                                 prediction: predColumn.flatMap { row[$0] }, database: row["database"] ?? row["db_id"],
                                 type: row["type"], datasetFlags: flags)
        }
    }

    private static func cySpider(_ text: String, _ url: URL) throws(DatasetError) -> [CypherExample] {
        try DatasetError.checkNesting(text, file: url.path)
        let shape = "expected a JSON array of {db_id, query, question, answers} objects (Cy-Spider)"
        let decoded: Value
        do {
            decoded = try ValueJSON.decode(text)
        } catch {
            throw DatasetError(file: url.path, message: "\(shape): \(error.message)")
        }
        guard case .list(let items) = decoded else { throw DatasetError(file: url.path, message: shape) }
        return try items.enumerated().map { (index, item) throws(DatasetError) in
            guard case .map(let fields) = item, case .string(let query)? = fields["query"] else {
                throw DatasetError(file: url.path, message: "item \(index): no `query` string; \(shape)")
            }
            func text(_ key: String) -> String? {
                if case .string(let value)? = fields[key] { return value }
                return nil
            }
            var answers: [[Value]]?
            if case .list(let rows)? = fields["answers"] {
                answers = rows.map { row -> [Value] in
                    if case .list(let cells) = row { return cells }
                    return [row]
                }
            }
            return CypherExample(index: index, question: text("question"), gold: query, database: text("db_id"), answers: answers)
        }
    }

    private static func jsonl(_ text: String, _ url: URL, requireGold: Bool) throws(DatasetError) -> [CypherExample] {
        try jsonLines(text, url).enumerated().map { (index, entry) throws(DatasetError) in
            let object = entry.object
            let found = (object["gold"] ?? object["cypher"] ?? object["query"]) as? String
            guard let gold = found ?? (requireGold ? nil : "") else {
                throw DatasetError(file: url.path, message: "line \(entry.line): no `gold` query string (or score the predictions --against another file)")
            }
            // `cypher` and `query` name the gold here, so only `pred` and `prediction` are predictions.
            return CypherExample(index: index, question: object["question"] as? String, gold: gold,
                                 prediction: (object["pred"] ?? object["prediction"]) as? String,
                                 database: (object["database"] ?? object["db_id"]) as? String,
                                 type: object["type"] as? String)
        }
    }

    /// The JSON objects of JSONL text with their 1-based line numbers; blank lines are skipped.
    private static func jsonLines(_ text: String, _ url: URL) throws(DatasetError) -> [(line: Int, object: [String: Any])] {
        var objects: [(line: Int, object: [String: Any])] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            try DatasetError.checkNesting(line, file: url.path, line: number + 1)
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw DatasetError(file: url.path, message: "line \(number + 1) is not a JSON object")
            }
            objects.append((number + 1, object))
        }
        return objects
    }
}
