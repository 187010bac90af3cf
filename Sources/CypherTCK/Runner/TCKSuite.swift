import Foundation
import QuiverCore

/// The scenarios of a TCK features directory, parsed, expanded and filtered.
///
/// ```swift
/// let suite = try TCKSuite.load(from: featuresURL, filter: TCKFilter(scope: .issue))
/// print(suite.scenarios.count)   // 2841 for the openCypher TCK at the pinned commit
/// ```
public struct TCKSuite: Sendable {
    /// The `features` directory the scenarios came from.
    public var featuresDirectory: URL
    /// The selected scenarios, in file order.
    public var scenarios: [TCKScenario]

    public init(featuresDirectory: URL, scenarios: [TCKScenario]) {
        self.featuresDirectory = featuresDirectory
        self.scenarios = scenarios
    }

    /// Parses every `.feature` file under `directory` (sorted by path) and keeps the scenarios `filter` selects.
    public static func load(from directory: URL, filter: TCKFilter = TCKFilter()) throws -> TCKSuite {
        var scenarios: [TCKScenario] = []
        for path in try featurePaths(in: directory) {
            let text = try RegularFile.text(directory.appendingPathComponent(path).path)
            let document = try GherkinParser.parse(text, file: path)
            scenarios += TCKScenario.expand(document, featurePath: path).filter(filter.selects)
        }
        return TCKSuite(featuresDirectory: directory, scenarios: scenarios)
    }

    /// Paths of the `.feature` files under `directory`, relative to it and sorted.
    public static func featurePaths(in directory: URL) throws -> [String] {
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: base])
        }
        var paths: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix(".feature") { paths.append(next) }
        }
        return paths.sorted()
    }

    /// The creation script of a named graph (`tck/graphs/<name>/<name>.cypher`, beside `features/`).
    public func namedGraphScript(_ name: String) -> String? {
        let url = featuresDirectory.deletingLastPathComponent()
            .appendingPathComponent("graphs").appendingPathComponent(name).appendingPathComponent("\(name).cypher")
        return try? RegularFile.text(url.path)
    }
}

/// Which scenarios to run: path patterns to include and exclude, a name filter, and the issue's scope.
///
/// A pattern with `*` or `?` is a glob over the feature path (`*` also crosses `/`); any other pattern
/// matches when the path contains it. `--include clauses/match` runs the `clauses/match` folder.
public struct TCKFilter: Sendable, Hashable {
    /// Path patterns; when non-empty, a feature path must match one.
    public var include: [String]
    /// Path patterns; a feature path matching one is left out.
    public var exclude: [String]
    /// Substrings of scenario names; when non-empty, a scenario must contain one of them.
    public var names: [String]
    /// A named selection applied before the patterns.
    public var scope: Scope

    public init(include: [String] = [], exclude: [String] = [], names: [String] = [], scope: Scope = .all) {
        self.include = include
        self.exclude = exclude
        self.names = names
        self.scope = scope
    }

    /// A named selection of the suite.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Every feature file.
        case all
        /// Everything outside `expressions/temporal` and `clauses/call`: the 2,841 scenarios issue 2 measures.
        case issue
    }

    /// The folders that ``Scope/issue`` leaves out: the issue's measure was taken before temporal types
    /// and procedures existed, and stays fixed so its figure can be compared across versions.
    public static let issueScopeExclusions = ["expressions/temporal/", "clauses/call/"]

    /// `true` when `scenario` passes every part of the filter.
    public func selects(_ scenario: TCKScenario) -> Bool {
        let path = scenario.featurePath
        if scope == .issue, Self.issueScopeExclusions.contains(where: { path.hasPrefix($0) }) { return false }
        if !include.isEmpty, !include.contains(where: { Self.matches(path, $0) }) { return false }
        if exclude.contains(where: { Self.matches(path, $0) }) { return false }
        if !names.isEmpty, !names.contains(where: { scenario.name.contains($0) }) { return false }
        return true
    }

    static func matches(_ path: String, _ pattern: String) -> Bool {
        guard pattern.contains("*") || pattern.contains("?") else { return path.contains(pattern) }
        return glob(Array(pattern), Array(path))
    }

    /// Iterative wildcard matching with backtracking to the last `*`.
    private static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        var (p, t) = (0, 0)
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
