import QuiverCore

/// How much stack running a query may need, from the length of its text.
///
/// Every recursion the engine does over a query is bounded by the syntax tree's depth and the
/// number of clauses and pattern elements (both at most ``NestingLimit/depth``, and at most one
/// level per character of text), plus a fixed allowance for values built at run time (nested at
/// most ``NestingLimit/depth`` deep). Short queries fit any ordinary thread and run in place;
/// long ones move to a thread with room (``StackGuard``).
enum QueryStack {
    #if DEBUG
    // Unoptimised frames: measured ~32 KiB per level of nested expression across parsing,
    // analysis, planning and evaluation (990 levels needed 32 MiB).
    static let bytesPerLevel = 48 << 10
    static let base = 3 << 20
    #else
    static let bytesPerLevel = 16 << 10
    static let base = 1 << 20
    #endif

    /// The stack to ask ``StackGuard`` for before working on `text`.
    static func needed(for text: String) -> Int {
        base + min(text.utf8.count, NestingLimit.depth + 1) * bytesPerLevel
    }

    /// Runs `body` on a thread with the stack `text` may need.
    static func run<T, E: Error>(for text: String, _ body: () throws(E) -> T) throws(E) -> T {
        try StackGuard.run(needing: needed(for: text), body)
    }
}
