import QuiverCore

/// How one query runs: a time limit, a memory budget and where `LOAD CSV` may read files.
///
/// ```swift
/// let options = ExecutionOptions(timeout: .seconds(2), importDirectory: "graphs/northwind/import")
/// let result = try CypherEngine.execute(script, on: graph, options: options)
/// ```
public struct ExecutionOptions: Sendable, Hashable {
    /// The longest the query may run; `nil` for no limit. The executor checks it cooperatively
    /// every ``checkInterval`` steps and stops with `ResourceLimit` / `Timeout`.
    public var timeout: Duration?
    /// The directory `LOAD CSV` reads `file:///name.csv` from; `nil` forbids `LOAD CSV`.
    public var importDirectory: String?
    /// Whether an `http(s)://…/name.csv` URL in `LOAD CSV` reads `name.csv` from the import
    /// directory instead (scripts written for Neo4j's hosted data sets, run offline). Never fetches.
    public var remoteURLsFromImportDirectory: Bool
    /// The most memory the query may hold, in bytes: rows and values it gathers (sorting,
    /// grouping, `collect`, `DISTINCT`, buffered results, expansion frontiers) and any single list
    /// or string it builds. Past it the query stops with `ResourceLimit` / `MemoryLimit`.
    public var maxMemory: Int

    /// Steps (rows pushed, pattern-search steps) between two looks at the clock.
    public static let checkInterval = 1024

    /// The memory budget when none is given: 2 GiB per query.
    public static let defaultMaxMemory = 2 << 30

    public init(timeout: Duration? = nil, importDirectory: String? = nil, remoteURLsFromImportDirectory: Bool = false,
                maxMemory: Int = ExecutionOptions.defaultMaxMemory) {
        self.timeout = timeout
        self.importDirectory = importDirectory
        self.remoteURLsFromImportDirectory = remoteURLsFromImportDirectory
        self.maxMemory = maxMemory
    }
}

/// A cheap step counter that looks at the clock every ``ExecutionOptions/checkInterval`` steps.
struct Deadline {
    private let limit: Duration
    private let end: ContinuousClock.Instant
    private var steps = 0

    init?(_ timeout: Duration?) {
        guard let timeout else { return nil }
        limit = timeout
        end = ContinuousClock.now + timeout
    }

    @inline(__always)
    mutating func tick() throws(QueryError) {
        steps &+= 1
        if steps & (ExecutionOptions.checkInterval - 1) == 0, ContinuousClock.now >= end {
            throw QueryError.timeout(limit)
        }
    }
}

extension QueryError {
    /// The query ran past its time limit (`ResourceLimit` / `Timeout`).
    static func timeout(_ limit: Duration) -> QueryError {
        .runtime(.resourceLimit, "Timeout",
                 "the query ran longer than its \(limit.inSeconds) s timeout and was stopped; simplify it or allow more time")
    }
}
