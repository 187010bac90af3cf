import QuiverCore

/// Snapshot save and load: a versioned, checksummed binary image of the graph.
///
/// Layout (little-endian): the magic `QVRGRAPH`, a `UInt32` format version, then the name
/// tables, nodes (id limit, liveness bits, label bits), relationships (id limit, liveness
/// bits, type/start/end arrays), node and relationship property columns, index definitions,
/// and finally an FNV-1a 64 checksum of everything before it. The encoding is canonical —
/// derived structures (CSR, indexes' contents) are rebuilt on load and columns are written
/// in the layout their values call for — so equal graphs give equal bytes.
extension GraphStore {
    static let snapshotMagic: [UInt8] = Array("QVRGRAPH".utf8)
    /// The snapshot format version this build writes and reads.
    public static let snapshotVersion: UInt32 = 1

    /// Writes the graph to `path` atomically (temporary file, fsync, rename).
    ///
    /// ```swift
    /// try graph.save(to: "people.qgraph")
    /// let copy = try GraphStore.load(from: "people.qgraph")
    /// ```
    public func save(to path: String) throws {
        try FileIO.writeAtomically(snapshotBytes(), to: path)
    }

    /// Reads a graph saved by `save(to:)`, verifying the magic, version and checksum.
    public static func load(from path: String) throws -> GraphStore {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readAll(path)
        } catch {
            throw GraphStoreError.snapshotFailed(path: path, message: error.message)
        }
        return try GraphStore(snapshot: bytes, path: path)
    }

    /// The snapshot image of the graph (what `save` writes).
    public func snapshotBytes() -> [UInt8] {
        var w = ByteWriter()
        w.bytes.reserveCapacity(64 + nodeIDLimit * 16 + relType.count * 24)
        w.bytes.append(contentsOf: Self.snapshotMagic)
        w.u32(Self.snapshotVersion)
        for table in [labels, types, keys] {
            w.u64(UInt64(table.count))
            for name in table.names { w.string(name) }
        }
        // Nodes.
        w.u64(UInt64(nodeIDLimit))
        w.array(nodeAlive.words(covering: nodeIDLimit))
        let labelWords = (labels.count + 63) / 64
        var packed = [UInt64](repeating: 0, count: nodeIDLimit * labelWords)
        for node in 0..<nodeIDLimit {
            for word in 0..<labelWords { packed[node * labelWords + word] = nodeLabelWords[node * labelStride + word] }
        }
        w.array(packed)
        // Relationships.
        w.u64(UInt64(relType.count))
        w.array(relAlive.words(covering: relType.count))
        w.array(relType)
        w.array(relStart)
        w.array(relEnd)
        // Properties.
        for (columns, limit) in [(nodeColumns, nodeIDLimit), (relColumns, relType.count)] {
            w.u64(UInt64(keys.count))
            for key in 0..<keys.count {
                writeColumn(key < columns.count ? columns[key] : PropertyColumn(), limit: limit, to: &w)
            }
        }
        // Indexes.
        let indexKeys = declaredIndexes.sorted()
        w.u64(UInt64(indexKeys.count))
        for key in indexKeys {
            w.u64(UInt64(key.label))
            w.u64(UInt64(key.key))
        }
        w.u64(FNV1a64.hash(w.bytes, count: w.bytes.count))
        return w.bytes
    }

    private func writeColumn(_ column: PropertyColumn, limit: Int, to w: inout ByteWriter) {
        let kind = column.canonicalKind()
        w.u8(kind.rawValue)
        guard kind != .empty else { return }
        w.array(column.present.words(covering: limit))
        if kind == column.kind && (kind == .int || kind == .float) {
            // Gather fixed-width values into one array and append it in one go.
            var raw: [UInt64] = []
            raw.reserveCapacity(column.count)
            if kind == .int {
                column.ints.withUnsafeBufferPointer { ints in column.forEachPresent { raw.append(UInt64(bitPattern: ints[$0])) } }
            } else {
                column.floats.withUnsafeBufferPointer { floats in column.forEachPresent { raw.append(floats[$0].bitPattern) } }
            }
            w.array(raw)
            return
        }
        column.forEachPresent { id in
            let value = column.value(id)
            switch (kind, value) {
            case (.int, .int(let v)): w.i64(v)
            case (.float, .float(let v)): w.u64(v.bitPattern)
            case (.string, .string(let v)): w.string(v)
            case (.bool, .bool(let v)): w.u8(v ? 1 : 0)
            default: w.value(value)
            }
        }
    }

    /// Reads a snapshot image; `path` names it in errors.
    public convenience init(snapshot bytes: [UInt8], path: String = "<snapshot>") throws {
        self.init()
        var r = ByteReader(bytes: bytes, path: path)
        guard bytes.count >= Self.snapshotMagic.count + 12, Array(bytes.prefix(8)) == Self.snapshotMagic else {
            throw GraphStoreError.snapshotFailed(path: path, message: "not a Quiver graph snapshot (bad magic header)")
        }
        r.offset = 8
        let version = try r.u32()
        guard version == Self.snapshotVersion else {
            throw GraphStoreError.snapshotFailed(
                path: path,
                message: "snapshot format version \(version) is not supported (this build reads version \(Self.snapshotVersion)); re-create it with `quiver import` or a matching Quiver")
        }
        let body = bytes.count - 8
        var tail = ByteReader(bytes: bytes, path: path)
        tail.offset = body
        guard try tail.u64() == FNV1a64.hash(bytes, count: body) else {
            throw GraphStoreError.snapshotFailed(path: path, message: "checksum mismatch: the snapshot is corrupted or truncated")
        }
        try readBody(&r)
        guard r.offset == body else { throw r.fail("trailing data before the checksum") }
        rebuildDerivedState()
    }

    private func readBody(_ r: inout ByteReader) throws {
        willMutate()
        var tables: [NameTable] = []
        for _ in 0..<3 {
            let n = try r.count()
            var table = NameTable()
            for _ in 0..<n { _ = table.intern(try r.string()) }
            guard table.count == n else { throw r.fail("duplicate name in a name table") }
            tables.append(table)
        }
        labels = tables[0]; types = tables[1]; keys = tables[2]
        nodeIDLimit = try r.count()
        nodeAlive = BitSet(words: try r.array(UInt64.self, count: (nodeIDLimit + 63) / 64))
        labelStride = max(1, (labels.count + 63) / 64)
        let labelWords = (labels.count + 63) / 64
        let packed = try r.array(UInt64.self, count: nodeIDLimit * labelWords)
        if labels.count & 63 != 0 {
            let unused = ~((UInt64(1) << UInt64(labels.count & 63)) - 1)
            for node in 0..<nodeIDLimit where packed[node * labelWords + labelWords - 1] & unused != 0 {
                throw r.fail("node \(node) carries a label id beyond the label table")
            }
        }
        nodeLabelWords = [UInt64](repeating: 0, count: nodeIDLimit * labelStride)
        for node in 0..<nodeIDLimit {
            for word in 0..<labelWords { nodeLabelWords[node * labelStride + word] = packed[node * labelWords + word] }
        }
        let relLimit = try r.count()
        relAlive = BitSet(words: try r.array(UInt64.self, count: (relLimit + 63) / 64))
        relType = try r.array(Int32.self, count: relLimit)
        relStart = try r.array(Int32.self, count: relLimit)
        relEnd = try r.array(Int32.self, count: relLimit)
        for rel in 0..<relLimit where relAlive.contains(rel) {
            guard relType[rel] >= 0, Int(relType[rel]) < types.count,
                relStart[rel] >= 0, Int(relStart[rel]) < nodeIDLimit, relEnd[rel] >= 0, Int(relEnd[rel]) < nodeIDLimit
            else { throw r.fail("relationship \(rel) refers to a missing type or node") }
        }
        nodeColumns = try readColumns(&r, limit: nodeIDLimit)
        relColumns = try readColumns(&r, limit: relLimit)
        let indexCount = try r.count()
        for _ in 0..<indexCount {
            let key = IndexKey(label: try r.count(), key: try r.count())
            guard key.label < labels.count, key.key < keys.count else { throw r.fail("index on an unknown label or key") }
            indexes[key] = EqualityIndex()
            declaredIndexes.insert(key)
        }
    }

    private func readColumns(_ r: inout ByteReader, limit: Int) throws -> [PropertyColumn] {
        let count = try r.count()
        guard count == keys.count else { throw r.fail("column count \(count) differs from key count \(keys.count)") }
        var columns: [PropertyColumn] = []
        for _ in 0..<count {
            guard let kind = PropertyColumn.Kind(rawValue: try r.u8()) else { throw r.fail("unknown column kind") }
            guard kind != .empty else { columns.append(PropertyColumn()); continue }
            let present = BitSet(words: try r.array(UInt64.self, count: (limit + 63) / 64))
            var ints: [Int64] = [], floats: [Double] = [], strings: [String] = [], bools: [Bool] = [], values: [Value] = []
            switch kind {
            case .int: ints = [Int64](repeating: 0, count: limit)
            case .float: floats = [Double](repeating: 0, count: limit)
            case .string: strings = [String](repeating: "", count: limit)
            case .bool: bools = [Bool](repeating: false, count: limit)
            default: values = [Value](repeating: .null, count: limit)
            }
            if kind == .int || kind == .float {
                // Fixed-width values were written as one array; read it in one go and scatter.
                let raw = try r.array(UInt64.self, count: present.count)
                var k = 0
                present.forEach { id in
                    if kind == .int { ints[id] = Int64(bitPattern: raw[k]) } else { floats[id] = Double(bitPattern: raw[k]) }
                    k += 1
                }
                columns.append(.bulk(kind: kind, present: present, count: raw.count, ints: ints, floats: floats))
                continue
            }
            var n = 0
            try present.forEach { id in
                n += 1
                switch kind {
                case .int: ints[id] = Int64(bitPattern: try r.u64())
                case .float: floats[id] = Double(bitPattern: try r.u64())
                case .string: strings[id] = try r.string()
                case .bool: bools[id] = try r.u8() != 0
                default: values[id] = try r.value()
                }
            }
            columns.append(.bulk(kind: kind, present: present, count: n, ints: ints, floats: floats,
                                 strings: strings, bools: bools, values: values))
        }
        return columns
    }

    /// Recomputes counts, label membership, adjacency and index contents from the base tables.
    func rebuildDerivedState() {
        nodeCount = nodeAlive.count
        relationshipCount = relAlive.count
        labelMembers = Array(repeating: BitSet(), count: labels.count)
        labelCounts = Array(repeating: 0, count: labels.count)
        nodeAlive.forEach { node in
            for label in labels(of: node) {
                labelMembers[label].insert(node)
                labelCounts[label] += 1
            }
        }
        typeCounts = Array(repeating: 0, count: types.count)
        relAlive.forEach { rel in typeCounts[Int(relType[rel])] += 1 }
        compact()
        for key in Array(indexes.keys) { rebuildIndex(key) }
    }
}
