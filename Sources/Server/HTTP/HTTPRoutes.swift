import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The routes of `quiver serve`: the JSON API, the reward endpoints, the OpenAPI document and
/// the web explorer's files. Handlers read the body (capped), then hop to the service's worker
/// threads for anything that blocks.
///
/// ```swift
/// let router = HTTPRoutes(service: service, explorer: try ExplorerFiles.load(), token: nil).router()
/// ```
struct HTTPRoutes: Sendable {
    let service: QuiverService
    let explorer: ExplorerFiles
    let token: String?

    /// Paths anyone may read without the token: the page, its files, the API's description and liveness.
    static let openPaths: Set<String> = ["/", "/health", "/openapi.json"]

    /// The method `path` answers (`GET` or `POST`), nil for a path the server does not have: a
    /// request with another method is a 405 that names it.
    static func method(for path: String) -> String? {
        switch path {
        case "/", "/health", "/openapi.json", "/schema": return "GET"
        case "/cypher", "/ask", "/kgqa": return "POST"
        case _ where path.hasPrefix("/static/"): return "GET"
        case _ where path.hasPrefix("/score/"): return RewardKind(rawValue: String(path.dropFirst("/score/".count))) == nil ? nil : "POST"
        default: return nil
        }
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: BearerAuthentication(token: token, openPaths: Self.openPaths, openPrefix: "/static/"))
        router.get("/") { _, _ in explorer.response(for: "index.html") }
        router.get("/static/:name") { _, context in explorer.response(for: context.parameters.get("name") ?? "") }
        router.get("/health") { _, _ in HTTPResponses.json(service.health()) }
        router.get("/openapi.json") { _, _ in explorer.response(for: "openapi.json") }
        router.get("/schema") { _, _ in
            HTTPResponses.json(try await service.pool.run { service.schema() })
        }
        router.post("/cypher") { request, _ in try await cypher(request) }
        router.post("/ask") { request, _ in
            let body = try await HTTPResponses.body(of: request, limit: service.limits.maxBodyBytes)
            let ask = try AskRequest(JSONObject(body: body, allowed: AskRequest.fields))
            return HTTPResponses.json(try await service.ask(ask))
        }
        router.post("/kgqa") { request, _ in
            let body = try await HTTPResponses.body(of: request, limit: service.limits.maxBodyBytes)
            let kgqa = try KGQARequest(JSONObject(body: body, allowed: KGQARequest.fields), limits: service.limits)
            return HTTPResponses.json(try await service.pool.run { try service.kgqa(kgqa) })
        }
        for kind in RewardKind.allCases {
            router.post("/score/\(kind.rawValue)") { request, _ in
                let body = try await HTTPResponses.body(of: request, limit: service.limits.maxBodyBytes)
                return HTTPResponses.json(try await service.pool.run { try service.score(kind, body: body) })
            }
        }
        return router
    }

    /// `POST /cypher`: the query runs on a worker; its first chunk decides the status (an error
    /// before any output is a 4xx), and the rest streams as the worker makes it.
    private func cypher(_ request: Request) async throws -> Response {
        let body = try await HTTPResponses.body(of: request, limit: service.limits.maxBodyBytes)
        let cypher = try CypherRequest(body: body, limits: service.limits)
        let pipe = ChunkPipe(capacity: 8, stallLimit: .seconds(Int64(service.limits.maxTimeout)))
        let accepted = service.pool.submit {
            do throws(ServiceError) {
                try service.runCypher(cypher, into: pipe)
                pipe.finish()
            } catch {
                pipe.fail(error)
            }
        }
        guard accepted else { throw ServiceError.busy(waiting: service.pool.queueLimit) }
        switch await pipe.next() {
        case .failure(let error): throw error
        case .end: throw ServiceError(status: 500, code: "NoOutput", message: "the query ended without output")
        case .chunk(let first):
            let headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                do {
                    try await writer.write(ByteBuffer(bytes: first))
                    while case .chunk(let chunk) = await pipe.next() {
                        try await writer.write(ByteBuffer(bytes: chunk))
                    }
                    try await writer.finish(nil)
                } catch {
                    pipe.cancel()
                    throw error
                }
            })
        }
    }
}

/// Turns every error into a JSON response: a ``ServiceError`` with its status, Hummingbird's own
/// (404 for an unknown path, …) with theirs, anything else a 500 that names it.
struct ErrorMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return HTTPResponses.error(error)
        } catch let error as HTTPError {
            if error.status == .notFound, let allowed = HTTPRoutes.method(for: request.uri.path), allowed != request.method.rawValue {
                var response = HTTPResponses.error(ServiceError(status: 405, code: "MethodNotAllowed",
                                                                message: "\(request.uri.path) answers \(allowed), not \(request.method)"))
                response.headers[.allow] = allowed
                return response
            }
            let message = error.status == .notFound
                ? "no endpoint \(request.method) \(request.uri.path); see GET /openapi.json" : (error.body ?? error.status.reasonPhrase)
            return HTTPResponses.error(ServiceError(status: error.status.code, code: error.status.reasonPhrase.replacingOccurrences(of: " ", with: ""),
                                                    message: message))
        } catch {
            return HTTPResponses.error(ServiceError(status: 500, code: "InternalError", message: "\(error)"))
        }
    }
}
