/// One executable TCK scenario: a plain scenario, or one examples row of an outline.
///
/// Background steps are already prepended and `<placeholder>`s substituted.
public struct TCKScenario: Sendable, Hashable, Identifiable {
    /// The feature file's path relative to the features directory, e.g. `clauses/match/Match1.feature`.
    public var featurePath: String
    /// The text after `Feature:`.
    public var featureName: String
    /// The scenario's title with placeholders substituted, e.g. `[5] Matching … pattern`.
    public var name: String
    /// The `[N]` number at the start of the title, when present.
    public var number: Int?
    /// For an outline, the 0-based index of its examples row (commented rows do not count).
    public var exampleIndex: Int?
    /// 1-based line of the scenario (for an outline row: the row's line).
    public var line: Int
    /// Tags of the scenario, e.g. `@ignore`, `@skipGrammarCheck`.
    public var tags: [String]
    /// Background and scenario steps, interpreted, in order.
    public var steps: [TCKStep]
    /// Set when a step could not be interpreted; the scenario then fails with this reason.
    public var stepError: String?

    public init(
        featurePath: String, featureName: String, name: String, number: Int?, exampleIndex: Int?, line: Int,
        tags: [String], steps: [TCKStep], stepError: String? = nil
    ) {
        self.featurePath = featurePath
        self.featureName = featureName
        self.name = name
        self.number = number
        self.exampleIndex = exampleIndex
        self.line = line
        self.tags = tags
        self.steps = steps
        self.stepError = stepError
    }

    /// `clauses/match/Match1.feature:42`, or with the example row `…:42#3`.
    public var id: String {
        "\(featurePath):\(line)" + (exampleIndex.map { "#\($0)" } ?? "")
    }

    /// The folder of the feature file, e.g. `clauses/match`.
    public var folder: String {
        guard let slash = featurePath.lastIndex(of: "/") else { return "." }
        return String(featurePath[..<slash])
    }
}

extension TCKScenario {
    /// Expands a parsed document into its executable scenarios, in file order.
    ///
    /// ```swift
    /// let scenarios = TCKScenario.expand(document, featurePath: "clauses/match/Match1.feature")
    /// ```
    public static func expand(_ document: GherkinDocument, featurePath: String) -> [TCKScenario] {
        var result: [TCKScenario] = []
        for scenario in document.scenarios {
            let steps = document.background + scenario.steps
            guard scenario.isOutline else {
                result.append(make(scenario, steps: steps, name: scenario.name, exampleIndex: nil,
                                   line: scenario.line, document: document, featurePath: featurePath))
                continue
            }
            var exampleIndex = 0
            for table in scenario.examples {
                guard let header = table.rows.first else { continue }
                for (row, line) in zip(table.rows.dropFirst(), table.lines.dropFirst()) {
                    let values = Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first })
                    let substituted = steps.map { substitute($0, values) }
                    result.append(make(scenario, steps: substituted, name: substitute(scenario.name, values),
                                       exampleIndex: exampleIndex, line: line, document: document,
                                       featurePath: featurePath))
                    exampleIndex += 1
                }
            }
        }
        return result
    }

    private static func make(
        _ scenario: GherkinScenario, steps: [GherkinStep], name: String, exampleIndex: Int?, line: Int,
        document: GherkinDocument, featurePath: String
    ) -> TCKScenario {
        var interpreted: [TCKStep] = []
        var stepError: String?
        for step in steps {
            switch StepInterpreter.interpret(step) {
            case .success(let value): interpreted.append(value)
            case .failure(let error): stepError = stepError ?? error.description
            }
        }
        return TCKScenario(
            featurePath: featurePath, featureName: document.name, name: name, number: number(in: name),
            exampleIndex: exampleIndex, line: line, tags: scenario.tags, steps: interpreted, stepError: stepError)
    }

    /// `[12] Title` → 12.
    private static func number(in name: String) -> Int? {
        guard name.hasPrefix("["), let close = name.firstIndex(of: "]") else { return nil }
        return Int(name[name.index(after: name.startIndex)..<close])
    }

    private static func substitute(_ step: GherkinStep, _ values: [String: String]) -> GherkinStep {
        var copy = step
        copy.text = substitute(step.text, values)
        copy.docString = step.docString.map { substitute($0, values) }
        if var table = step.table {
            table.rows = table.rows.map { $0.map { substitute($0, values) } }
            copy.table = table
        }
        return copy
    }

    /// Replaces every `<name>` whose name is an examples column; other `<…>` text (paths, `<>`) is kept.
    static func substitute(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("<") else { return text }
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: ">"),
                let value = values[String(rest[afterOpen..<close])]
            {
                output += value
                rest = rest[rest.index(after: close)...]
            } else {
                output.append("<")
                rest = rest[afterOpen...]
            }
        }
        return output + rest
    }
}
