import QuiverCore

/// A value type as a procedure signature declares it: `INTEGER`, `FLOAT?`, `LIST? OF STRING?`, `ANY?`.
///
/// A trailing `?` makes the type nullable. `NUMBER` covers INTEGER and FLOAT, `ANY` every value,
/// and an INTEGER passed where FLOAT is declared becomes a FLOAT, the one implicit coercion
/// openCypher makes for procedure arguments.
///
/// ```swift
/// let type = CypherType(declaration: "FLOAT?")
/// type?.coerce(.int(42))   // .float(42.0)
/// type?.coerce("42")       // nil: a STRING is not a FLOAT
/// ```
public struct CypherType: Sendable, Hashable, CustomStringConvertible {
    /// The type without its nullability.
    public indirect enum Kind: Sendable, Hashable {
        /// Every value.
        case any
        /// INTEGER or FLOAT.
        case number
        /// A scalar or graph type.
        case boolean, integer, float, string, map, node, relationship, path
        /// A temporal type.
        case date, localTime, zonedTime, localDateTime, zonedDateTime, duration
        /// A list whose elements all have the given type.
        case list(CypherType)
    }

    /// The type without its nullability.
    public var kind: Kind
    /// Whether `null` is a value of this type (written with a trailing `?`).
    public var isNullable: Bool

    /// Creates the type from its parts.
    public init(_ kind: Kind, nullable: Bool = false) {
        self.kind = kind
        self.isNullable = nullable
    }

    /// Reads a type as signatures write it, case-insensitively: `STRING`, `INTEGER?`, `LIST? OF FLOAT`,
    /// `LOCAL DATETIME`; `nil` when the text is not a type.
    public init?(declaration: String) {
        let words = declaration.uppercased().split(whereSeparator: \.isWhitespace).map(String.init)
        var rest = words[...]
        guard let type = Self.parse(&rest), rest.isEmpty else { return nil }
        self = type
    }

    /// The type as signatures write it.
    public var description: String {
        let mark = isNullable ? "?" : ""
        if case .list(let element) = kind { return "LIST\(mark) OF \(element)" }
        return (Self.names.first { $0.value == kind }?.key ?? "ANY") + mark
    }

    /// The value as a procedure receives it: unchanged, an INTEGER widened to FLOAT where FLOAT is
    /// declared, or `nil` when the value is not of this type.
    public func coerce(_ value: Value) -> Value? {
        switch (kind, value) {
        case (_, .null):
            // Not `isNullable ? value : nil`: Value is nil-literal expressible, so that nil would be `.null`.
            guard isNullable else { return nil }
            return value
        case (.any, _), (.number, .int), (.number, .float), (.boolean, .bool), (.integer, .int), (.float, .float),
             (.string, .string), (.map, .map), (.node, .node), (.relationship, .relationship), (.path, .path):
            return value
        case (.float, .int(let integer)): return .float(Double(integer))
        case (.list(let element), .list(let items)):
            var coerced: [Value] = []
            coerced.reserveCapacity(items.count)
            for item in items {
                guard let converted = element.coerce(item) else { return nil }
                coerced.append(converted)
            }
            return .list(coerced)
        case (_, .temporal(let temporal)):
            guard Self.temporalKind(temporal) == kind else { return nil }
            return value
        default: return nil
        }
    }

    /// The spelled-out names of the non-list kinds, with their common abbreviations.
    private static let names: KeyValuePairs<String, Kind> = [
        "ANY": .any, "NUMBER": .number, "BOOLEAN": .boolean, "BOOL": .boolean, "INTEGER": .integer, "INT": .integer,
        "FLOAT": .float, "STRING": .string, "MAP": .map, "NODE": .node, "RELATIONSHIP": .relationship,
        "PATH": .path, "DATE": .date, "LOCAL TIME": .localTime, "ZONED TIME": .zonedTime, "TIME": .zonedTime,
        "LOCAL DATETIME": .localDateTime, "ZONED DATETIME": .zonedDateTime, "DATETIME": .zonedDateTime,
        "LOCALTIME": .localTime, "LOCALDATETIME": .localDateTime, "DURATION": .duration,
    ]

    /// Reads one type from the front of `words` (upper-cased, split on white space).
    private static func parse(_ words: inout ArraySlice<String>) -> CypherType? {
        guard var word = words.popFirst() else { return nil }
        if word == "LIST" || word == "LIST?" {
            guard words.popFirst() == "OF", let element = parse(&words) else { return nil }
            return CypherType(.list(element), nullable: word.hasSuffix("?"))
        }
        if word == "LOCAL" || word == "ZONED", let next = words.popFirst() { word += " " + next }
        let nullable = word.hasSuffix("?")
        let name = nullable ? String(word.dropLast()) : word
        guard let kind = names.first(where: { $0.key == name })?.value else { return nil }
        return CypherType(kind, nullable: nullable)
    }

    private static func temporalKind(_ value: TemporalValue) -> Kind {
        switch value {
        case .date: .date
        case .localTime: .localTime
        case .time: .zonedTime
        case .localDateTime: .localDateTime
        case .dateTime: .zonedDateTime
        case .duration: .duration
        }
    }
}
