extension GherkinParser {
    /// The parser's position in the document: which block is open and what the last step was.
    struct State {
        enum Block {
            case none, feature, background, scenario, examples
        }

        let file: String
        var featureName: String?
        var background: [GherkinStep] = []
        var scenarios: [GherkinScenario] = []
        var current: GherkinScenario?
        var block: Block = .none
        var pendingTags: [String] = []

        init(file: String) {
            self.file = file
        }

        mutating func handleKeywordLine(_ text: String, line: Int) throws(GherkinError) {
            if let rest = text.dropKeyword("Feature:") {
                featureName = rest
                block = .feature
                pendingTags = []
            } else if text.dropKeyword("Background:") != nil {
                block = .background
            } else if let rest = text.dropKeyword("Scenario Outline:") ?? text.dropKeyword("Scenario Template:") {
                openScenario(name: rest, line: line, isOutline: true)
            } else if let rest = text.dropKeyword("Scenario:") ?? text.dropKeyword("Example:") {
                openScenario(name: rest, line: line, isOutline: false)
            } else if text.dropKeyword("Examples:") != nil || text.dropKeyword("Scenarios:") != nil {
                guard current?.isOutline == true else {
                    throw GherkinError(file: file, line: line, message: "Examples: outside a Scenario Outline")
                }
                current?.examples.append(GherkinTable())
                block = .examples
                pendingTags = []
            } else if let (keyword, rest) = text.splitStepKeyword() {
                try addStep(GherkinStep(keyword: keyword, text: rest, line: line), line: line)
            } else if block == .feature || block == .none {
                // Free text under `Feature:` is its description.
            } else {
                throw GherkinError(file: file, line: line, message: "unrecognised line: \(text)")
            }
        }

        mutating func openScenario(name: String, line: Int, isOutline: Bool) {
            closeScenario()
            current = GherkinScenario(
                name: name, line: line, tags: pendingTags, steps: [], isOutline: isOutline, examples: [])
            pendingTags = []
            block = .scenario
        }

        mutating func closeScenario() {
            if let current { scenarios.append(current) }
            current = nil
        }

        mutating func addStep(_ step: GherkinStep, line: Int) throws(GherkinError) {
            switch block {
            case .background:
                background.append(step)
            case .scenario:
                current?.steps.append(step)
            default:
                throw GherkinError(file: file, line: line, message: "step outside a Background or Scenario")
            }
        }

        mutating func attachDocString(_ text: String, line: Int) throws(GherkinError) {
            try updateLastStep(line: line) { $0.docString = text }
        }

        mutating func addTableRow(_ cells: [String], line: Int) throws(GherkinError) {
            if block == .examples, var scenario = current, !scenario.examples.isEmpty {
                scenario.examples[scenario.examples.count - 1].rows.append(cells)
                scenario.examples[scenario.examples.count - 1].lines.append(line)
                current = scenario
                return
            }
            try updateLastStep(line: line) { step in
                var table = step.table ?? GherkinTable()
                table.rows.append(cells)
                table.lines.append(line)
                step.table = table
            }
        }

        mutating func updateLastStep(line: Int, _ update: (inout GherkinStep) -> Void) throws(GherkinError) {
            switch block {
            case .background where !background.isEmpty:
                update(&background[background.count - 1])
            case .scenario where current?.steps.isEmpty == false:
                if var scenario = current {
                    update(&scenario.steps[scenario.steps.count - 1])
                    current = scenario
                }
            default:
                throw GherkinError(file: file, line: line, message: "table or docstring without a step above it")
            }
        }

        mutating func finish() throws(GherkinError) -> GherkinDocument {
            closeScenario()
            guard let featureName else {
                throw GherkinError(file: file, line: 1, message: "no `Feature:` line")
            }
            return GherkinDocument(name: featureName, background: background, scenarios: scenarios)
        }
    }
}

extension String {
    /// The trimmed rest of the line when it starts with `keyword`.
    fileprivate func dropKeyword(_ keyword: String) -> String? {
        guard hasPrefix(keyword) else { return nil }
        return String(dropFirst(keyword.count)).trimmingWhitespace()
    }

    /// Splits a step line into its keyword and text.
    fileprivate func splitStepKeyword() -> (String, String)? {
        for keyword in ["Given", "When", "Then", "And", "But", "*"] where hasPrefix(keyword + " ") {
            return (keyword, String(dropFirst(keyword.count + 1)).trimmingWhitespace())
        }
        return nil
    }
}
