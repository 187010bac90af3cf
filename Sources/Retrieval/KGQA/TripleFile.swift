import Foundation
import PropertyGraph
import QuiverCore

/// Knowledge-graph triples read into a property graph through the bulk loader: each distinct
/// entity becomes one `(:Entity {name})` node and each triple one relationship typed by its
/// relation, so both directions are traversable and Cypher can query the result.
///
/// Lines are `subject<TAB>relation<TAB>object` (TSV) or MetaQA's `subject|relation|object`; the
/// first non-blank line decides which. Blank lines are skipped, a repeated triple is kept once, and
/// `name` is indexed for `MATCH (e:Entity {name: …})`.
///
/// ```swift
/// let graph = try TripleFile.load(contentsOf: URL(fileURLWithPath: "kb.txt"))
/// graph.nodeCount   // distinct entities
/// ```
public enum TripleFile {
    /// The label every entity node carries.
    public static let entityLabel = "Entity"
    /// The property holding an entity's name.
    public static let nameProperty = "name"

    /// Reads and loads a triple file.
    ///
    /// - Throws: ``TripleFileError`` naming the file and line of the first malformed triple, or
    ///   saying the file holds no triples.
    public static func load(contentsOf url: URL) throws -> GraphStore {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TripleFileError(path: url.path, line: 0, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try load(bytes: [UInt8](data), path: url.path)
    }

    /// Loads triples from the bytes of a file (`path` only names it in errors).
    public static func load(bytes: [UInt8], path: String = "<triples>") throws -> GraphStore {
        let triples = try parse(bytes, path: path)
        guard !triples.names.isEmpty else {
            throw TripleFileError(path: path, line: 0, message: "no triples: the knowledge graph is empty")
        }
        let graph = GraphStore()
        try graph.bulkAddNodes(count: triples.names.count, labels: [entityLabel],
                               properties: [nameProperty: triples.names.map { .string($0) }])
        try graph.bulkAddRelationships(typeNames: triples.relations, types: triples.types,
                                       starts: triples.subjects, ends: triples.objects)
        graph.createIndex(label: entityLabel, key: nameProperty)
        return graph
    }

    /// Triples with entities and relations numbered in order of first appearance.
    struct ParsedTriples {
        var names: [String] = []
        var relations: [String] = []
        var subjects: [Int32] = []
        var types: [Int32] = []
        var objects: [Int32] = []
    }

    static func parse(_ bytes: [UInt8], path: String) throws -> ParsedTriples {
        var result = ParsedTriples()
        var entityIDs: [String: Int32] = [:]
        var relationIDs: [String: Int32] = [:]
        var seen = Set<TripleKey>()
        var separator: UInt8?
        var lineNumber = 0
        var start = 0
        let tab = UInt8(ascii: "\t"), pipe = UInt8(ascii: "|")
        func intern(_ text: String, in table: inout [String: Int32], _ list: inout [String]) -> Int32 {
            if let id = table[text] { return id }
            let id = Int32(list.count)
            table[text] = id
            list.append(text)
            return id
        }
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            var last = end
            if last > start && bytes[last - 1] == 13 { last -= 1 }
            defer { start = end + 1 }
            if bytes[start..<last].allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            if separator == nil { separator = bytes[start..<last].contains(tab) ? tab : pipe }
            guard let separator else { continue }
            var cuts: [Int] = []
            for index in start..<last where bytes[index] == separator {
                cuts.append(index)
                if cuts.count > 2 { break }
            }
            let shape = separator == tab ? "subject<TAB>relation<TAB>object" : "subject|relation|object"
            guard cuts.count == 2 else {
                throw TripleFileError(path: path, line: lineNumber,
                                      message: "expected \(shape), found \(cuts.count + 1) field(s)")
            }
            let fields = [start..<cuts[0], (cuts[0] + 1)..<cuts[1], (cuts[1] + 1)..<last].map { range in
                var lower = range.lowerBound, upper = range.upperBound
                while lower < upper && bytes[lower] == 32 { lower += 1 }
                while upper > lower && bytes[upper - 1] == 32 { upper -= 1 }
                return String(decoding: bytes[lower..<upper], as: UTF8.self)
            }
            if let empty = fields.firstIndex(where: \.isEmpty) {
                throw TripleFileError(path: path, line: lineNumber,
                                      message: "the \(["subject", "relation", "object"][empty]) is empty in \(shape)")
            }
            let subject = intern(fields[0], in: &entityIDs, &result.names)
            let relation = intern(fields[1], in: &relationIDs, &result.relations)
            let object = intern(fields[2], in: &entityIDs, &result.names)
            guard seen.insert(TripleKey(subject: subject, relation: relation, object: object)).inserted else { continue }
            result.subjects.append(subject)
            result.types.append(relation)
            result.objects.append(object)
        }
        return result
    }

    struct TripleKey: Hashable {
        var subject: Int32
        var relation: Int32
        var object: Int32
    }
}

/// A triple file that cannot be loaded: where, and what is wrong.
///
/// ```swift
/// do { _ = try TripleFile.load(contentsOf: url) } catch let error as TripleFileError { print(error) }
/// ```
public struct TripleFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The 1-based line, or 0 for the whole file.
    public var line: Int
    /// What is wrong and what to do.
    public var message: String

    /// An error.
    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}
