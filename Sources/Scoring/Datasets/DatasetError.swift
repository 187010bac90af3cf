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

    /// The offset of the first byte that is not valid UTF-8, or `nil` when all of `bytes` is.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
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
