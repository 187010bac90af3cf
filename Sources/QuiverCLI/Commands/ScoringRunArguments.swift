import Foundation
import Scoring

/// The command line that repeats a scoring run, built option by option: absolute paths, every
/// option spelled out (defaults too, so a later change of default cannot change a replay), and the
/// same options as a map for the header's `options`.
///
/// ```swift
/// var arguments = ScoringRunArguments(command: ["score", "sql"])
/// arguments.add("--gold", path: "dev.json")       // "--gold /abs/dev.json"
/// arguments.flag("--keep-distinct", true)
/// ScoringRun(command: "score sql", arguments: arguments.list, options: arguments.options, inputs: files)
/// ```
struct ScoringRunArguments {
    /// The arguments of `quiver`.
    private(set) var list: [String]
    /// Each option by its name without dashes.
    var options: [String: RunOption] = [:]

    init(command: [String]) {
        list = command
    }

    /// `flag path` with `path` made absolute; nothing when `path` is `nil`.
    mutating func add(_ flag: String, path: String?) {
        add(flag, path.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
    }

    /// `flag value`; nothing when `value` is `nil` (recorded as null).
    mutating func add(_ flag: String, _ value: String?) {
        options[Self.name(flag)] = value.map { Double($0).map(RunOption.number) ?? .string($0) } ?? .null
        if let value { list += [flag, value] }
    }

    /// `flag` when `on`.
    mutating func flag(_ flag: String, _ on: Bool) {
        options[Self.name(flag)] = .bool(on)
        if on { list.append(flag) }
    }

    private static func name(_ flag: String) -> String { String(flag.drop { $0 == "-" }) }

    /// A connection URL without its password (`postgresql://user:***@host/db`), for headers and messages.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@"),
              let colon = url[scheme.upperBound..<at].firstIndex(of: ":")
        else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + url[at...]
    }
}
