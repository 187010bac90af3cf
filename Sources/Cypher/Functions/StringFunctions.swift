import Foundation
import QuiverCore

extension Functions {
    /// toUpper, toLower, trim, ltrim, rtrim, replace, substring, left, right, split, toString.
    static let stringFunctions: [Definition] = [
        define("toUpper", 1...1) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            return .string(try string(a[0], "toUpper").uppercased())
        },
        define("toLower", 1...1) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            return .string(try string(a[0], "toLower").lowercased())
        },
        define("trim", 1...1) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            return .string(try string(a[0], "trim").trimmingCharacters(in: .whitespacesAndNewlines))
        },
        define("ltrim", 1...1) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            let s = try string(a[0], "ltrim")
            return .string(String(s.drop(while: { $0.isWhitespace })))
        },
        define("rtrim", 1...1) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            let s = try string(a[0], "rtrim")
            return .string(String(s.reversed().drop(while: { $0.isWhitespace }).reversed()))
        },
        define("replace", 3...3) { a, reader throws(QueryError) in
            if a.contains(where: \.isNull) { return .null }
            let s = try string(a[0], "replace"), search = try string(a[1], "replace")
            let replacement = try string(a[2], "replace")
            if search.isEmpty { return .string(s) }
            // At most one occurrence per search-length stretch of the input.
            let occurrences = s.utf8.count / search.utf8.count
            if replacement.utf8.count > search.utf8.count {
                try reader.requireRoom(s.utf8.count + occurrences * (replacement.utf8.count - search.utf8.count),
                                       for: "the string replace() builds")
            }
            return .string(s.replacingOccurrences(of: search, with: replacement))
        },
        define("substring", 2...3) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            let s = Array(try string(a[0], "substring"))
            let start = try integer(a[1], "substring")
            if start < 0 { throw .runtime(.argumentError, "NegativeIntegerArgument", "substring() start is negative") }
            var length = Int64(s.count)
            if a.count == 3 {
                length = try integer(a[2], "substring")
                if length < 0 {
                    throw .runtime(.argumentError, "NegativeIntegerArgument", "substring() length is negative")
                }
            }
            let from = Int(min(start, Int64(s.count)))
            let to = Int(min(Int64(from) + min(length, Int64(s.count)), Int64(s.count)))
            return .string(String(s[from..<to]))
        },
        define("left", 2...2) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            let s = try string(a[0], "left")
            if a[1].isNull { throw .invalidArgumentValue("left() length is null") }
            let n = try integer(a[1], "left")
            if n < 0 { throw .runtime(.argumentError, "NegativeIntegerArgument", "left() length is negative") }
            return .string(String(s.prefix(Int(min(n, Int64(Int32.max))))))
        },
        define("right", 2...2) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            let s = try string(a[0], "right")
            if a[1].isNull { throw .invalidArgumentValue("right() length is null") }
            let n = try integer(a[1], "right")
            if n < 0 { throw .runtime(.argumentError, "NegativeIntegerArgument", "right() length is negative") }
            return .string(String(s.suffix(Int(min(n, Int64(Int32.max))))))
        },
        define("split", 2...2) { a, _ throws(QueryError) in
            if a[0].isNull || a[1].isNull { return .null }
            let s = try string(a[0], "split")
            var delimiters: [String] = []
            switch a[1] {
            case .string(let d): delimiters = [d]
            case .list(let items):
                for item in items { delimiters.append(try string(item, "split")) }
            default: throw .invalidArgumentType("split() expects a STRING delimiter, not \(a[1].typeName)")
            }
            return .list(split(s, by: delimiters).map(Value.string))
        },
        define("toString", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .string, .int, .float, .bool, .temporal: return .string(plainText(a[0]))
            default: throw .invalidArgumentValue("toString() cannot convert \(a[0].typeName)")
            }
        },
        define("toStringOrNull", 1...1) { a, _ in
            switch a[0] {
            case .string, .int, .float, .bool, .temporal: return .string(plainText(a[0]))
            default: return .null
            }
        },
    ]

    /// Splits on any of `delimiters`; an empty delimiter splits into characters.
    private static func split(_ s: String, by delimiters: [String]) -> [String] {
        if delimiters.count == 1, delimiters[0].isEmpty { return s.map(String.init) }
        let usable = delimiters.filter { !$0.isEmpty }
        guard !usable.isEmpty else { return [s] }
        var parts: [String] = []
        var current = ""
        var index = s.startIndex
        outer: while index < s.endIndex {
            for delimiter in usable where s[index...].hasPrefix(delimiter) {
                parts.append(current)
                current = ""
                index = s.index(index, offsetBy: delimiter.count)
                continue outer
            }
            current.append(s[index])
            index = s.index(after: index)
        }
        parts.append(current)
        return parts
    }
}
