import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The web explorer's files (the page, its script and style, vendored vis-network with its
/// licence) and the OpenAPI document, read once at start from the target's resource folder.
///
/// SwiftPM puts the folder `Quiver_Server.resources` beside the built binary; `QUIVER_STATIC_DIR`
/// names another folder holding the same files. When neither is found the API still works and the
/// page answers 404 with where it looked.
///
/// ```swift
/// let files = ExplorerFiles.load()
/// files.response(for: "index.html")
/// ```
struct ExplorerFiles: Sendable {
    /// File contents by name.
    let files: [String: [UInt8]]
    /// Where the files were looked for, for the 404 message.
    let searched: [String]

    /// Reads every file of the first resource folder found.
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExplorerFiles {
        let candidates = folders(environment: environment)
        for folder in candidates {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder), names.contains("index.html") else { continue }
            var files: [String: [UInt8]] = [:]
            for name in names {
                if let data = FileManager.default.contents(atPath: folder + "/" + name) { files[name] = Array(data) }
            }
            return ExplorerFiles(files: files, searched: candidates)
        }
        return ExplorerFiles(files: [:], searched: candidates)
    }

    /// Folders that may hold the files: `QUIVER_STATIC_DIR`, then SwiftPM's resource bundle beside
    /// the executable (and beside a test bundle).
    private static func folders(environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let override = environment["QUIVER_STATIC_DIR"] { folders.append(override) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for base in [executable, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            for bundle in ["Quiver_Server.resources", "Quiver_Server.bundle/Contents/Resources"] {
                folders.append(base.appendingPathComponent(bundle).appendingPathComponent("static").path)
                folders.append(base.appendingPathComponent(bundle).path)
            }
        }
        return folders
    }

    /// The file as a response with its content type, or a JSON 404.
    func response(for name: String) -> Response {
        guard let bytes = files[name] else {
            let message = files.isEmpty
                ? "the explorer's files were not found (looked in \(searched.prefix(3).joined(separator: ", ")), …); set QUIVER_STATIC_DIR"
                : "no file \(name)"
            return HTTPResponses.error(ServiceError(status: 404, code: "NotFound", message: message))
        }
        return Response(status: .ok, headers: [.contentType: Self.contentType(of: name), .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        default: "text/plain; charset=utf-8"
        }
    }
}
