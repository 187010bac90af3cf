import QuiverCore

/// Schema commands: `CREATE|DROP INDEX|CONSTRAINT …`, `SHOW INDEXES|CONSTRAINTS`.
extension CypherParser {
    /// Parses one statement: a query or a schema command (an optional trailing `;` is allowed).
    ///
    /// ```swift
    /// let statement = try CypherParser.parseStatement("DROP INDEX person_born IF EXISTS")
    /// ```
    /// - Throws: `QueryError` with category `.syntaxError`, as ``parse(_:)``.
    public static func parseStatement(_ text: String) throws -> CypherStatement {
        try QueryStack.run(for: text) {
            do {
                var parser = try CypherParser(text)
                let statement: CypherStatement = parser.atSchemaCommand
                    ? .schema(try parser.parseSchemaCommand())
                    : .query(try parser.parseQuery())
                _ = parser.acceptSymbol(";")
                guard parser.current.kind == .endOfInput else {
                    throw parser.unexpected(statement.isQuery ? "a clause, UNION or the end of the query" : "the end of the command")
                }
                return statement
            } catch let error as QueryError {
                throw error.withSource(text)
            }
        }
    }

    /// Whether the statement starts like a schema command (no query clause starts this way).
    var atSchemaCommand: Bool {
        if current.isKeyword("DROP") || current.isKeyword("SHOW") { return true }
        guard current.isKeyword("CREATE") else { return false }
        let next = peek()
        if next.isKeyword("CONSTRAINT") || next.isKeyword("INDEX") { return true }
        return next.keyword.flatMap(IndexDefinition.Kind.init(rawValue:)) != nil && peek(2).isKeyword("INDEX")
    }

    mutating func parseSchemaCommand() throws -> SchemaCommand {
        let start = current.start
        let action: SchemaCommand.Action
        if acceptKeyword("SHOW") {
            action = try parseShow()
        } else if acceptKeyword("DROP") {
            if acceptKeyword("INDEX") {
                action = .dropIndex(try parseDrop(start: start, index: true))
            } else {
                try expectKeyword("CONSTRAINT")
                action = .dropConstraint(try parseDrop(start: start, index: false))
            }
        } else {
            try expectKeyword("CREATE")
            if acceptKeyword("CONSTRAINT") {
                action = .createConstraint(try parseConstraint(start: start))
            } else {
                let kind = current.keyword.flatMap(IndexDefinition.Kind.init(rawValue:)) ?? .range
                if !current.isKeyword("INDEX") { advance() }
                try expectKeyword("INDEX")
                action = .createIndex(try parseIndex(kind: kind, start: start))
            }
        }
        return SchemaCommand(action: action, range: range(from: start))
    }

    // MARK: SHOW

    private mutating func parseShow() throws -> SchemaCommand.Action {
        let action = try parseShowTarget()
        if current.isKeyword("YIELD") || current.isKeyword("WHERE") {
            throw error("UnsupportedSchemaCommand",
                        "SHOW … \(current.text.uppercased()) is not supported; SHOW lists every entry, so filter its output instead",
                        at: current.start)
        }
        return action
    }

    /// `[ALL | kind] INDEX[ES]` or `[ALL | UNIQUE | EXIST[ENCE] | [NODE] KEY] CONSTRAINT[S]`.
    private mutating func parseShowTarget() throws -> SchemaCommand.Action {
        _ = acceptKeyword("ALL")
        if let kind = current.keyword.flatMap(IndexDefinition.Kind.init(rawValue:)),
           peek().isKeyword("INDEX") || peek().isKeyword("INDEXES") {
            advance()
            advance()
            return .showIndexes(kind)
        }
        if acceptKeyword("INDEX") || acceptKeyword("INDEXES") { return .showIndexes(nil) }
        var kind: ConstraintDefinition.Kind?
        if acceptKeyword("UNIQUE") || acceptKeyword("UNIQUENESS") {
            kind = .unique
        } else if acceptKeyword("EXIST") || acceptKeyword("EXISTENCE") {
            kind = .notNull
        } else if acceptKeyword("KEY") || (acceptKeyword("NODE") && acceptKeyword("KEY")) {
            kind = .key
        }
        guard acceptKeyword("CONSTRAINT") || acceptKeyword("CONSTRAINTS") else {
            throw unexpected(kind == nil ? "INDEXES or CONSTRAINTS" : "CONSTRAINTS")
        }
        return .showConstraints(kind)
    }

