import Foundation

/// Reads Spider and BIRD gold and prediction files exactly as the benchmarks ship them.
///
/// Gold: a JSON array (Spider `dev.json` with `query`, BIRD `dev.json` with `SQL`, BIRD mini-dev with
/// `gold_sql`; each with `db_id`), or a text file of `SQL<TAB>db_id` lines (Spider `dev_gold.sql`,
/// BIRD `dev_gold.sql`). Predictions: one SQL per line, cut at the first TAB as the official
/// evaluators do (blank lines are kept as empty predictions, so later lines do not shift), or BIRD's
/// JSON object `{"0": "sql\t----- bird -----\tdb_id", …}`.
///
/// ```swift
/// let gold = try SQLDatasetReader.readGold(at: URL(fileURLWithPath: "spider/dev.json"))
/// let predictions = try SQLDatasetReader.readPredictions(at: URL(fileURLWithPath: "pred.sql"), count: gold.count)
/// ```
public enum SQLDatasetReader {
    /// The examples of a gold file, in file order.
    public static func readGold(at url: URL) throws(DatasetError) -> [SQLExample] {
        let data = try DatasetError.readText(url)
        if let first = data.first(where: { !$0.isWhitespace }), first == "[" {
            return try goldFromJSON(data, file: url.path)
        }
        return try goldFromLines(data, file: url.path)
    }

    /// The predictions of a file, one per gold example; a different count is an error.
    public static func readPredictions(at url: URL, count: Int) throws(DatasetError) -> [String] {
        let text = try DatasetError.readText(url)
        let predictions: [String]
        if let first = text.first(where: { !$0.isWhitespace }), first == "{" {
            predictions = try predictionsFromBIRDJSON(text, file: url.path)
        } else {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                ($0.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmed(.whitespacesAndNewlines)
            }
            if text.hasSuffix("\n") { lines.removeLast() }
            predictions = lines
        }
        guard predictions.count == count else {
            throw DatasetError(
                file: url.path,
                message: "has \(predictions.count) predictions but the gold file has \(count) examples; "
                    + "give one prediction per gold example, in gold order (an empty line for a missing one)")
        }
        return predictions
    }

    private static func goldFromJSON(_ text: String, file: String) throws(DatasetError) -> [SQLExample] {
        try DatasetError.checkNesting(text, file: file)
        let records: [[String: Any]]
        do {
            guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
                throw DatasetError(file: file, message: "is not a JSON array of objects")
            }
            records = array
        } catch let error as DatasetError {
            throw error
        } catch {
            throw DatasetError(file: file, message: "is not valid JSON: \(error.localizedDescription)")
        }
        var examples: [SQLExample] = []
        for (index, record) in records.enumerated() {
            guard let database = record["db_id"] as? String,
                let gold = (record["query"] ?? record["SQL"] ?? record["gold_sql"]) as? String
            else {
                throw DatasetError(
                    file: file,
                    message: "record \(index) has no `db_id` and `query` (Spider), `SQL` (BIRD) or `gold_sql` (BIRD mini-dev)")
            }
            examples.append(SQLExample(
                index: index, databaseID: database, gold: gold,
                question: record["question"] as? String, difficulty: record["difficulty"] as? String))
        }
        return examples
    }

    private static func goldFromLines(_ text: String, file: String) throws(DatasetError) -> [SQLExample] {
        var examples: [SQLExample] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmed(.whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let tab = trimmed.lastIndex(of: "\t") else {
                throw DatasetError(file: file, line: number + 1, message: "expected `SQL<TAB>db_id`; no TAB on this line")
            }
            let sql = trimmed[..<tab].trimmed(.whitespaces)
            let database = trimmed[trimmed.index(after: tab)...].trimmed(.whitespaces)
            examples.append(SQLExample(index: examples.count, databaseID: database, gold: sql))
        }
        return examples
    }

    /// BIRD's `{idx: "sql\t----- bird -----\tdb_id"}`; keys are indexes, in any order.
    private static func predictionsFromBIRDJSON(_ text: String, file: String) throws(DatasetError) -> [String] {
        try DatasetError.checkNesting(text, file: file)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw DatasetError(file: file, message: "is not a JSON object `{\"0\": \"sql\\t----- bird -----\\tdb_id\"}`")
        }
        var byIndex: [Int: String] = [:]
        for (key, value) in object {
            guard let index = Int(key), let entry = value as? String else {
                throw DatasetError(file: file, message: "key `\(key)` is not an index with a string value")
            }
            let sql = entry.components(separatedBy: "\t----- bird -----\t").first ?? entry
            byIndex[index] = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let count = (byIndex.keys.max() ?? -1) + 1
        return (0..<count).map { byIndex[$0] ?? "" }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in:)`, skipped when both ends are visible ASCII (nothing to trim): the
    /// Foundation call bridges every line, which is most of the cost of reading a large file.
    func trimmed(_ blanks: CharacterSet) -> String {
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7f).contains(first), (0x21..<0x7f).contains(last) {
            return String(self)
        }
        return trimmingCharacters(in: blanks)
    }
}
