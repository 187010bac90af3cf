import Foundation
import Hummingbird
import Logging
import NIOCore

/// `quiver serve`: the HTTP server over a ``QuiverService``, on Hummingbird (swift-nio).
///
/// It listens only on loopback unless given a token; it stops on SIGTERM or SIGINT gracefully:
/// it stops accepting connections, lets requests in flight finish and write their responses
/// whole, then returns.
///
/// ```swift
/// let server = QuiverHTTPServer(service: service, address: ListenAddress(host: "127.0.0.1", port: 7878), token: nil)
/// try await server.run { host, port in print("listening on http://\(host):\(port)") }
/// ```
public struct QuiverHTTPServer: Sendable {
    /// What the server answers.
    public let service: QuiverService
    /// Where it listens.
    public let address: ListenAddress
    /// The bearer token clients must send, if any.
    public let token: String?

    /// A server; ``run(onListening:)`` starts it.
    public init(service: QuiverService, address: ListenAddress, token: String?) throws(ServiceSetupError) {
        try address.check(token: token)
        self.service = service
        self.address = address
        self.token = token
    }

    /// Listens until SIGTERM or SIGINT; `onListening` gets the bound host and port (useful with port 0).
    public func run(onListening: @escaping @Sendable (String, Int) async -> Void) async throws {
        var logger = Logger(label: "quiver.serve", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .warning
        let routes = HTTPRoutes(service: service, explorer: ExplorerFiles.load(), token: token)
        let host = address.host
        let app = Application(
            router: routes.router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: address.port), serverName: "quiver"),
            onServerRunning: { channel in await onListening(host, channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