    // MARK: DROP

    private mutating func parseDrop(start: SourceLocation, index: Bool) throws -> SchemaDrop {
        let target: SchemaDrop.Target
        if current.isKeyword("ON") {
            // Neo4j 3/4: the definition itself names what to drop.
            target = index
                ? .index(try parseIndex(kind: .range, start: start))
                : .constraint(try parseConstraint(start: start))
        } else {
            target = .name(try parseName(index ? "an index name or ON :Label(key)" : "a constraint name"))
        }
        let ifExists = try acceptIfExists(not: false)
        return SchemaDrop(target: target, ifExists: ifExists, range: range(from: start))
    }

    // MARK: CREATE

    /// After `CONSTRAINT`: `[name] [IF NOT EXISTS] (FOR|ON) entity (REQUIRE|ASSERT) properties IS kind [OPTIONS map]`.
    private mutating func parseConstraint(start: SourceLocation) throws -> ConstraintDefinition {
        let name = try parseSchemaName(before: ["FOR", "ON"])
        let ifNotExists = try acceptIfExists(not: true)
        guard acceptKeyword("FOR") || acceptKeyword("ON") else { throw unexpected("FOR (n:Label)") }
        let entity = try parseSchemaEntity()
        guard acceptKeyword("REQUIRE") || acceptKeyword("ASSERT") else { throw unexpected("REQUIRE") }
        let properties: [SchemaProperty]
        let kind: ConstraintDefinition.Kind
        if current.isKeyword("EXISTS") && peek().isSymbol("(") {
            // Neo4j 4: ASSERT exists(n.key)
            advance()
            properties = try parsePropertyList()
            kind = .notNull
        } else {
            properties = try parsePropertyList()
            try expectKeyword("IS")
            kind = try parseConstraintKind()
        }
        let options = try parseSchemaOptions()
        return ConstraintDefinition(kind: kind, name: name, ifNotExists: ifNotExists, entity: entity,
                                    properties: properties, options: options, range: range(from: start))
    }

    /// After `IS`: `UNIQUE`, `NOT NULL`, `[NODE|REL|RELATIONSHIP] KEY|UNIQUE`, `:: TYPE`, `TYPED TYPE`.
    private mutating func parseConstraintKind() throws -> ConstraintDefinition.Kind {
        if acceptKeyword("NOT") {
            try expectKeyword("NULL")
            return .notNull
        }
        if current.isSymbol(":") && peek().isSymbol(":") {
            advance()
            advance()
            return .propertyType(try parseTypeText())
        }
        if acceptKeyword("TYPED") { return .propertyType(try parseTypeText()) }
        _ = acceptKeyword("NODE") || acceptKeyword("REL") || acceptKeyword("RELATIONSHIP")
        if acceptKeyword("UNIQUE") { return .unique }
        if acceptKeyword("KEY") { return .key }
        throw unexpected("UNIQUE, NOT NULL, NODE KEY or :: TYPE")
    }

    /// A property type as written (`STRING`, `LIST<INTEGER NOT NULL>`, `INTEGER | FLOAT`), up to OPTIONS or the end.
    private mutating func parseTypeText() throws -> String {
        let start = current.start
        while current.kind != .endOfInput, !current.isSymbol(";"), !current.isKeyword("OPTIONS") { advance() }
        let text = self.text(of: range(from: start))
        guard !text.isEmpty else { throw unexpected("a property type") }
        return text
    }

    /// After `INDEX`: `[name] [IF NOT EXISTS] FOR entity ON …`, or `ON :Label(key, …)`; then `[OPTIONS map]`.
    private mutating func parseIndex(kind: IndexDefinition.Kind, start: SourceLocation) throws -> IndexDefinition {
        let name = try parseSchemaName(before: ["FOR", "ON"])
        let ifNotExists = try acceptIfExists(not: true)
        let entity: SchemaEntity
        let properties: [SchemaProperty]
        if acceptKeyword("FOR") {
            entity = try parseSchemaEntity()
            try expectKeyword("ON")
            properties = acceptKeyword("EACH") ? try parseEachList(entity: entity) : try parsePropertyList()
        } else {
            try expectKeyword("ON")
            (entity, properties) = try parseLabelAndKeys()
        }
        let options = try parseSchemaOptions()
        return IndexDefinition(kind: kind, name: name, ifNotExists: ifNotExists, entity: entity,
                               properties: properties, options: options, range: range(from: start))
    }

