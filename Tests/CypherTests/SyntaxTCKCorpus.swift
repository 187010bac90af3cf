import Foundation
import QuiverCore

/// A minimal reader of the openCypher TCK feature files: just the `When executing query:`
/// docstrings and whether the scenario expects a compile-time error (and which code).
/// The real TCK runner lives in the CypherTCK module; this one only feeds the parser tests.
struct TCKQuery: Sendable, CustomStringConvertible {
    /// Feature file path relative to the features folder, and scenario title.
    var location: String
    var query: String
    /// `(category, code)` when the scenario expects a compile-time error, else `nil`.
    var compileTimeError: (category: String, code: String)?
    /// Whether the scenario expects an error at run time or "any time" (so it must compile, or may fail).
    var mayFailAtCompileTime: Bool
    /// The column names of the expected result table, when the scenario gives one.
    var expectedColumns: [String]?
    /// Procedure fixtures declared by the scenario (`test.my.proc(in :: INTEGER?) :: (out :: INTEGER?)`).
    var procedures: [String] = []
    /// Names of the parameters the scenario supplies.
    var parameterNames: [String] = []

    var description: String { location }

    /// Every query of every feature under `root`, outlines expanded, minus excluded folders.
    static func load(root: URL, excluding excluded: [String]) -> [TCKQuery] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var queries: [TCKQuery] = []
        for case let url as URL in enumerator where url.pathExtension == "feature" {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            if excluded.contains(where: { relative.hasPrefix($0) }) { continue }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            queries += parse(feature: text, name: relative)
        }
        return queries.sorted { $0.location < $1.location }
    }

    private struct Scenario {
        var title: String
        var query: String?
        var error: (category: String, code: String, phase: String)?
        var examples: [[String: String]] = []
        var header: [String]?
        var inExamples = false
        var columns: [String]?
        var awaitingColumns = false
        /// After `When executing control query:` the result tables belong to that other query.
        var controlQuerySeen = false
        var procedures: [String] = []
        var parameterNames: [String] = []
        var inParameters = false
    }

    static func parse(feature text: String, name: String) -> [TCKQuery] {
        var result: [TCKQuery] = []
        var scenario: Scenario?
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init).makeIterator()
        var awaitingQuery = false

        func finish() {
            guard let s = scenario, let query = s.query else { return }
            let rows = s.header == nil ? [[:]] : s.examples
            for (index, row) in rows.enumerated() {
                var q = query
                for (key, value) in row { q = q.replacingOccurrences(of: "<\(key)>", with: value) }
                let columns = s.columns?.map { column in
                    row.reduce(column) { $0.replacingOccurrences(of: "<\($1.key)>", with: $1.value) }
                }
                let compile = s.error.flatMap { $0.phase == "compile time" ? ($0.category, $0.code) : nil }
                let loose = s.error.map { $0.phase != "compile time" && $0.phase != "runtime" } ?? false
                result.append(TCKQuery(location: "\(name): \(s.title) #\(index + 1)", query: q,
                                       compileTimeError: compile, mayFailAtCompileTime: loose,
                                       expectedColumns: columns, procedures: s.procedures,
                                       parameterNames: s.parameterNames))
            }
        }

        while let raw = lines.next() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Scenario") {
                finish()
                scenario = Scenario(title: line)
                awaitingQuery = false
                continue
            }
            guard scenario != nil else { continue }
            if line.hasPrefix("When executing query:") {
                awaitingQuery = true
                continue
            }
            if awaitingQuery, line.hasPrefix("\"\"\"") {
                var body: [String] = []
                while let next = lines.next() {
                    let trimmed = next.trimmingCharacters(in: .whitespaces)
                    if trimmed.hasPrefix("\"\"\"") { break }
                    body.append(next)
                }
                let indent = body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
                scenario?.query = body.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
                awaitingQuery = false
                continue
            }
            if line.contains("should be raised at"), let error = parseError(line) {
                scenario?.error = error
                continue
            }
            if line.hasPrefix("And there exists a procedure ") {
                var declaration = line.dropFirst("And there exists a procedure ".count)
                if declaration.hasSuffix(":") { declaration = declaration.dropLast() }
                scenario?.procedures.append(String(declaration))
                continue
            }
            if line.hasPrefix("And parameters are:") {
                scenario?.inParameters = true
                continue
            }
            if scenario?.inParameters == true {
                if line.hasPrefix("|"), let name = cells(line).first {
                    scenario?.parameterNames.append(name)
                    continue
                }
                scenario?.inParameters = false
            }
            if line.hasPrefix("When executing control query") {
                scenario?.controlQuerySeen = true
                continue
            }
            if line.hasPrefix("Then the result should be"), !line.hasSuffix("empty"), scenario?.query != nil,
               scenario?.controlQuerySeen == false {
                scenario?.awaitingColumns = true
                continue
            }
            if scenario?.awaitingColumns == true, line.hasPrefix("|") {
                scenario?.columns = cells(line)
                scenario?.awaitingColumns = false
                continue
            }
            if line.hasPrefix("Examples:") {
                scenario?.inExamples = true
                continue
            }
            if scenario?.inExamples == true, line.hasPrefix("|") {
                let cells = cells(line)
                if let header = scenario?.header {
                    scenario?.examples.append(Dictionary(zip(header, cells), uniquingKeysWith: { a, _ in a }))
                } else {
                    scenario?.header = cells
                }
            }
        }
        finish()
        return result
    }

    /// The cells of a Gherkin table row `| a | b |`.
    private static func cells(_ line: String) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `Then a SyntaxError should be raised at compile time: UndefinedVariable`.
    private static func parseError(_ line: String) -> (String, String, String)? {
        let words = line.split(separator: " ")
        guard let aIndex = words.firstIndex(where: { $0 == "a" || $0 == "an" }), aIndex + 1 < words.count,
              let at = line.range(of: "raised at ") else { return nil }
        let rest = line[at.upperBound...]
        let parts = rest.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        return (String(words[aIndex + 1]), parts[1], parts[0])
    }
}
