import Foundation
import PropertyGraph
import QuiverCore

/// LOAD CSV: one row per CSV record, the record bound as a map (with headers) or a list of strings.
///
/// Files are read once per run and kept; each URL is resolved by ``ImportDirectory``.
final class LoadCSVOperator: Operator {
    let source: Expr
    let withHeaders: Bool
    let delimiter: UInt8
    let slot: Int
    private var loaded: [String: [[String?]]] = [:]

    init(_ source: Expr, withHeaders: Bool, delimiter: UInt8, slot: Int) {
        self.source = source
        self.withHeaders = withHeaders
        self.delimiter = delimiter
        self.slot = slot
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        guard case .string(let url) = try source.evaluate(row, context) else {
            throw .invalidArgumentType("LOAD CSV FROM needs a string URL such as 'file:///data.csv'")
        }
        let path = try ImportDirectory.resolve(url, context.options)
        let records = try records(at: path)
        var out = Expr.widened(row, slot)
        if withHeaders {
            guard let header = records.first else { return }
            let names = header.map { $0 ?? "" }
            for record in records.dropFirst() {
                var map: [String: Value] = [:]
                for (index, name) in names.enumerated() {
                    map[name] = index < record.count ? record[index].map(Value.string) ?? .null : .null
                }
                out[slot] = .map(map)
                try next?.push(&out, context)
            }
        } else {
            for record in records {
                out[slot] = .list(record.map { $0.map(Value.string) ?? .null })
                try next?.push(&out, context)
            }
        }
    }

    private func records(at path: String) throws(QueryError) -> [[String?]] {
        if let cached = loaded[path] { return cached }
        do {
            let records = try CSVRecords.read(path: path, delimiter: delimiter)
            loaded[path] = records
            return records
        } catch {
            throw .runtime(.argumentError, "LoadCSVFailed", "LOAD CSV: \(error)")
        }
    }
}

/// Where `LOAD CSV` may read: `file:///` URLs under the run's import directory, nowhere else.
enum ImportDirectory {
    /// The absolute path `url` names inside the import directory of `options`.
    static func resolve(_ url: String, _ options: ExecutionOptions) throws(QueryError) -> String {
        guard let directory = options.importDirectory else {
            throw .runtime(.argumentError, "LoadCSVNotAllowed",
                           "LOAD CSV needs an import directory; give one (quiver cypher --import-dir DIR) and put the CSV files there")
        }
        let relative: String
        let lower = url.lowercased()
        if lower.hasPrefix("file://") {
            relative = String(url.dropFirst("file://".count))
        } else if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard options.remoteURLsFromImportDirectory, let name = url.split(separator: "/").last.map(String.init) else {
                throw .runtime(.argumentError, "LoadCSVNotAllowed",
                               "LOAD CSV does not fetch \(url); download it into the import directory and write 'file:///\(url.split(separator: "/").last.map(String.init) ?? "name.csv")'")
            }
            relative = name
        } else {
            throw .runtime(.argumentError, "LoadCSVNotAllowed",
                           "LOAD CSV reads only file:/// URLs relative to the import directory, found '\(url)'")
        }
        let decoded = relative.removingPercentEncoding ?? relative
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: root).appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath().path
        guard target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw .runtime(.argumentError, "LoadCSVNotAllowed",
                           "LOAD CSV URL '\(url)' points outside the import directory \(directory); only files inside it can be read")
        }
        return target
    }
}
