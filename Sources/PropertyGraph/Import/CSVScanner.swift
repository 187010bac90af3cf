import Foundation

/// One field of a CSV record: a byte range in the file, and how it was written.
struct CSVField: Sendable {
    var start: Int
    var end: Int
    /// The field was enclosed in double quotes (so an empty field is an empty string, not absent).
    var quoted: Bool
    /// The field contains `""` escapes that must be collapsed to `"`.
    var escaped: Bool

    var isEmpty: Bool { start == end }
}

/// An RFC 4180 record scanner over a file's bytes: fields separated by a delimiter, records by
/// CRLF or LF, double-quoted fields that may hold delimiters, newlines and `""` escapes.
///
/// Blank lines are skipped; a UTF-8 byte-order mark at the start is ignored. The record's
/// first line number (1-based) is passed along so errors can point at it.
struct CSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let file: String

    static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Where records start: past a UTF-8 byte-order mark, if any.
    var firstOffset: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Calls `body` with each record from byte `offset` (whose line number is `line`) to the end.
    func forEachRecord(
        from offset: Int? = nil, line startLine: Int = 1, _ body: (_ fields: [CSVField], _ line: Int) throws -> Void
    ) throws {
        var i = offset ?? firstOffset
        var line = startLine
        var fields: [CSVField] = []
        fields.reserveCapacity(16)
        while let recordLine = try nextRecord(at: &i, line: &line, into: &fields) {
            try body(fields, recordLine)
        }
    }

    /// Reads the record at `i` into `fields`, advancing `i` and `line`; returns the record's
    /// first line number, or nil at the end of the data.
    func nextRecord(at i: inout Int, line: inout Int, into fields: inout [CSVField]) throws -> Int? {
        let n = bytes.count
        while i < n {
            let c0 = bytes[i]
            if c0 == Self.newline { line += 1; i += 1; continue }
            if c0 == Self.carriageReturn {
                i += 1
                if i < n && bytes[i] == Self.newline { i += 1 }
                line += 1
                continue
            }
            break
        }
        guard i < n else { return nil }
        fields.removeAll(keepingCapacity: true)
        let recordLine = line
        while true {
            if i < n && bytes[i] == Self.quote {
                i += 1
                let start = i
                var escaped = false
                while true {
                    guard i < n else {
                        throw GraphStoreError.importFailed(
                            file: file, line: recordLine,
                            message: "field \(fields.count + 1) opens a quote that is never closed; close it with `\"` (write a literal quote as `\"\"`)")
                    }
                    let c = bytes[i]
                    if c == Self.quote {
                        if i + 1 < n && bytes[i + 1] == Self.quote { escaped = true; i += 2; continue }
                        break
                    }
                    if c == Self.newline { line += 1 }
                    i += 1
                }
                fields.append(CSVField(start: start, end: i, quoted: true, escaped: escaped))
                i += 1
                if i < n, bytes[i] != delimiter, bytes[i] != Self.newline, bytes[i] != Self.carriageReturn {
                    throw GraphStoreError.importFailed(
                        file: file, line: line,
                        message: "field \(fields.count) has text after its closing quote; quote the whole field and write inner quotes as `\"\"`")
                }
            } else {
                let start = i
                while i < n {
                    let c = bytes[i]
                    if c == delimiter || c == Self.newline || c == Self.carriageReturn { break }
                    i += 1
                }
                fields.append(CSVField(start: start, end: i, quoted: false, escaped: false))
            }
            guard i < n else { return recordLine }
            let c = bytes[i]
            if c == delimiter {
                i += 1
                if i >= n { fields.append(CSVField(start: i, end: i, quoted: false, escaped: false)) }
                continue
            }
            i += 1
            if c == Self.carriageReturn && i < n && bytes[i] == Self.newline { i += 1 }
            line += 1
            return recordLine
        }
    }

    /// The text of `field`, with `""` collapsed.
    func text(_ field: CSVField) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
        return field.escaped ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// Whether `field` holds exactly the bytes of `other` (used to reuse parsed labels and types).
    func same(_ field: CSVField, _ other: CSVField) -> Bool {
        let length = field.end - field.start
        guard length == other.end - other.start, field.escaped == other.escaped else { return false }
        for k in 0..<length where bytes[field.start + k] != bytes[other.start + k] { return false }
        return true
    }

    /// The field as a canonical decimal integer (no leading zeros or plus sign), or nil.
    ///
    /// Canonical form matters for ids: `007` and `7` are different string ids.
    func canonicalInt(_ field: CSVField) -> Int64? {
        guard !field.escaped else { return nil }
        var i = field.start
        let end = field.end
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "0") && (end - i > 1 || negative) { return nil }
        var value: Int64 = 0
        while i < end {
            let d = bytes[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            value = a
            i += 1
        }
        return value
    }

    /// The field as an integer, allowing surrounding spaces, a sign and leading zeros, or nil.
    func integer(_ field: CSVField) -> Int64? {
        if let fast = canonicalInt(field) { return fast }
        let text = self.text(field).trimmingCharacters(in: .whitespaces)
        return Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }
}
