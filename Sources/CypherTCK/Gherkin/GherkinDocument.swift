/// The Gherkin structure of one `.feature` file, before outlines are expanded and steps interpreted.
///
/// Only the subset the openCypher TCK uses is modelled: a feature, an optional background,
/// scenarios and scenario outlines with examples tables, tags, steps with a docstring or a table.
public struct GherkinDocument: Sendable, Hashable {
    /// The text after `Feature:`.
    public var name: String
    /// Steps that prefix every scenario of the file.
    public var background: [GherkinStep]
    /// Scenarios and outlines in file order.
    public var scenarios: [GherkinScenario]

    public init(name: String, background: [GherkinStep], scenarios: [GherkinScenario]) {
        self.name = name
        self.background = background
        self.scenarios = scenarios
    }
}

/// A `Scenario:` or `Scenario Outline:` block.
public struct GherkinScenario: Sendable, Hashable {
    /// The title after `Scenario:` or `Scenario Outline:`.
    public var name: String
    /// 1-based line of the `Scenario` keyword.
    public var line: Int
    /// Tags written above the scenario, e.g. `@ignore`.
    public var tags: [String]
    /// The scenario's own steps (without the background).
    public var steps: [GherkinStep]
    /// `true` for `Scenario Outline:` / `Scenario Template:`.
    public var isOutline: Bool
    /// The outline's examples tables; each row (after the header) is one executable scenario.
    public var examples: [GherkinTable]

    public init(
        name: String, line: Int, tags: [String], steps: [GherkinStep], isOutline: Bool,
        examples: [GherkinTable]
    ) {
        self.name = name
        self.line = line
        self.tags = tags
        self.steps = steps
        self.isOutline = isOutline
        self.examples = examples
    }
}

/// One step line (`Given …`, `When …`, `Then …`, `And …`) with its argument.
public struct GherkinStep: Sendable, Hashable {
    /// The keyword as written: `Given`, `When`, `Then`, `And`, `But` or `*`.
    public var keyword: String
    /// The text after the keyword, trimmed.
    public var text: String
    /// 1-based line of the step.
    public var line: Int
    /// The `"""` block under the step, with its indentation removed.
    public var docString: String?
    /// The `| … |` table under the step.
    public var table: GherkinTable?

    public init(keyword: String, text: String, line: Int, docString: String? = nil, table: GherkinTable? = nil) {
        self.keyword = keyword
        self.text = text
        self.line = line
        self.docString = docString
        self.table = table
    }
}

/// A Gherkin data table: rows of cells, unescaped, with the line each row came from.
public struct GherkinTable: Sendable, Hashable {
    /// Rows of unescaped, trimmed cells; for most tables the first row is a header.
    public var rows: [[String]]
    /// 1-based line of each row.
    public var lines: [Int]

    public init(rows: [[String]] = [], lines: [Int] = []) {
        self.rows = rows
        self.lines = lines
    }
}
