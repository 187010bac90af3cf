import Hummingbird

/// Requires `Authorization: Bearer <token>` on every path but the open ones, when the server has
/// a token; a missing or wrong token is a 401 that says how to send it.
///
/// ```swift
/// router.add(middleware: BearerAuthentication(token: "s3cret", openPaths: ["/health"], openPrefix: "/static/"))
/// ```
struct BearerAuthentication: RouterMiddleware {
    let token: String?
    let openPaths: Set<String>
    let openPrefix: String

    func handle(_ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
        guard let token, !openPaths.contains(request.uri.path), !request.uri.path.hasPrefix(openPrefix) else {
            return try await next(request, context)
        }
        let given = request.headers[.authorization].flatMap { header -> Substring? in
            header.hasPrefix("Bearer ") ? header.dropFirst("Bearer ".count) : nil
        }
        guard let given, Self.equalInConstantTime(Array(given.utf8), Array(token.utf8)) else {
            throw ServiceError(status: 401, code: "Unauthorized",
                               message: "this server needs a token: send the header `Authorization: Bearer <token>` (the --token or QUIVER_TOKEN it was started with)")
        }
        return try await next(request, context)
    }

    /// Compares every byte whatever the first difference, so the time taken says nothing about the token.
    static func equalInConstantTime(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
