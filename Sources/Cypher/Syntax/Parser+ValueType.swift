import QuiverCore

// Types of type predicate expressions: `INTEGER`, `INT NOT NULL`, `STRING!`, `LIST<FLOAT>`,
// `INTEGER LIST`, `ANY<INTEGER | FLOAT>`, `INTEGER | STRING`, with the manual's synonyms.
extension CypherParser {
    /// Whether the tokens ahead are `::` (two colons with nothing between them).
    var atDoubleColon: Bool {
        current.isSymbol(":") && peek().isSymbol(":") && current.range.end.offset == peek().range.start.offset
    }

    /// A type, possibly a closed union `A | B`; all members hold `null` or none does.
    mutating func parseValueType() throws -> ValueType {
        let start = current.start
        try descend()
        defer { depth -= 1 }
        var members = [try parseValueTypeMember()]
        while acceptSymbol("|") { members.append(try parseValueTypeMember()) }
        guard members.count > 1 else { return members[0] }
        let nullable = members.filter { $0.kind != .null && $0.kind != .nothing }.map(\.allowsNull)
        if Set(nullable).count > 1 {
            throw error("InvalidTypeUnion", "all types in a closed dynamic union must be nullable, or all be "
                        + "followed by NOT NULL, e.g. INTEGER NOT NULL | FLOAT NOT NULL", at: start)
        }
        return ValueType(.union(members), allowsNull: members.contains { $0.allowsNull })
    }

    /// One member of a union: a base type, then any of `NOT NULL`, `!`, `LIST`, `ARRAY` after it.
    private mutating func parseValueTypeMember() throws -> ValueType {
        var type = try parseBaseValueType()
        while true {
            if current.isKeyword("NOT"), peek().isKeyword("NULL") {
                advance(); advance()
                type = type.excludingNull
            } else if current.isSymbol("!") {
                advance()
                type = type.excludingNull
            } else if (current.isKeyword("LIST") || current.isKeyword("ARRAY")) && !peek().isSymbol("<") {
                advance()
                type = ValueType(.list(type))
            } else {
                return type
            }
        }
    }

    private mutating func parseBaseValueType() throws -> ValueType {
        guard current.kind == .identifier, let word = current.keyword else { throw unexpectedType() }
        if let kind = Self.singleWordTypes[word] {
            advance()
            return ValueType(kind)
        }
        switch word {
        case "ANY": return try parseAnyType()
        case "LIST", "ARRAY":
            advance()
            try expectSymbol("<")
            let element = try parseValueType()
            try expectSymbol(">")
            return ValueType(.list(element))
        case "SIGNED":
            advance()
            try expectKeyword("INTEGER")
            return ValueType(.integer)
        case "PROPERTY":
            advance()
            try expectKeyword("VALUE")
            return ValueType(.propertyValue)
        case "LOCAL", "ZONED":
            advance()
            let local = word == "LOCAL"
            if acceptKeyword("TIME") { return ValueType(local ? .localTime : .zonedTime) }
            try expectKeyword("DATETIME")
            return ValueType(local ? .localDateTime : .zonedDateTime)
        case "TIME", "TIMESTAMP":
            advance()
            let zoned = acceptKeyword("WITH")
            if !zoned { try expectKeyword("WITHOUT") }
            if acceptKeyword("TIME") { try expectKeyword("ZONE") } else { try expectKeyword("TIMEZONE") }
            if word == "TIME" { return ValueType(zoned ? .zonedTime : .localTime) }
            return ValueType(zoned ? .zonedDateTime : .localDateTime)
        default:
            throw unexpectedType()
        }
    }

    /// `ANY`, `ANY VALUE`, `ANY NODE`/`VERTEX`, `ANY RELATIONSHIP`/`EDGE`, `ANY PROPERTY VALUE`, `ANY<A | B>`.
    private mutating func parseAnyType() throws -> ValueType {
        advance()
        if acceptSymbol("<") {
            let inner = try parseValueType()
            try expectSymbol(">")
            return inner
        }
        if acceptKeyword("NODE") || acceptKeyword("VERTEX") { return ValueType(.node) }
        if acceptKeyword("RELATIONSHIP") || acceptKeyword("EDGE") { return ValueType(.relationship) }
        if acceptKeyword("PROPERTY") {
            try expectKeyword("VALUE")
            return ValueType(.propertyValue)
        }
        _ = acceptKeyword("VALUE")
        return ValueType(.any)
    }

    private func unexpectedType() -> QueryError {
        unexpected("a type (BOOLEAN, STRING, INTEGER, FLOAT, DATE, LIST<…>, ANY, …)")
    }

    /// The types named by one word, with their synonyms.
    private static let singleWordTypes: [String: ValueType.Kind] = [
        "NOTHING": .nothing, "NULL": .null, "BOOL": .boolean, "BOOLEAN": .boolean, "STRING": .string,
        "VARCHAR": .string, "INT": .integer, "INTEGER": .integer, "FLOAT": .float, "DATE": .date,
        "DURATION": .duration, "POINT": .point, "NODE": .node, "VERTEX": .node, "RELATIONSHIP": .relationship,
        "EDGE": .relationship, "MAP": .map, "PATH": .path,
    ]
}

extension ValueType {
    /// The type without `null`; on a union, every member without it (`ANY<A | B> NOT NULL`).
    var excludingNull: ValueType {
        switch kind {
        case .null: return ValueType(.nothing, allowsNull: false)
        case .union(let members): return ValueType(.union(members.map(\.excludingNull)), allowsNull: false)
        default: return ValueType(kind, allowsNull: false)
        }
    }
}
