import Foundation
import QuiverCore

/// A data-set file that could not be read: which file, where, and what to do.
public struct DatasetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// 1-based line, when the problem is on one line.
    public var line: Int?
    /// What is wrong and what to do.
    public var message: String

    /// An error in `file` (at `line`, when known).
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }

    /// Throws when JSON `text` (of `file`, at `line` of a JSONL file) nests deeper than the JSON
    /// decoders read (``QuiverCore/JSONNesting``), before a decoder tries and says only "not valid JSON".
    static func checkNesting(_ text: some StringProtocol, file: String, line: Int? = nil) throws(DatasetError) {
        do {
            try JSONNesting.check(text.utf8)
        } catch {
            let column = error.location.map { " (column \($0.column))" } ?? ""
            throw DatasetError(file: file, line: line ?? error.location?.line, message: error.message + column)
        }
    }

    /// The text of the data-set file at `url`, or the error every reader gives when it cannot be read.
    static func readText(_ url: URL) throws(DatasetError) -> String {
        do {
            return try RegularFile.text(url.path)
        } catch {
            throw DatasetError(file: url.path, message: error.message)
        }
    }
}
