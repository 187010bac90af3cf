import QuiverCore

/// Strict value matching for TCK results: the TCK's notion of "the same value".
///
/// Unlike Cypher equality, an integer never matches a float (`1` ≠ `1.0`), NaN matches NaN,
/// `-0.0` matches `0.0` (the TCK writes `RETURN -0.0` as `0.0`), nodes match by label set and
/// properties, relationships by type and properties, paths hop by hop with each hop's direction.
/// With `listsUnordered`, every list (at any depth) is compared as a multiset.
///
/// ```swift
/// TCKValueMatcher.matches(.int(1), .float(1))                       // false
/// TCKValueMatcher.matches([1, 2], [2, 1], listsUnordered: true)     // true
/// ```
public enum TCKValueMatcher {
    /// `true` when `expected` and `actual` are the same TCK value.
    public static func matches(_ expected: Value, _ actual: Value, listsUnordered: Bool = false) -> Bool {
        key(expected, listsUnordered: listsUnordered) == key(actual, listsUnordered: listsUnordered)
    }

    /// A canonical text for `value` such that two values match exactly when their keys are equal.
    ///
    /// Every part is self-delimiting (strings are length-prefixed), so keys of rows can be joined.
    public static func key(_ value: Value, listsUnordered: Bool = false) -> String {
        var output = ""
        append(value, to: &output, listsUnordered: listsUnordered)
        return output
    }

    private static func append(_ value: Value, to output: inout String, listsUnordered: Bool) {
        switch value {
        case .null:
            output += "N"
        case .bool(let b):
            output += b ? "T" : "F"
        case .int(let i):
            output += "i\(i);"
        case .float(let f):
            output += f.isNaN ? "fNaN;" : "f\(f == 0 ? 0.0 : f);"
        case .string(let s):
            appendString(s, to: &output)
        case .temporal(let t):
            // The TCK writes expected temporal values as their ISO text in quotes ('2015-07-21').
            appendString(t.description, to: &output)
        case .point(let point):
            appendString(point.description, to: &output)
        case .list(let elements):
            var parts = elements.map { key($0, listsUnordered: listsUnordered) }
            if listsUnordered { parts.sort() }
            output += "[\(parts.count):" + parts.joined() + "]"
        case .map(let map):
            appendMap(map, to: &output, listsUnordered: listsUnordered)
        case .node(let node):
            appendNode(node, to: &output, listsUnordered: listsUnordered)
        case .relationship(let relationship):
            appendRelationship(relationship, to: &output, listsUnordered: listsUnordered)
        case .path(let path):
            output += "<"
            for (index, node) in path.nodes.enumerated() {
                appendNode(node, to: &output, listsUnordered: listsUnordered)
                guard index < path.relationships.count else { break }
                let relationship = path.relationships[index]
                // A self-loop reads the same either way, so only a start at the previous node is "forward".
                output += relationship.startID == node.id ? ">" : "<"
                appendRelationship(relationship, to: &output, listsUnordered: listsUnordered)
            }
            output += ">"
        }
    }

    private static func appendString(_ s: String, to output: inout String) {
        output += "s\(s.utf8.count):" + s
    }

    private static func appendMap(_ map: [String: Value], to output: inout String, listsUnordered: Bool) {
        output += "{\(map.count):"
        for name in map.keys.sorted() {
            appendString(name, to: &output)
            append(map[name] ?? .null, to: &output, listsUnordered: listsUnordered)
        }
        output += "}"
    }

    private static func appendNode(_ node: Node, to output: inout String, listsUnordered: Bool) {
        output += "("
        for label in Set(node.labels).sorted() { appendString(label, to: &output) }
        appendMap(node.properties, to: &output, listsUnordered: listsUnordered)
        output += ")"
    }

    private static func appendRelationship(_ relationship: Relationship, to output: inout String, listsUnordered: Bool) {
        output += "-"
        appendString(relationship.type, to: &output)
        appendMap(relationship.properties, to: &output, listsUnordered: listsUnordered)
        output += "-"
    }
}
