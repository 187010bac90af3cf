import TextAnalysis

/// A compact binary image of a knowledge graph, for the retrieval index file written beside a saved
/// graph: whole arrays at once, strings in one blob, so that `quiver ask` reads it in milliseconds.
/// The property-graph snapshot (`save(to:)`) stays the graph of record; this image is derived data.
extension KnowledgeGraph {
    /// Writes the graph's image.
    ///
    /// ```swift
    /// var writer = BinaryWriter()
    /// graph.write(to: &writer)
    /// ```
    public func write(to writer: inout BinaryWriter) {
        writer.int(chunker.maximumWords)
        writer.int(chunker.overlapSentences)
        writer.strings(documents.map(\.id))
        writer.strings(documents.map(\.title))
        // A document that is one whole passage is not written twice: its text is that passage's.
        let whole = wholePassages()
        writer.strings(documents.indices.map { whole[$0] == nil ? documents[$0].text : "" })
        writer.array(documents.indices.map { whole[$0].map(Int32.init) ?? -1 })
        writer.strings(passages.map(\.id))
        writer.strings(passages.map(\.title))
        writer.strings(passages.map(\.text))
        writer.array(passages.map { Int32($0.document) })
        writer.array(passages.map { Int32($0.start) })
        writer.array(passages.map { Int32($0.end) })
        writer.strings(entities.map(\.name))
        writer.strings(entities.map(\.key))
        writer.strings(entities.map { $0.aliases.joined(separator: "|") })
        writer.array(entities.map { UInt8(EntityKind.allCases.firstIndex(of: $0.kind) ?? 0) })
        writer.array(entities.map { UInt8(EntityCategory.allCases.firstIndex(of: $0.category) ?? 0) })
        writer.array(mentions.map(\.entity))
        writer.array(mentions.map(\.passage))
        writer.array(mentions.map(\.start))
        writer.array(mentions.map(\.end))
        writer.array(mentions.map(\.sentence))
        var typeIndex: [String: Int32] = [:]
        var types: [String] = []
        for relation in relations where typeIndex[relation.type] == nil {
            typeIndex[relation.type] = Int32(types.count)
            types.append(relation.type)
        }
        writer.strings(types)
        writer.array(relations.map { typeIndex[$0.type] ?? 0 })
        writer.array(relations.map(\.subject))
        writer.array(relations.map(\.object))
        writer.array(relations.map(\.passage))
        writer.array(relations.map(\.sentence))
        writer.array(relations.map(\.start))
        writer.array(relations.map(\.end))
        writer.array(relations.map(\.confidence))
        writer.strings(relations.map(\.phrase))
        writer.array(titleEntity)
    }

