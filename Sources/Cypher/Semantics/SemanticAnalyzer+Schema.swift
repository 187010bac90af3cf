import QuiverCore

extension SemanticAnalyzer {
    /// Checks a schema command: properties name the pattern's variable (`UndefinedVariable`), and
    /// the entity has as many labels or types as the kind allows (`InvalidSchemaCommand`).
    ///
    /// ```swift
    /// let statement = try CypherParser.parseStatement("CREATE CONSTRAINT FOR (p:Person) REQUIRE q.name IS UNIQUE")
    /// if case .schema(let command) = statement { try SemanticAnalyzer.analyze(command) }   // throws at 1:47
    /// ```
    public static func analyze(_ command: SchemaCommand) throws(QueryError) {
        switch command.action {
        case .createIndex(let index):
            try check(index)
        case .createConstraint(let constraint):
            try check(constraint)
        case .dropIndex(let drop), .dropConstraint(let drop):
            switch drop.target {
            case .index(let index): try check(index)
            case .constraint(let constraint): try check(constraint)
            case .name: return
            }
        case .showIndexes, .showConstraints:
            return
        }
    }

    private static func check(_ index: IndexDefinition) throws(QueryError) {
        try checkVariables(index.entity, index.properties)
        let what = index.entity.kind == .node ? "label" : "relationship type"
        switch index.kind {
        case .lookup:
            guard index.entity.names.isEmpty else {
                throw invalid("a LOOKUP index covers every \(what); write FOR (n) ON EACH labels(n) without a \(what)",
                              at: index.entity.range)
            }
        case .fulltext:
            guard !index.entity.names.isEmpty else { throw invalid("a FULLTEXT index needs at least one \(what)", at: index.entity.range) }
        default:
            guard index.entity.names.count == 1 else {
                throw invalid("a \(index.kind.rawValue) index covers exactly one \(what)", at: index.entity.range)
            }
            guard !index.properties.isEmpty else {
                throw invalid("a \(index.kind.rawValue) index needs properties: ON (n.key, …)", at: index.range)
            }
        }
    }

    private static func check(_ constraint: ConstraintDefinition) throws(QueryError) {
        try checkVariables(constraint.entity, constraint.properties)
        guard constraint.entity.names.count == 1 else {
            let what = constraint.entity.kind == .node ? "label" : "relationship type"
            throw invalid("a constraint applies to exactly one \(what)", at: constraint.entity.range)
        }
        if case .propertyType = constraint.kind, constraint.properties.count != 1 {
            throw invalid("a property type constraint applies to exactly one property", at: constraint.range)
        }
    }

    private static func checkVariables(_ entity: SchemaEntity, _ properties: [SchemaProperty]) throws(QueryError) {
        guard let bound = entity.variable else { return }
        for property in properties {
            guard let variable = property.variable, variable.name != bound.name else { continue }
            throw QueryError(.syntaxError, code: "UndefinedVariable", phase: .compileTime,
                             message: "variable `\(variable.name)` is not defined; the pattern binds `\(bound.name)`",
                             location: variable.range.start)
        }
    }

    private static func invalid(_ message: String, at range: SourceRange) -> QueryError {
        QueryError(.syntaxError, code: "InvalidSchemaCommand", phase: .compileTime, message: message, location: range.start)
    }
}
