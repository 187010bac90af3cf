import QuiverCore

/// Bytes that sort (by plain byte comparison, as SQLite's BLOB and PostgreSQL's `bytea` do) in
/// openCypher's order: maps, nodes, relationships, lists, paths, strings, booleans, numbers, null;
/// numbers by value (integers beside floats, NaN after every number), lists element by element.
///
/// ```swift
/// SortKey.bytes(.int(2)) < SortKey.bytes(.float(2.5))   // lexicographically
/// ```
enum SortKey {
    static func bytes(_ value: Value) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    static func append(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .map(let map):
            out.append(0x01)
            let keys = map.keys.sorted()
            append(.list(keys.map(Value.string)), to: &out)
            append(.list(keys.map { map[$0] ?? .null }), to: &out)
        case .node(let node):
            out.append(0x02)
            integer(Int64(node.id), to: &out)
        case .relationship(let relationship):
            out.append(0x03)
            integer(Int64(relationship.id), to: &out)
        case .list(let items):
            out.append(0x04)
            for item in items {
                out.append(0x01)
                append(item, to: &out)
            }
            out.append(0x00)
        case .path(let path):
            out.append(0x05)
            for node in path.nodes {
                out.append(0x01)
                integer(Int64(node.id), to: &out)
            }
            out.append(0x00)
        case .temporal(let t):
            out.append(0x06)
            string(t.description, to: &out)
        case .point(let p):
            // Points never reach a SQL backend (the codec refuses them); ordered as the engine does, before temporals.
            out.append(0x06)
            string(p.description, to: &out)
        case .string(let s):
            out.append(0x07)
            string(s, to: &out)
        case .bool(let b):
            out.append(0x08)
            out.append(b ? 1 : 0)
        case .int(let i):
            out.append(0x09)
            out.append(0x00)
            double(Double(i), to: &out)
            out.append(0x01)
            integer(i, to: &out)
        case .float(let f):
            out.append(0x09)
            if f.isNaN {
                out.append(0x01)
                return
            }
            out.append(0x00)
            double(f == 0 ? 0 : f, to: &out)
            out.append(0x00)
        case .null:
            out.append(0x0A)
        }
    }

    /// Big-endian with the sign bit flipped: signed order as unsigned bytes.
    static func integer(_ i: Int64, to out: inout [UInt8]) {
        let bits = UInt64(bitPattern: i) ^ (1 << 63)
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// IEEE bits, negatives inverted and positives with the sign bit set: numeric order as bytes.
    static func double(_ d: Double, to out: inout [UInt8]) {
        let raw = d.bitPattern
        let bits = raw >> 63 == 1 ? ~raw : raw | (1 << 63)
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// UTF-8 with 0x00 escaped as 0x00 0xFF and ended by 0x00 0x00, so a prefix sorts first.
    static func string(_ s: String, to out: inout [UInt8]) {
        for byte in s.utf8 {
            out.append(byte)
            if byte == 0 { out.append(0xFF) }
        }
        out.append(0x00)
        out.append(0x00)
    }
}