    /// After `ON EACH`: `labels(n)` / `type(r)` (lookup) or `[n.a, n.b]` (full text).
    private mutating func parseEachList(entity: SchemaEntity) throws -> [SchemaProperty] {
        if current.isKeyword("LABELS") || current.isKeyword("TYPE") {
            advance()
            try expectSymbol("(")
            _ = try parseVariable()
            try expectSymbol(")")
            return []
        }
        try expectSymbol("[")
        var properties = [try parseSchemaProperty()]
        while acceptSymbol(",") { properties.append(try parseSchemaProperty()) }
        try expectSymbol("]")
        return properties
    }

    /// Neo4j 3's `:Label(key, …)`.
    private mutating func parseLabelAndKeys() throws -> (SchemaEntity, [SchemaProperty]) {
        let start = current.start
        try expectSymbol(":")
        let label = try parseName("a label")
        let entity = SchemaEntity(kind: .node, variable: nil, names: [label], range: range(from: start))
        try expectSymbol("(")
        var properties: [SchemaProperty] = []
        repeat {
            let keyStart = current.start
            let key = try parseName("a property key")
            properties.append(SchemaProperty(variable: nil, key: key, range: range(from: keyStart)))
        } while acceptSymbol(",")
        try expectSymbol(")")
        return (entity, properties)
    }

    /// `(n:Label)`, `(n:A|B)`, `(n)`, or `()-[r:TYPE]-()` with any arrow heads.
    private mutating func parseSchemaEntity() throws -> SchemaEntity {
        let start = current.start
        try expectSymbol("(")
        if acceptSymbol(")") {
            _ = acceptSymbol("<")
            try expectSymbol("-")
            try expectSymbol("[")
            let (variable, types) = try parseVariableAndNames("a relationship type")
            try expectSymbol("]")
            try expectSymbol("-")
            _ = acceptSymbol(">")
            try expectSymbol("(")
            try expectSymbol(")")
            return SchemaEntity(kind: .relationship, variable: variable, names: types, range: range(from: start))
        }
        let (variable, labels) = try parseVariableAndNames("a label")
        try expectSymbol(")")
        return SchemaEntity(kind: .node, variable: variable, names: labels, range: range(from: start))
    }

    private mutating func parseVariableAndNames(_ what: String) throws -> (Variable, [String]) {
        let variable = try parseVariable()
        var names: [String] = []
        if acceptSymbol(":") {
            repeat { names.append(try parseName(what)) } while acceptSymbol("|")
        }
        return (variable, names)
    }

    /// `n.key` or `(n.a, n.b)`.
    private mutating func parsePropertyList() throws -> [SchemaProperty] {
        guard acceptSymbol("(") else { return [try parseSchemaProperty()] }
        var properties = [try parseSchemaProperty()]
        while acceptSymbol(",") { properties.append(try parseSchemaProperty()) }
        try expectSymbol(")")
        return properties
    }

    private mutating func parseSchemaProperty() throws -> SchemaProperty {
        let start = current.start
        let variable = try parseVariable()
        try expectSymbol(".")
        let key = try parseName("a property key")
        return SchemaProperty(variable: variable, key: key, range: range(from: start))
    }

    /// An optional name before `IF NOT EXISTS` or one of `keywords`.
    private mutating func parseSchemaName(before keywords: Set<String>) throws -> String? {
        guard atName, !keywords.contains(current.keyword ?? ""),
              !(current.isKeyword("IF") && peek().isKeyword("NOT"))
        else { return nil }
        return try parseName("a name")
    }

    /// `IF NOT EXISTS` (when `not`) or `IF EXISTS`; whether it was there.
    private mutating func acceptIfExists(not: Bool) throws -> Bool {
        guard acceptKeyword("IF") else { return false }
        if not { try expectKeyword("NOT") }
        try expectKeyword("EXISTS")
        return true
    }

    private mutating func parseSchemaOptions() throws -> Expression? {
        guard acceptKeyword("OPTIONS") else { return nil }
        return try parseMapLiteral()
    }
}

extension CypherStatement {
    var isQuery: Bool {
        if case .query = self { return true }
        return false
    }
}
