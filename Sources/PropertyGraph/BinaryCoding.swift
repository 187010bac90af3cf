import QuiverCore

/// Little-endian byte output for snapshots.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends a whole array of fixed-width integers (the host is little-endian on every
    /// platform Swift targets here; big-endian hosts swap element by element).
    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for v in values { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    /// Appends a property value: a tag byte, then the payload; map keys in sorted order.
    mutating func value(_ value: Value) {
        switch value {
        case .null: u8(0)
        case .bool(let b): u8(1); u8(b ? 1 : 0)
        case .int(let i): u8(2); i64(i)
        case .float(let f): u8(3); u64(f.bitPattern)
        case .string(let s): u8(4); string(s)
        case .list(let items):
            u8(5); u32(UInt32(items.count))
            for item in items { self.value(item) }
        case .map(let entries):
            u8(6); u32(UInt32(entries.count))
            for key in entries.keys.sorted() {
                string(key)
                self.value(entries[key] ?? .null)
            }
        case .temporal(let t):
            u8(7); temporal(t)
        case .point(let p):
            u8(8); u32(UInt32(p.crs.rawValue))
            u64(p.x.bitPattern); u64(p.y.bitPattern)
            if let z = p.z { u64(z.bitPattern) }
        case .node, .relationship, .path:
            // Validation keeps graph entities out of properties; write null if one slips through.
            u8(0)
        }
    }
}

/// Bounds-checked little-endian byte input for snapshots; every read past the end throws.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    let path: String

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func fail(_ message: String) -> GraphStoreError {
        .snapshotFailed(path: path, message: "\(message) at byte \(offset); the file is damaged or not a Quiver snapshot")
    }

    mutating func need(_ count: Int) throws {
        guard count >= 0, offset + count <= bytes.count else { throw fail("unexpected end of data") }
    }

    mutating func u8() throws -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() throws -> UInt32 {
        try need(4)
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * i) }
        offset += 4
        return v
    }

    mutating func u64() throws -> UInt64 {
        try need(8)
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * i) }
        offset += 8
        return v
    }

    mutating func count(limit: Int = Int(Int32.max)) throws -> Int {
        let v = Int(try u64())
        guard v >= 0, v <= limit else { throw fail("implausible count \(v)") }
        return v
    }

    mutating func string() throws -> String {
        let length = Int(try u32())
        try need(length)
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func array<T: FixedWidthInteger>(_ type: T.Type, count: Int) throws -> [T] {
        let size = count * MemoryLayout<T>.size
        try need(size)
        var result = [T](repeating: 0, count: count)
        result.withUnsafeMutableBytes { destination in
            bytes.withUnsafeBytes { source in
                destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + size]))
            }
        }
        offset += size
        #if !_endian(little)
        result = result.map { T(littleEndian: $0) }
        #endif
        return result
    }

    mutating func value(depth: Int = 0) throws -> Value {
        guard depth < 64 else { throw fail("values nested too deeply") }
        switch try u8() {
        case 0: return .null
        case 1: return .bool(try u8() != 0)
        case 2: return .int(Int64(bitPattern: try u64()))
        case 3: return .float(Double(bitPattern: try u64()))
        case 4: return .string(try string())
        case 5:
            let n = Int(try u32())
            var items: [Value] = []
            for _ in 0..<n { items.append(try value(depth: depth + 1)) }
            return .list(items)
        case 6:
            let n = Int(try u32())
            var entries: [String: Value] = [:]
            for _ in 0..<n {
                let key = try string()
                entries[key] = try value(depth: depth + 1)
            }
            return .map(entries)
        case 7: return .temporal(try temporal())
        case 8:
            guard let crs = Point.CRS(rawValue: Int(try u32())) else { throw fail("unknown point coordinate system") }
            let x = Double(bitPattern: try u64()), y = Double(bitPattern: try u64())
            return .point(Point(crs: crs, x: x, y: y, z: crs.is3D ? Double(bitPattern: try u64()) : nil))
        case let tag: throw fail("unknown value tag \(tag)")
        }
    }
}

/// FNV-1a, 64-bit: a simple checksum that catches truncation and bit flips in snapshots.
enum FNV1a64 {
    static func hash(_ bytes: [UInt8], count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<count {
                h ^= UInt64(buffer[i])
                h = h &* 0x0000_0100_0000_01b3
            }
        }
        return h
    }
}
