/// Turns Gherkin steps into ``TCKStep`` values, recognising the TCK's fixed step phrases.
enum StepInterpreter {
    /// The interpreted step, or a message naming the phrase that is not part of the TCK's vocabulary.
    static func interpret(_ step: GherkinStep) -> Result<TCKStep, UnsupportedStep> {
        let text = step.text
        let table = step.table?.rows ?? []
        let kind: TCKStep.Kind
        switch text {
        case "an empty graph":
            kind = .graph(.empty)
        case "any graph":
            kind = .graph(.any)
        case "having executed:":
            guard let query = step.docString else { return .failure(.init(step: step, reason: "no docstring")) }
            kind = .setupQuery(query)
        case "parameters are:":
            kind = .parameters(table)
        case "executing query:", "executing control query:":
            guard let query = step.docString else { return .failure(.init(step: step, reason: "no docstring")) }
            kind = .query(query, control: text.contains("control"))
        case "the result should be, in any order:", "the result should be (ignoring element order for lists):":
            kind = .expectRows(table, ordered: false, listsUnordered: text.contains("ignoring"))
        case "the result should be, in order:", "the result should be, in order (ignoring element order for lists):":
            kind = .expectRows(table, ordered: true, listsUnordered: text.contains("ignoring"))
        case "the result should be empty":
            kind = .expectEmpty
        case "no side effects":
            kind = .expectNoSideEffects
        case "the side effects should be:":
            var effects: [String: Int] = [:]
            for row in table {
                guard row.count == 2, let count = Int(row[1]) else {
                    return .failure(.init(step: step, reason: "side effect row is not `| name | count |`"))
                }
                effects[row[0], default: 0] += count
            }
            kind = .expectSideEffects(effects)
        default:
            if let graph = namedGraph(text) {
                kind = .graph(.named(graph))
            } else if let error = expectedError(text) {
                kind = .expectError(error)
            } else if text.hasPrefix("there exists a procedure "), text.hasSuffix(":") {
                let signature = String(text.dropFirst("there exists a procedure ".count).dropLast())
                kind = .procedure(signature: signature, table: table)
            } else if text.hasPrefix("executing query: ") {
                kind = .query(String(text.dropFirst("executing query: ".count)), control: false)
            } else {
                return .failure(.init(step: step, reason: "unknown step"))
            }
        }
        return .success(TCKStep(kind: kind, line: step.line))
    }

    /// `the binary-tree-1 graph` → `binary-tree-1`.
    private static func namedGraph(_ text: String) -> String? {
        guard text.hasPrefix("the "), text.hasSuffix(" graph") else { return nil }
        let name = text.dropFirst(4).dropLast(6)
        return name.isEmpty || name.contains(" ") ? nil : String(name)
    }

    /// `a SyntaxError should be raised at compile time: UndefinedVariable`.
    private static func expectedError(_ text: String) -> ExpectedError? {
        let article = text.hasPrefix("an ") ? "an " : (text.hasPrefix("a ") ? "a " : nil)
        guard let article, let marker = text.range(of: " should be raised at ") else { return nil }
        let type = String(text[text.index(text.startIndex, offsetBy: article.count)..<marker.lowerBound])
        let rest = text[marker.upperBound...]
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        guard let phase = ExpectedError.Phase(rawValue: String(rest[..<colon]).trimmingWhitespace()) else {
            return nil
        }
        let detail = String(rest[rest.index(after: colon)...]).trimmingWhitespace()
        return ExpectedError(type: type, phase: phase, detail: detail)
    }
}

/// A step whose phrase the runner does not know.
struct UnsupportedStep: Error, Sendable, Hashable, CustomStringConvertible {
    var step: GherkinStep
    var reason: String

    var description: String { "line \(step.line): \(reason): \(step.keyword) \(step.text)" }
}
