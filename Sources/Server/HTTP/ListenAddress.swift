import Foundation

/// Where `quiver serve` listens, and whether it may: an address other than loopback needs a token,
/// so a reward server is never opened to a network by accident.
///
/// ```swift
/// try ListenAddress(host: "0.0.0.0", port: 7878).check(token: nil)   // throws: a token is needed
/// ```
public struct ListenAddress: Sendable, Hashable {
    /// The host name or address to bind.
    public var host: String
    /// The port (0: any free port, reported when listening).
    public var port: Int

    /// An address to listen on.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Whether the host is a loopback address: `localhost`, 127.0.0.0/8 or `::1`.
    public var isLoopback: Bool {
        let name = host.lowercased().trimmingCharacters(in: ["[", "]"])
        if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Throws unless the address is loopback or there is a token; also checks the port.
    public func check(token: String?) throws(ServiceSetupError) {
        guard (0...65_535).contains(port) else {
            throw ServiceSetupError("--port \(port) is not a port; give 1 to 65535 (or 0 for any free port)")
        }
        if !isLoopback && (token ?? "").isEmpty {
            throw ServiceSetupError(
                "refusing to listen on \(host) without a token: give --token or set QUIVER_TOKEN (clients then send Authorization: Bearer <token>), or listen on 127.0.0.1")
        }
    }
}
