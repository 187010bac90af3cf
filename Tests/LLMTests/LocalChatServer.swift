import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers chat-completions requests from a script,
/// so the real `LLMClient` is tested over a real socket without any model.
final class LocalChatServer: @unchecked Sendable {
    // @unchecked: `requests` is only touched under `lock`; the listening socket is owned by the
    // accept thread after `init` and closed once by `stop()`.
    struct Reply {
        var status: Int
        var body: String
        var headers: [String: String] = [:]
        /// Seconds to wait before answering, to provoke client timeouts.
        var delay: TimeInterval = 0
    }

    let port: UInt16
    private let socketFD: Int32
    private let lock = NSLock()
    private var _requests: [String] = []
    private let respond: @Sendable (Int, String) -> Reply

    /// The bodies of the requests received so far, in order.
    var requests: [String] { lock.withLock { _requests } }
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    init(respond: @escaping @Sendable (_ index: Int, _ body: String) -> Reply) throws {
        self.respond = respond
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socketFD = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func stop() {
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    private func acceptLoop() {
        while true {
            let client = accept(socketFD, nil, nil)
            if client < 0 { return }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let body = readRequestBody(client) else { return }
        let index = lock.withLock {
            _requests.append(body)
            return _requests.count - 1
        }
        let reply = respond(index, body)
        if reply.delay > 0 { Thread.sleep(forTimeInterval: reply.delay) }
        var head = "HTTP/1.1 \(reply.status) Status\r\nContent-Type: application/json\r\n"
        head += "Content-Length: \(reply.body.utf8.count)\r\nConnection: close\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        let bytes = Array((head + "\r\n" + reply.body).utf8)
        _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    private func readRequestBody(_ client: Int32) -> String? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data += buffer[0..<count]
            let text = String(decoding: data, as: UTF8.self)
            guard let headerEnd = text.range(of: "\r\n\r\n") else { continue }
            let header = text[..<headerEnd.lowerBound].lowercased()
            let length = header.split(separator: "\r\n")
                .first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let bodyStart = text.utf8.distance(from: text.startIndex, to: headerEnd.upperBound)
            if data.count - bodyStart >= length {
                return String(decoding: data[bodyStart..<(bodyStart + length)], as: UTF8.self)
            }
        }
    }

    /// A chat-completions response body whose first choice says `content`.
    static func completion(_ content: String) -> String {
        let escaped = String(decoding: try! JSONSerialization.data(withJSONObject: [content]), as: UTF8.self)
        return #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"#
            + escaped.dropFirst().dropLast() + "}}]}"
    }
}
