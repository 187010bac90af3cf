import Foundation
import QuiverCore

/// What produced a scoring run: the first line of its `--out` file (`{"quiver_run": {…}}`) and the
/// `run` field of its `--json` summary (`schemas/score-run.schema.json`).
///
/// It names the Quiver version and commit, every option, and every input with its SHA-256 (gold,
/// predictions, tables, each database file used), and `arguments`, the `quiver` command line that
/// repeats the run with absolute paths and every option spelled out. `quiver score replay FILE`
/// checks the inputs against their hashes, runs `arguments` again and compares the records.
///
/// ```swift
/// let header = ScoringRun(command: "score sql", arguments: ["score", "sql", "--gold", "/data/dev.json"],
///                         options: ["semantics": .string("strict")], inputs: [try .file(role: "gold", path: "/data/dev.json")])
/// ```
public struct ScoringRun: Sendable, Hashable, Codable {
    /// The subcommand: `score sql` or `score cypher`.
    public var command: String
    /// ``QuiverCore/QuiverBuild/version``.
    public var quiverVersion: String
    /// The commit of the source checkout the binary came from (``QuiverCore/QuiverBuild``), or `unknown`.
    public var quiverCommit: String
    /// Whether that checkout had uncommitted changes to tracked files; `nil` when unknown.
    public var sourceModified: Bool?
    /// When the run started, ISO 8601 in UTC.
    public var startedAt: String
    /// The arguments of `quiver` that repeat the run (without its output options).
    public var arguments: [String]
    /// Every option of the run by its flag name, defaults included.
    public var options: [String: RunOption]
    /// Every input file, database and server, in a fixed order.
    public var inputs: [RunInput]

    /// A header for a run starting now.
    public init(command: String, arguments: [String], options: [String: RunOption], inputs: [RunInput]) {
        self.command = command
        quiverVersion = QuiverBuild.version
        quiverCommit = QuiverBuild.source.commit
        sourceModified = QuiverBuild.source.modified
        startedAt = ISO8601DateFormatter().string(from: Date())
        self.arguments = arguments
        self.options = options
        self.inputs = inputs
    }

    enum CodingKeys: String, CodingKey {
        case command, quiverVersion = "quiver_version", quiverCommit = "quiver_commit"
        case sourceModified = "source_modified", startedAt = "started_at", arguments, options, inputs
    }

    /// The record fields that change from one run to the next on the same inputs: timings (and
    /// BIRD's VES, a ratio of timings). A replay compares every other field.
    public static let timingKeys: Set<String> = ["seconds", "pred_seconds", "gold_seconds", "ves", "r_ves"]

    /// The inputs whose file no longer has the recorded hash, each as a one-line reason.
    public func changedInputs() -> [String] {
        inputs.compactMap { input in
            guard let path = input.path, let recorded = input.sha256 else { return nil }
            do {
                let now = try SHA256.hex(ofFile: path)
                return now == recorded ? nil : "\(input.role) '\(path)' changed since the run (sha256 \(recorded), now \(now))"
            } catch {
                return "\(input.role): \(error)"
            }
        }
    }

    /// The header as the first line of an `--out` file.
    public struct Line: Sendable, Hashable, Codable {
        /// The header.
        public var run: ScoringRun

        /// The line holding `run`.
        public init(_ run: ScoringRun) { self.run = run }

        enum CodingKeys: String, CodingKey { case run = "quiver_run" }
    }
}

/// One option value in a run header: a JSON string, number, boolean or null.
public enum RunOption: Sendable, Hashable, Codable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// `.string`, or `.null` for `nil`.
    public static func optional(_ value: String?) -> RunOption { value.map(RunOption.string) ?? .null }
}

/// One input of a run: a file with its SHA-256 and size, or a server (no hash: its contents are not
/// a file).
public struct RunInput: Sendable, Hashable, Codable {
    /// `gold`, `predictions`, `tables`, `database`, `graph`, `server`, ….
    public var role: String
    /// The absolute path, for files.
    public var path: String?
    /// The database a `database` input is (`db_id`), or that a graph serves.
    public var databaseID: String?
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String?
    /// The file's size in bytes.
    public var bytes: Int?
    /// What else to know (for a server: its address, without a password).
    public var note: String?

    /// An input with every field given.
    public init(role: String, path: String? = nil, databaseID: String? = nil, sha256: String? = nil, bytes: Int? = nil, note: String? = nil) {
        self.role = role
        self.path = path
        self.databaseID = databaseID
        self.sha256 = sha256
        self.bytes = bytes
        self.note = note
    }

    /// The file at `path` (made absolute), hashed.
    public static func file(role: String, path: String, databaseID: String? = nil) throws(FileError) -> RunInput {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var bytes = 0
        var hash = SHA256()
        try RegularFile.forEachChunk(absolute, size: 1 << 20) { chunk in
            bytes += chunk.count
            hash.update(chunk)
        }
        return RunInput(role: role, path: absolute, databaseID: databaseID, sha256: hash.hexDigest(), bytes: bytes)
    }

    enum CodingKeys: String, CodingKey { case role, path, databaseID = "db_id", sha256, bytes, note }
}
