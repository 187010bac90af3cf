import Foundation
import LLM
import TextAnalysis

/// Extracts entities and relations by asking an OpenAI-compatible model for JSON triples.
///
/// The model is asked for `{"triples": [["subject", "relation", "object"], …]}` (HippoRAG-style
/// OpenIE). Each subject and object is anchored to its first occurrence in the passage (ignoring
/// case), so every entity keeps its provenance; a triple naming text that does not occur in the
/// passage is dropped rather than given invented offsets. The result has the same shape as
/// ``OfflineExtractor``'s, so the graph built from it is the same kind of graph.
///
/// ```swift
/// let extractor = LLMExtractor(client: LLMClient(configuration: config))
/// let extractions = try await extractor.extract(documents)   // one Extraction per passage
/// graph.add(documents) { text, title in extractions[text] ?? Extraction() }
/// ```
public struct LLMExtractor: Sendable {
    public let client: LLMClient
    /// The weight given to every relation the model states.
    public var relationWeight: Float

    public init(client: LLMClient, relationWeight: Float = 1) {
        self.client = client
        self.relationWeight = relationWeight
    }

    static let instructions = """
        Extract the facts of the passage as (subject, relation, object) triples. Subjects and objects \
        are named entities, dates or numbers copied exactly as they are written in the passage; the \
        relation is a short verb phrase. Answer with one JSON object: {"triples": [["subject", \
        "relation", "object"], ...]}.
        """

    private struct Reply: Decodable {
        var triples: [[String]]
    }

    /// The mentions and relations of one passage.
    ///
    /// - Throws: ``LLMError`` when the endpoint fails or the reply is not the JSON asked for.
    public func extract(text: String, title: String) async throws(LLMError) -> Extraction {
        let request = ChatRequest(
            messages: [.system(Self.instructions), .user("Title: \(title)\n\n\(text)")], jsonMode: true)
        let reply = try await client.completeJSON(request, as: Reply.self)
        return Self.extraction(from: reply.triples, text: text, weight: relationWeight)
    }

    /// Anchors triples in `text`: a mention per distinct subject/object found, a relation per triple.
    static func extraction(from triples: [[String]], text: String, weight: Float = 1) -> Extraction {
        let sentences = SentenceSplitter().split(text)
        var mentions: [ExtractedMention] = []
        var mentionIndex: [String: Int] = [:]
        func mention(_ surface: String) -> Int? {
            let trimmed = surface.trimmingCharacters(in: .whitespacesAndNewlines)
            let key = EntityKey.normalize(trimmed)
            guard !key.isEmpty else { return nil }
            if let index = mentionIndex[key] { return index }
            guard let range = text.range(of: trimmed, options: [.caseInsensitive]) else { return nil }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let end = text.utf8.distance(from: text.startIndex, to: range.upperBound)
            let sentence = sentences.firstIndex { $0.contains(start) } ?? 0
            let kind: EntityKind = trimmed.allSatisfy({ $0.isNumber }) ? (trimmed.count == 4 ? .date : .number) : .name
            mentions.append(ExtractedMention(
                surface: String(text[range]), key: key, kind: kind, start: start, end: end, sentence: sentence))
            mentionIndex[key] = mentions.count - 1
            return mentions.count - 1
        }
        var relations: [ExtractedRelation] = []
        for triple in triples where triple.count == 3 {
            guard let subject = mention(triple[0]), let object = mention(triple[2]), subject != object else { continue }
            let phrase = triple[1].trimmingCharacters(in: .whitespacesAndNewlines)
            // The same normalisation as the offline extractor, so both graphs have the same types.
            guard let normalized = RelationType.normalize(phrase: phrase, objectIsDate: mentions[object].kind == .date)
            else { continue }
            let (from, to) = normalized.inverse ? (object, subject) : (subject, object)
            relations.append(ExtractedRelation(subject: from, object: to, type: normalized.type, phrase: phrase,
                                               confidence: weight))
        }
        return Extraction(mentions: mentions, relations: relations)
    }

    /// Extractions for many passages, `concurrency` requests at a time, keyed by passage text.
    public func extract(_ documents: [CorpusDocument], concurrency: Int = 4) async throws(LLMError) -> [String: Extraction] {
        do {
            return try await withThrowingTaskGroup(of: (String, Extraction).self) { group in
                var results: [String: Extraction] = [:]
                var pending = documents[...]
                func startNext() {
                    guard let document = pending.popFirst() else { return }
                    group.addTask { (document.text, try await self.extract(text: document.text, title: document.title)) }
                }
                for _ in 0..<max(1, concurrency) { startNext() }
                while let (text, extraction) = try await group.next() {
                    results[text] = extraction
                    startNext()
                }
                return results
            }
        } catch let error as LLMError {
            throw error
        } catch {
            throw .transport("\(error)")
        }
    }
}
