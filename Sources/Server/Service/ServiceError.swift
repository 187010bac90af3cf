import Cypher
import QuiverCore

/// Why a request failed, as an HTTP status and a JSON body
/// `{"error": {"code", "message", "category"?, "phase"?, "line"?, "column"?}}`.
///
/// Bad input is a 4xx with a message saying what was wrong and what to send instead; a query's
/// own error keeps its openCypher category, code and position; a query that ran out of time is 408.
///
/// ```swift
/// throw ServiceError.badRequest("`query` must be a string")
/// ```
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status: 400, 401, 404, 408, 413, 503, ….
    public var status: Int
    /// A short machine-readable code: `BadRequest`, `UnknownField`, `Timeout`, a query error's code, ….
    public var code: String
    /// What was wrong and what to do.
    public var message: String
    /// The query error behind it, with its category, phase and position.
    public var queryError: QueryError?

    /// An error with this status, code and message.
    public init(status: Int, code: String, message: String, queryError: QueryError? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.queryError = queryError
    }

    public var description: String { "\(status) \(code): \(message)" }

    /// 400: the request is not what the endpoint takes.
    public static func badRequest(_ message: String, code: String = "BadRequest") -> ServiceError {
        ServiceError(status: 400, code: code, message: message)
    }

    /// 503: every worker is busy and the queue is full.
    public static func busy(waiting: Int) -> ServiceError {
        ServiceError(status: 503, code: "Busy", message: "the server is busy (\(waiting) requests waiting); retry later")
    }

    /// The status of a query's error: 408 when it ran out of time, else 400 (the query is at fault).
    public static func query(_ error: QueryError) -> ServiceError {
        let status = error.code == "Timeout" ? 408 : 400
        return ServiceError(status: status, code: error.code, message: error.message, queryError: error)
    }

    /// The JSON body of the error response.
    public var json: String { #"{"error":"# + errorObject + "}" }

    /// The inner `{"code", "message", …}` object.
    public var errorObject: String {
        var fields = [#""code":"# + ValueJSON.string(code), #""message":"# + ValueJSON.string(message)]
        if let queryError {
            fields.append(#""category":"# + ValueJSON.string(queryError.category.rawValue))
            fields.append(#""phase":"# + ValueJSON.string(queryError.phase.rawValue))
            if let location = queryError.location {
                fields.append(#""line":\#(location.line),"column":\#(location.column)"#)
            }
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