    /// Reads an image written by `write(to:)`.
    public init(reading reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        self.init(chunker: Chunker(maximumWords: try reader.int(), overlapSentences: try reader.int()))
        let documentIDs = try reader.strings(), documentTitles = try reader.strings()
        var documentTexts = try reader.strings()
        let wholePassage: [Int32] = try reader.array()
        let passageIDs = try reader.strings(), passageTitles = try reader.strings(), passageTexts = try reader.strings()
        let passageDocuments: [Int32] = try reader.array(), passageStarts: [Int32] = try reader.array()
        let passageEnds: [Int32] = try reader.array()
        let names = try reader.strings(), keys = try reader.strings(), aliases = try reader.strings()
        let kinds: [UInt8] = try reader.array(), categories: [UInt8] = try reader.array()
        let mentionEntities: [Int32] = try reader.array(), mentionPassages: [Int32] = try reader.array()
        let mentionStarts: [Int32] = try reader.array(), mentionEnds: [Int32] = try reader.array()
        let mentionSentences: [Int32] = try reader.array()
        let types = try reader.strings()
        let relationTypes: [Int32] = try reader.array(), subjects: [Int32] = try reader.array()
        let objects: [Int32] = try reader.array(), relationPassages: [Int32] = try reader.array()
        let sentences: [Int32] = try reader.array(), starts: [Int32] = try reader.array(), ends: [Int32] = try reader.array()
        let confidences: [Float] = try reader.array()
        let phrases = try reader.strings()
        let titles: [Int32] = try reader.array()
        func check(_ condition: Bool, _ what: String) throws(BinaryReader.Truncated) {
            if !condition { throw BinaryReader.Truncated(offset: reader.offset, expected: what) }
        }
        let passageCount = passageIDs.count
        try check(documentTitles.count == documentIDs.count && documentTexts.count == documentIDs.count
                  && wholePassage.count == documentIDs.count && wholePassage.allSatisfy { $0 < passageCount }, "documents")
        for (document, passage) in wholePassage.enumerated() where passage >= 0 { documentTexts[document] = passageTexts[Int(passage)] }
        try check([passageTitles.count, passageTexts.count, passageDocuments.count, passageStarts.count, passageEnds.count,
                   titles.count].allSatisfy { $0 == passageCount }
                  && passageDocuments.allSatisfy { documentIDs.indices.contains(Int($0)) }, "passages")
        let entityCount = names.count
        try check([keys.count, aliases.count, kinds.count, categories.count].allSatisfy { $0 == entityCount }, "entities")
        try check([mentionPassages.count, mentionStarts.count, mentionEnds.count, mentionSentences.count]
                    .allSatisfy { $0 == mentionEntities.count }
                  && mentionEntities.allSatisfy { $0 >= 0 && Int($0) < entityCount }
                  && mentionPassages.allSatisfy { $0 >= 0 && Int($0) < passageCount }, "mentions")
        try check([subjects.count, objects.count, relationPassages.count, sentences.count, starts.count, ends.count,
                   confidences.count, phrases.count].allSatisfy { $0 == relationTypes.count }
                  && relationTypes.allSatisfy { types.indices.contains(Int($0)) }
                  && (subjects + objects).allSatisfy { $0 >= 0 && Int($0) < entityCount }
                  && relationPassages.allSatisfy { $0 >= 0 && Int($0) < passageCount }
                  && titles.allSatisfy { $0 >= 0 && Int($0) < entityCount }, "relations")
        documents = (0..<documentIDs.count).map { CorpusDocument(id: documentIDs[$0], title: documentTitles[$0], text: documentTexts[$0]) }
        passages = (0..<passageCount).map {
            Passage(id: passageIDs[$0], document: Int(passageDocuments[$0]), title: passageTitles[$0], text: passageTexts[$0],
                    start: Int(passageStarts[$0]), end: Int(passageEnds[$0]))
        }
        entities.reserveCapacity(entityCount)
        for index in 0..<entityCount {
            let kind = EntityKind.allCases[min(Int(kinds[index]), EntityKind.allCases.count - 1)]
            let category = EntityCategory.allCases[min(Int(categories[index]), EntityCategory.allCases.count - 1)]
            let entity = Entity(name: names[index], key: keys[index], kind: kind,
                                aliases: aliases[index].isEmpty ? [] : aliases[index].split(separator: "|").map(String.init),
                                category: category)
            entities.append(entity)
        }
        keyMapsPending = true
        mentions = (0..<mentionEntities.count).map {
            Mention(entity: mentionEntities[$0], passage: mentionPassages[$0], start: mentionStarts[$0], end: mentionEnds[$0],
                    sentence: mentionSentences[$0])
        }
        relations = (0..<relationTypes.count).map {
            Relation(subject: subjects[$0], object: objects[$0], type: types[Int(relationTypes[$0])], passage: relationPassages[$0],
                     sentence: sentences[$0], start: starts[$0], end: ends[$0], phrase: phrases[$0], confidence: confidences[$0])
        }
        titleEntity = titles
    }

    /// For each document made of exactly one passage holding all its text, that passage.
    private func wholePassages() -> [Int?] {
        var count = [Int](repeating: 0, count: documents.count)
        var only = [Int?](repeating: nil, count: documents.count)
        for (index, passage) in passages.enumerated() {
            count[passage.document] += 1
            if passage.start == 0, passage.end == documents[passage.document].text.utf8.count { only[passage.document] = index }
        }
        return documents.indices.map { count[$0] == 1 ? only[$0] : nil }
    }
}
