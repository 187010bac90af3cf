import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// How the HTTP layer writes bodies: JSON documents, errors, and the request bodies it reads.
enum HTTPResponses {
    /// A JSON response with `status`.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A JSON response of text.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        json(Array(text.utf8), status: status)
    }

    /// The response for an error: its status and `{"error": {…}}`.
    static func error(_ error: ServiceError) -> Response {
        json(error.json, status: HTTPResponse.Status(code: error.status))
    }

    /// The whole request body, refused with 413 past `limit` bytes (by its Content-Length before
    /// reading, else as it arrives; the rest of a refused body is read and dropped by the server).
    static func body(of request: Request, limit: Int) async throws(ServiceError) -> [UInt8] {
        let tooLarge = ServiceError(status: 413, code: "BodyTooLarge",
                                    message: "the request body is larger than \(limit) bytes (--max-body); send smaller batches")
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw ServiceError(status: 400, code: "BodyUnreadable", message: "the request body could not be read: \(error)")
        }
    }
}
