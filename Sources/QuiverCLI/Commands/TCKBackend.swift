import ArgumentParser
import CypherSQL
import CypherTCK

/// Where `quiver tck` runs its scenarios: the in-memory engine or one of the SQL backends.
enum TCKBackend: String, CaseIterable, ExpressibleByArgument {
    case memory, sqlite, postgres

    /// Refuses `--db` without `--backend postgres`, and `--backend postgres` without a postgres:// URL.
    func validate(db: String?) throws {
        switch self {
        case .postgres:
            guard let db, db.hasPrefix("postgres://") || db.hasPrefix("postgresql://") else {
                throw ValidationError("--backend postgres needs --db postgres://…, the server to make scratch schemas on")
            }
        case .memory, .sqlite:
            if db != nil { throw ValidationError("--db is only for --backend postgres") }
        }
    }

    /// Runs the whole suite in this process.
    func run(suite: TCKSuite, timeout: Double, db: String?,
             progress: (Int, Int, TCKScenarioResult) -> Void) -> TCKReport {
        switch self {
        case .memory: TCKRunner(engine: CypherTCKEngine(), suite: suite, timeout: timeout).run(progress: progress)
        case .sqlite: TCKRunner(engine: SQLTCKEngine(dialect: .sqlite), suite: suite, timeout: timeout).run(progress: progress)
        case .postgres:
            TCKRunner(engine: SQLTCKEngine(dialect: .postgres, postgresURL: db), suite: suite, timeout: timeout)
                .run(progress: progress)
        }
    }

    /// Runs one scenario.
    func run(_ scenario: TCKScenario, suite: TCKSuite, timeout: Double, db: String?) -> TCKScenarioResult {
        switch self {
        case .memory: TCKRunner(engine: CypherTCKEngine(), suite: suite, timeout: timeout).run(scenario)
        case .sqlite: TCKRunner(engine: SQLTCKEngine(dialect: .sqlite), suite: suite, timeout: timeout).run(scenario)
        case .postgres:
            TCKRunner(engine: SQLTCKEngine(dialect: .postgres, postgresURL: db), suite: suite, timeout: timeout).run(scenario)
        }
    }
}
