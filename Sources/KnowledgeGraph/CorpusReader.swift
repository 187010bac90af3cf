import Foundation
import QuiverCore

/// Reads corpora: a folder of `.txt` / `.md` files, or a JSONL file of `{"id", "title", "text"}` objects
/// (the `$QUIVER_DATA/multihop/*/corpus.jsonl` format).
///
/// ```swift
/// let documents = try CorpusReader.read(URL(fileURLWithPath: "corpus.jsonl"))
/// ```
public enum CorpusReader {
    /// Reads a folder (recursively, `.txt` and `.md` files, sorted by path) or a `.jsonl` file.
    public static func read(_ url: URL) throws(CorpusError) -> [CorpusDocument] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CorpusError(path: url.path, message: "no such file or folder; pass a folder of .txt/.md files or a .jsonl file")
        }
        if isDirectory.boolValue { return try readFolder(url) }
        return try readJSONL(url)
    }

    /// Reads a JSONL file; `id` defaults to the line number and `title` to the empty string.
    public static func readJSONL(_ url: URL) throws(CorpusError) -> [CorpusDocument] {
        let data = try RegularFile.data(url.path)
        var documents: [CorpusDocument] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do { try JSONNesting.check(line) } catch {
                throw CorpusError(path: url.path, line: lineNumber, message: "\(error)")
            }
            let object: Any
            do { object = try JSONSerialization.jsonObject(with: Data(line)) } catch {
                throw CorpusError(path: url.path, line: lineNumber, message: "not valid JSON: each line must be one {\"id\", \"title\", \"text\"} object")
            }
            guard let fields = object as? [String: Any], let text = fields["text"] as? String else {
                throw CorpusError(path: url.path, line: lineNumber, message: "expected an object with a string \"text\" field")
            }
            let id = (fields["id"] as? String) ?? (fields["id"] as? Int).map(String.init) ?? "line\(lineNumber)"
            let title = Self.decodingEntities((fields["title"] as? String) ?? "")
            documents.append(CorpusDocument(id: id, title: title, text: text))
        }
        return documents
    }

    /// Reads every `.txt` and `.md` file under a folder; the id is the relative path without its
    /// extension (`people/ada-quill` for `people/ada-quill.md`), the title the file name without
    /// extension (or the first Markdown heading).
    public static func readFolder(_ url: URL) throws(CorpusError) -> [CorpusDocument] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else {
            throw CorpusError(path: url.path, message: "cannot list folder")
        }
        var files: [URL] = []
        for case let file as URL in enumerator where ["txt", "md"].contains(file.pathExtension.lowercased()) {
            files.append(file)
        }
        files.sort { $0.path < $1.path }
        let basePath = url.standardizedFileURL.path
        var documents: [CorpusDocument] = []
        for file in files {
            let text = try RegularFile.text(file.path)
            var id = file.standardizedFileURL.deletingPathExtension().path
            if id.hasPrefix(basePath) { id = String(id.dropFirst(basePath.count).drop { $0 == "/" }) }
            var title = file.deletingPathExtension().lastPathComponent
            var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first,
                first.hasPrefix("# ")
            {
                title = first.dropFirst(2).trimmingCharacters(in: .whitespaces)
                body = String(text.dropFirst(first.count)).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            documents.append(CorpusDocument(id: id, title: title, text: body))
        }
        return documents
    }

    /// A title with the HTML character references some dumps leave in it decoded ("Cities &amp; Knights").
    static func decodingEntities(_ title: String) -> String {
        guard title.contains("&") else { return title }
        var result = title
        for (reference, character) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            result = result.replacingOccurrences(of: reference, with: character)
        }
        return result
    }
}
