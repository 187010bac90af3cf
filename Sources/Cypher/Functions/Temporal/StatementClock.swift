import Foundation
import QuiverCore

/// The instant a query started, so every `date()`, `datetime.statement()`, `time.transaction()`, …
/// of one query reads the same time; `*.realtime()` reads the clock itself.
enum StatementClock {
    @TaskLocal static var started: Date?

    /// The statement's start, or the clock when no query is running (a function called directly).
    static var now: Date { started ?? Date() }

    /// Runs `body` with the statement time fixed at the current instant.
    static func fixed<R>(_ body: () throws(QueryError) -> R) throws(QueryError) -> R {
        do {
            return try $started.withValue(Date()) { try body() }
        } catch let error as QueryError {
            throw error
        } catch {
            // withValue rethrows untyped; body only throws QueryError.
            throw QueryError(.resourceLimit, code: "InternalError", phase: .runtime, message: "\(error)")
        }
    }
}
