/// Why a corpus could not be read.
public struct CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file that failed.
    public var path: String
    /// The 1-based line, for line-oriented formats (JSONL), or nil.
    public var line: Int?
    /// What went wrong and what to do.
    public var message: String

    /// An error.
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
