import Foundation
import QuiverCore

/// Standard output for results, buffered and safe to use from any thread: text goes out in
/// 64 KiB writes (and at `flush()`), in the order it was written.
final class StandardOutput: Sendable {
    /// The process's standard output.
    static let shared = StandardOutput()

    private let buffer = Locked<[UInt8]>([])

    /// Appends `text` (no newline is added).
    func write(_ text: String) {
        buffer.withLock { bytes in
            bytes.append(contentsOf: text.utf8)
            if bytes.count >= 64 << 10 { Self.drain(&bytes) }
        }
    }

    /// Appends `text` and a newline.
    func writeLine(_ text: String) { write(text + "\n") }

    /// Writes out everything buffered.
    func flush() { buffer.withLock { Self.drain(&$0) } }

    private static func drain(_ bytes: inout [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
            // A closed pipe (`| head`) or a full disk: nothing more can be said there.
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
