import QuiverCore

/// Runs one scenario's steps against an engine, in order, on a graph of its own.
///
/// The first failing check ends the scenario. Every `When executing query:` is bracketed by
/// observations so the side-effect steps that follow can be checked; a control query is not.
struct ScenarioExecution<Engine: TCKEngine> {
    let engine: Engine
    let scenario: TCKScenario
    /// Looks up a named graph's creation script.
    let namedGraph: @Sendable (String) -> String?

    private var graph: Engine.Graph
    private var parameters: [String: Value] = [:]
    private var lastOutcome: Result<TCKQueryResult, QueryError>?
    private var sideEffects: SideEffects?
    private var detailMismatch: String?

    init(engine: Engine, scenario: TCKScenario, namedGraph: @escaping @Sendable (String) -> String?) {
        self.engine = engine
        self.scenario = scenario
        self.namedGraph = namedGraph
        graph = engine.makeEmptyGraph()
    }

    /// Why the scenario is not run, or `nil` to run it.
    static func skipReason(_ scenario: TCKScenario) -> String? {
        scenario.tags.contains("@ignore") ? "tagged @ignore" : nil
    }

    /// The reason recorded when the engine declines a procedure fixture.
    static var noProcedureFixtures: String {
        "needs a procedure fixture (`there exists a procedure`), which the engine does not provide"
    }

    /// Runs the steps; returns the status, the reason, and whether only an error detail differed.
    mutating func run() -> (TCKStatus, String?, Bool) {
        if let stepError = scenario.stepError { return (.failed, stepError, false) }
        if let reason = Self.skipReason(scenario) { return (.skipped, reason, false) }
        for step in scenario.steps {
            if let failure = perform(step) {
                if failure == Self.noProcedureFixtures { return (.skipped, failure, false) }
                return (.failed, "line \(step.line): \(failure)", false)
            }
        }
        if let detailMismatch { return (.failed, detailMismatch, true) }
        return (.passed, nil, false)
    }

    /// Performs one step; a non-nil result is the failure message.
    private mutating func perform(_ step: TCKStep) -> String? {
        switch step.kind {
        case .graph(.empty), .graph(.any):
            graph = engine.makeEmptyGraph()
        case .graph(.named(let name)):
            graph = engine.makeEmptyGraph()
            guard let script = namedGraph(name) else { return "named graph `\(name)` not found" }
            return setUp(script, what: "creating the \(name) graph")
        case .setupQuery(let query):
            return setUp(query, what: "setup query")
        case .parameters(let rows):
            for row in rows {
                guard row.count == 2 else { return "parameter row is not `| name | value |`: \(row)" }
                do throws(TCKValueError) {
                    parameters[row[0]] = try TCKValueParser.parse(row[1])
                } catch {
                    return "parameter `\(row[0])`: \(error)"
                }
            }
        case .query(let query, let control):
            return run(query, control: control)
        case .expectRows(let table, let ordered, let listsUnordered):
            switch lastOutcome {
            case .success(let result)?:
                do throws(TCKValueError) {
                    return try ResultComparison.compare(
                        expected: table, columns: result.columns, rows: result.rows, ordered: ordered,
                        listsUnordered: listsUnordered)
                } catch {
                    return "expected value: \(error)"
                }
            case .failure(let error)?: return "query raised \(Self.describe(error))"
            case nil: return "no query was executed"
            }
        case .expectEmpty:
            switch lastOutcome {
            case .success(let result)?:
                return result.rows.isEmpty ? nil : "expected no rows, got \(result.rows.count)"
            case .failure(let error)?: return "query raised \(Self.describe(error))"
            case nil: return "no query was executed"
            }
        case .expectNoSideEffects:
            return checkSideEffects([:])
        case .expectSideEffects(let expected):
            return checkSideEffects(expected)
        case .expectError(let expected):
            return checkError(expected)
        case .procedure(let signature, let table):
            do throws(TCKValueError) {
                let fixture = try TCKProcedureFixture(signature: signature, table: table)
                do throws(QueryError) {
                    return try engine.defineProcedure(fixture, on: &graph) ? nil : Self.noProcedureFixtures
                } catch {
                    return "defining procedure \(signature) raised \(Self.describe(error))"
                }
            } catch {
                return "procedure table: \(error)"
            }
        }
        return nil
    }

    private mutating func setUp(_ query: String, what: String) -> String? {
        do throws(QueryError) {
            _ = try engine.execute(query, parameters: [:], on: &graph)
            return nil
        } catch {
            return "\(what) raised \(Self.describe(error))"
        }
    }

    private mutating func run(_ query: String, control: Bool) -> String? {
        var before: GraphObservation?
        if !control {
            do throws(QueryError) {
                before = try engine.observe(&graph)
            } catch {
                return "observing the graph before the query raised \(Self.describe(error))"
            }
        }
        do throws(QueryError) {
            lastOutcome = .success(try engine.execute(query, parameters: parameters, on: &graph))
        } catch {
            lastOutcome = .failure(error)
        }
        guard let before else { return nil }
        do throws(QueryError) {
            sideEffects = SideEffects(before: before, after: try engine.observe(&graph))
        } catch {
            return "observing the graph after the query raised \(Self.describe(error))"
        }
        return nil
    }

    private func checkSideEffects(_ expected: [String: Int]) -> String? {
        guard let sideEffects else { return "no query was executed" }
        return sideEffects.mismatch(expected: expected)
    }

    /// Type and phase must match; a differing detail is remembered so the scenario can report it apart.
    private mutating func checkError(_ expected: ExpectedError) -> String? {
        guard case .failure(let error)? = lastOutcome else {
            if case .success(let result)? = lastOutcome {
                return "expected \(expected), but the query returned \(result.rows.count) rows"
            }
            return "no query was executed"
        }
        let typeMatches = expected.type == "Error" || expected.type == error.category.rawValue
        let phaseMatches: Bool
        switch expected.phase {
        case .anyTime: phaseMatches = true
        case .compileTime: phaseMatches = error.phase == .compileTime
        case .runtime: phaseMatches = error.phase == .runtime
        }
        guard typeMatches, phaseMatches else {
            return "expected \(expected), got \(Self.describe(error))"
        }
        if let effects = sideEffects, let mismatch = effects.mismatch(expected: [:]) {
            return "the failing query left side effects: \(mismatch)"
        }
        if expected.detail != "*", expected.detail != error.code {
            detailMismatch = "error detail differs: expected \(expected), got \(Self.describe(error))"
        }
        return nil
    }

    static func describe(_ error: QueryError) -> String {
        "\(error.category.rawValue) at \(error.phase.rawValue): \(error.code) (\(error.message))"
    }
}
