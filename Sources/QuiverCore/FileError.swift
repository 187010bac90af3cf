/// An input file that could not be read: which file, which line, what was wrong and what to do.
///
/// ```swift
/// throw FileError(path: "corpus.jsonl", line: 12, message: "not valid JSON: each line must be one object")
/// ```
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// The 1-based line, for line-oriented formats, or `nil` for a whole-file problem.
    public var line: Int?
    /// What was wrong and what to do.
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`.
    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
