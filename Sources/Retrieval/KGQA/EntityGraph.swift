import Foundation
import PropertyGraph
import QuiverCore
import TextAnalysis

/// A property graph read as a knowledge graph for question answering: entity names, a name index
/// for linking, and what each relation type's name says (``RelationName``).
///
/// Read-only: it keeps a ``GraphSnapshot`` of the store it was built from, so searches and Cypher
/// queries read it from any number of threads, whatever later happens to that store.
///
/// ```swift
/// let kg = try EntityGraph(store: TripleFile.load(contentsOf: url))
/// kg.nodes(named: "Kiss and Tell")   // the node ids with that name
/// ```
public final class EntityGraph: Sendable {
    /// The graph as it was when this was built.
    public let snapshot: GraphSnapshot
    /// The snapshot's frozen store, for reading (a write to it is refused).
    public var store: GraphStore { snapshot.store }
    /// The property that holds entity names.
    public let nameProperty: String
    /// The label every named node carries, if there is one (Cypher queries use it to reach the index).
    public let entityLabel: String?
    /// Each relation type's reading, indexed by type id.
    public let relations: [RelationInfo]
    /// Node id → name ("" for a node without one).
    let names: [String]
    /// Exact name → nodes.
    let exactIndex: [String: [Int32]]
    /// Normalised name (tokens joined by spaces) → nodes.
    let normalizedIndex: [String: [Int32]]
    /// The most tokens in a normalised name.
    let longestName: Int

    /// What is known about one relation type.
    public struct RelationInfo: Sendable, Hashable {
        /// The type id in the store.
        public var type: Int
        /// The reading of its name.
        public var name: RelationName
        /// Whether its objects name people ("…_by" agents or person nouns).
        public var objectIsPerson: Bool
        /// Whether its objects are times (named so, or mostly years and dates).
        public var objectIsTime: Bool
        /// Whether its objects are places.
        public var objectIsPlace: Bool
        /// Whether its subjects name people.
        public var subjectIsPerson: Bool
        /// How many relationships have the type.
        public var count: Int
    }

    /// Reads `store`; nodes without a string `nameProperty` are not linkable and answer as `#id`.
    ///
    /// - Throws: ``TripleFileError`` (path `<graph>`) when no node has a name: there is nothing to answer with.
    public init(store source: GraphStore, nameProperty: String = TripleFile.nameProperty, lexicon: Lexicon = .standard) throws {
        snapshot = source.snapshot()
        let store = snapshot.store
        self.nameProperty = nameProperty
        var names = [String](repeating: "", count: store.nodeIDLimit)
        var exact: [String: [Int32]] = [:]
        var normalized: [String: [Int32]] = [:]
        var longest = 0
        var sharedLabels: Set<Int>?
        if let key = store.propertyKeyID(nameProperty) {
            store.forEachNode { node in
                guard case .string(let name) = store.nodeProperty(node, key), !name.isEmpty else { return }
                names[node] = name
                exact[name, default: []].append(Int32(node))
                let tokens = Self.tokens(name)
                longest = max(longest, tokens.count)
                if !tokens.isEmpty { normalized[tokens.joined(separator: " "), default: []].append(Int32(node)) }
                let labels = Set(store.labels(of: node))
                sharedLabels = sharedLabels.map { $0.intersection(labels) } ?? labels
            }
        }
        guard !exact.isEmpty else {
            throw TripleFileError(path: "<graph>", line: 0,
                                  message: "no node has a `\(nameProperty)` property: the knowledge graph is empty or names its entities otherwise (--name-property)")
        }
        self.names = names
        self.exactIndex = exact
        self.normalizedIndex = normalized
        self.longestName = longest
        let label = sharedLabels?.min()
        self.entityLabel = label.map { store.labelName($0) }
        self.relations = store.typeNames.indices.map { type in
            Self.describe(type: type, in: store, names: names, lexicon: lexicon)
        }
    }

    /// The name of a node (`#id` when it has none).
    public func name(of node: Int) -> String {
        node < names.count && !names[node].isEmpty ? names[node] : "#\(node)"
    }

    /// The nodes called exactly `name`, else those whose normalised name matches.
    public func nodes(named name: String) -> [Int32] {
        if let nodes = exactIndex[name] { return nodes }
        return normalizedIndex[Self.tokens(name).joined(separator: " ")] ?? []
    }

    /// The nodes whose normalised name is `tokens` joined by spaces.
    func nodes(normalizedTokens tokens: ArraySlice<String>) -> [Int32]? {
        normalizedIndex[tokens.joined(separator: " ")]
    }

    /// Lower-cased word tokens of a name or question; `_` separates words like a space.
    public static func tokens(_ text: String) -> [String] {
        tokenizer.tokenize(text.replacingOccurrences(of: "_", with: " ")).map(\.text)
    }

    static let tokenizer = Tokenizer(minimumLength: 1)

    static func describe(type: Int, in store: GraphStore, names: [String], lexicon: Lexicon) -> RelationInfo {
        let relation = RelationName(store.typeName(type))
        // A sample of objects tells times (years, dates) from other values when the name does not.
        var sampled = 0, times = 0
        for rel in store.relationshipIDs(type: type).prefix(64) {
            sampled += 1
            if Self.looksLikeTime(names[store.endNode(of: rel)]) { times += 1 }
        }
        let timeByName = !relation.objectClass.isDisjoint(with: lexicon.timeKeys)
        return RelationInfo(
            type: type, name: relation,
            objectIsPerson: relation.objectIsAgent || !relation.objectClass.isDisjoint(with: lexicon.personKeys),
            objectIsTime: timeByName || (sampled > 0 && Double(times) >= 0.8 * Double(sampled)),
            objectIsPlace: !relation.objectClass.isDisjoint(with: lexicon.placeKeys),
            subjectIsPerson: !relation.subjectClass.isDisjoint(with: lexicon.personKeys),
            count: store.relationshipCount(type: type))
    }

    /// A year (three or four digits) or an ISO-like date (`1999-05-01`, `1999-05`).
    static func looksLikeTime(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count >= 3, bytes.count <= 10 else { return false }
        let digits = bytes.prefix { $0 >= 48 && $0 <= 57 }.count
        guard digits == 3 || digits == 4 else { return false }
        return digits == bytes.count || bytes[digits] == UInt8(ascii: "-")
    }
}
