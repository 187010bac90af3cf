import Foundation

/// An on-disk cache of completions, one JSON file per request.
///
/// The key is a 64-bit FNV-1a hash of the model and request; each file also stores the full
/// request, so a hash collision is detected and treated as a miss rather than a wrong answer.
/// Files are written to a temporary name and renamed, so a crash never leaves half a reply.
public struct ResponseCache: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    private struct Entry: Codable {
        var model: String
        var request: ChatRequest
        var content: String
    }

    /// The cached reply for `request` on `model`, if any.
    public func lookup(model: String, request: ChatRequest) -> String? {
        guard let data = try? Data(contentsOf: fileURL(model: model, request: request)),
            let entry = try? JSONDecoder().decode(Entry.self, from: data),
            entry.model == model, entry.request == request
        else { return nil }
        return entry.content
    }

    /// Stores a reply; failures to write are ignored because the cache only saves work.
    public func store(model: String, request: ChatRequest, content: String) {
        let url = fileURL(model: model, request: request)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Entry(model: model, request: request, content: content)) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: temporary)
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    private func fileURL(model: String, request: ChatRequest) -> URL {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(request)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Data(model.utf8) + [0] + body {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return directory.appendingPathComponent(String(format: "%016llx.json", hash))
    }
}
