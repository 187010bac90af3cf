import Cypher
import QuiverCore

/// The queries of a `quiver cypher --queries FILE` run: one query per line, or JSONL objects
/// `{"id", "query", "params"}` (a file whose first non-blank line starts with `{`).
///
/// A line that cannot be read (bad JSON, no `query`) becomes an entry with an error, so the run
/// reports it in its place and goes on.
struct QueryFile {
    /// One query of the file.
    struct Entry {
        /// The id printed with the result: the JSONL `id` (any JSON value), else the line number.
        var id: Value
        /// The query text.
        var query: String
        /// The line's own parameters (JSONL `params`), if it gave any.
        var parameters: [String: Value]?
        /// The 1-based line of the file.
        var line: Int
        /// Why the line could not be read; the entry then runs nothing.
        var problem: QueryError?
    }

    let entries: [Entry]

    /// Splits `text` into entries; blank lines (and, in plain files, lines starting with `//`) are skipped.
    init(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let isJSONL = lines.first { !$0.allSatisfy(\.isWhitespace) }?.drop(while: \.isWhitespace).first == "{"
        var entries: [Entry] = []
        for (offset, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy(\.isWhitespace) { continue }
            let number = offset + 1
            if isJSONL {
                entries.append(Self.jsonEntry(String(line), line: number))
            } else if !line.drop(while: \.isWhitespace).hasPrefix("//") {
                entries.append(Entry(id: .int(Int64(number)), query: String(line), parameters: nil, line: number))
            }
        }
        self.entries = entries
    }

    private static func jsonEntry(_ text: String, line: Int) -> Entry {
        var entry = Entry(id: .int(Int64(line)), query: "", parameters: nil, line: line)
        let object: [String: Value]
        do {
            guard case .map(let map) = try ValueJSON.decode(text) else {
                entry.problem = problem("line \(line) is not a JSON object; write {\"id\": …, \"query\": \"…\"}")
                return entry
            }
            object = map
        } catch {
            entry.problem = problem("line \(line): \(error.message)")
            return entry
        }
        if let id = object["id"] { entry.id = id }
        guard case .string(let query)? = object["query"] else {
            entry.problem = problem("line \(line) has no \"query\" string")
            return entry
        }
        entry.query = query
        switch object["params"] {
        case nil, .null?: break
        case .map(let parameters)?: entry.parameters = parameters
        default: entry.problem = problem("line \(line): \"params\" must be a JSON object")
        }
        return entry
    }

    private static func problem(_ message: String) -> QueryError {
        QueryError(.argumentError, code: "InvalidQueryLine", phase: .compileTime, message: message)
    }
}
