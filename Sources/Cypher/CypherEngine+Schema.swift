import PropertyGraph
import QuiverCore

/// Schema commands and constraint checks.
extension CypherEngine {
    static func runSchemaCommand(_ command: SchemaCommand, on graph: GraphStore, schema: SchemaCatalog?) throws(QueryError) -> QueryResult {
        // SHOW needs no catalog: without one it lists the graph's own indexes and no constraints.
        guard let schema = schema ?? (command.isWrite ? nil : SchemaCatalog()) else {
            throw QueryError(.semanticError, code: "SchemaCatalogMissing", phase: .compileTime,
                             message: "schema commands need a schema catalog; pass `schema: SchemaCatalog()` to CypherEngine.execute",
                             location: command.range.start)
        }
        return try SchemaCommandExecution(graph: graph, catalog: schema).run(command)
    }

    /// Fails the query when it broke an enforced constraint (the caller then rolls it back).
    ///
    /// A query that only adds nodes and relationships is checked on the nodes it created; one
    /// that can change existing nodes (SET, REMOVE, MERGE … ON MATCH, a writing procedure) on all.
    static func verify(
        _ query: Query, against schema: SchemaCatalog, on graph: GraphStore, firstNewNode: Int, procedures: ProcedureRegistry
    ) throws(QueryError) {
        let changesExisting = writingCall(in: query, procedures: procedures) != nil || query.parts.contains { part in
            part.clauses.contains { clause in
                switch clause {
                case .set, .remove: true
                case .merge(let merge): merge.actions.contains { $0.trigger == .onMatch }
                default: false
                }
            }
        }
        guard let (constraint, violation) = schema.verify(graph, createdFrom: changesExisting ? nil : firstNewNode) else { return }
        throw QueryError(.constraintValidationFailed, code: violation.code, phase: .runtime,
                         message: "\(violation.message), which breaks constraint `\(constraint.name)`; nothing was written",
                         location: firstUpdatingClause(of: query)?.range.start ?? query.range.start)
    }

    private static func firstUpdatingClause(of query: Query) -> Clause? {
        for part in query.parts {
            for clause in part.clauses {
                switch clause {
                case .create, .merge, .set, .remove, .call: return clause
                default: continue
                }
            }
        }
        return nil
    }
}
