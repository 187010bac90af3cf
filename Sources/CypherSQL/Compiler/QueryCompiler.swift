import Cypher
import QuiverCore
import SQL
import SQLExecution

/// Compiles one analysed Cypher query into a ``SQLProgram`` for a dialect.
///
/// Reading clauses become a chain of CTEs, one per clause, each selecting from the one before
/// (`MATCH` → joins, `OPTIONAL MATCH` → a left join, variable-length relationships → recursive
/// CTEs with relationship uniqueness, `WITH`/`RETURN` → projections with grouping, ordering and
/// limits, `UNWIND` → a JSON table function). Before the first updating clause the chain is kept in
/// a temporary table, and each update is an `INSERT`, `UPDATE` or `DELETE` over that table's rows.
final class QueryCompiler {
    let dialect: SQLGraphDialect
    let parameters: [String: Value]
    let names = NameSource()
    /// The statement being built.
    var builder: StatementBuilder
    /// The steps finished so far (updates, temporary tables).
    var steps: [SQLStep] = []
    /// Temporary tables to drop at the end.
    var temporaryTables: [String] = []
    /// Whether the query deletes nodes (a check at the end refuses dangling relationships).
    var deletesNodes = false
    /// The WHERE of the MATCH being compiled, whose conjuncts on a walk's start also filter its seeds.
    var seedPredicate: Cypher.Expression?

    init(dialect: SQLGraphDialect, parameters: [String: Value]) {
        self.dialect = dialect
        self.parameters = parameters
        builder = StatementBuilder(dialect: dialect)
    }

    /// The program for `analysis`, whose text is `text` (for messages).
    func compile(_ query: Query) throws(QueryError) -> SQLProgram {
        if query.unions.isEmpty {
            let (frame, columns) = try compile(query.first)
            return finishProgram(frame: frame, columns: columns)
        }
        guard query.parts.allSatisfy({ Self.isReadOnly($0) }) else {
            throw SQLGraphError.unsupported("UNION of queries that write", at: query.range.start)
        }
        var bodies: [QueryBody] = []
        var columns: [String] = []
        for part in query.parts {
            let (frame, partColumns) = try compile(part)
            columns = partColumns
            bodies.append(.select(finalCore(frame: frame, columns: partColumns)))
        }
        var body = bodies[0]
        for (index, union) in query.unions.enumerated() {
            body = .compound(union.all ? .unionAll : .union, body, bodies[index + 1])
        }
        let statement = builder.finish(SelectStatement(body: body))
        steps.append(.query(statement, builder.parameters, columns: columns))
        return SQLProgram(steps: steps + cleanup(), columns: columns)
    }

    static func isReadOnly(_ part: SingleQuery) -> Bool {
        part.clauses.allSatisfy {
            switch $0 {
            case .match, .unwind, .with, .return: true
            default: false
            }
        }
    }

    /// The select of the RETURN columns of `frame`, in order.
    func finalCore(frame: Frame, columns: [String]) -> SelectCore {
        let alias = "r"
        let items = columns.enumerated().map { index, name -> ResultColumn in
            let column = frame.column(name)
            let expression = column.map { asValue(Typed(sql: SQLBuild.column(alias, $0.column), kind: $0.kind)).sql }
                ?? builder.nullValue
            return .expression(expression, alias: Identifier("c\(index)"), explicitAs: true)
        }
        let from = frame.table.map { SQLBuild.table($0, as: alias) }
        return SelectCore(columns: items.isEmpty ? [.expression(SQLBuild.integer(1), alias: nil, explicitAs: false)] : items,
                          from: from)
    }

    private func finishProgram(frame: Frame, columns: [String]) -> SQLProgram {
        if !columns.isEmpty || steps.isEmpty {
            var query = SelectStatement(body: .select(finalCore(frame: frame, columns: columns)))
            if let ordinal = frame.ordinal { query.orderBy = [OrderingTerm(expression: SQLBuild.column("r", ordinal))] }
            steps.append(.query(builder.finish(query), builder.parameters, columns: columns))
        }
        if deletesNodes {
            let danglingCheck = SQLBuild.select(
                [(SQLBuild.integer(1), nil)], from: SQLBuild.table(SQLGraphLayout.relationships, as: "x"),
                where: SQLBuild.or([
                    SQL.Expression(.inSubquery(SQLBuild.column("x", "source"), deletedNodesQuery, negated: false)),
                    SQL.Expression(.inSubquery(SQLBuild.column("x", "target"), deletedNodesQuery, negated: false)),
                ]),
                limit: Limit(count: SQLBuild.integer(1)))
            let error = QueryError(.constraintVerificationFailed, code: "DeleteConnectedNode", phase: .runtime,
                                   message: "cannot delete a node that still has relationships; delete them first or use DETACH DELETE")
            steps.insert(.check(danglingCheck, [], failWith: error), at: max(0, steps.count - (columns.isEmpty ? 0 : 1)))
        }
        return SQLProgram(steps: steps + cleanup(), columns: columns)
    }

    var deletedNodesQuery: SelectStatement {
        SQLBuild.select([(SQLBuild.column(nil, "id"), nil)], from: SQLBuild.table(SQLGraphLayout.deletedNodes))
    }

    private func cleanup() -> [SQLStep] {
        temporaryTables.reversed().map { .run(.dropTable(Identifier($0)), []) }
    }

    /// Compiles the clauses of one single query; returns the last frame and the RETURN columns.
    func compile(_ part: SingleQuery) throws(QueryError) -> (Frame, [String]) {
        var frame = Frame.unit
        var columns: [String] = []
        for clause in part.clauses {
            switch clause {
            case .match(let match):
                frame = try compileMatch(match, after: frame)
            case .unwind(let unwind):
                frame = try compileUnwind(unwind, after: frame)
            case .with(let with):
                frame = try compileProjection(with.projection, predicate: with.predicate, after: frame)
            case .return(let ret):
                frame = try compileProjection(ret.projection, predicate: nil, after: frame)
                columns = ret.projection.items.map(\.columnName)
                if ret.projection.includesAll {
                    columns = frame.columns.map(\.name).filter { !$0.hasPrefix(" ") }
                }
            case .create(let create):
                frame = try compileCreate(create.pattern, after: frame)
            case .merge(let merge):
                frame = try compileMerge(merge, after: frame)
            case .set(let set):
                frame = try materialize(frame)
                for item in set.items { try compileSetItem(item, on: frame, rowFilter: nil) }
            case .remove(let remove):
                frame = try materialize(frame)
                for item in remove.items { try compileRemoveItem(item, on: frame) }
            case .delete(let delete):
                frame = try compileDelete(delete, after: frame)
            case .call:
                throw SQLGraphError.unsupported("CALL (procedures)", at: clause.range.start)
            case .loadCSV:
                throw SQLGraphError.unsupported("LOAD CSV", at: clause.range.start)
            case .subquery:
                throw SQLGraphError.unsupported("CALL { } subqueries and FOREACH", at: clause.range.start)
            }
        }
        return (frame, columns)
    }

    /// Ends the current statement as a temporary table holding `frame`'s rows, numbered in `_r`.
    func materialize(_ frame: Frame) throws(QueryError) -> Frame {
        if let table = frame.table, temporaryTables.contains(table), builder.ctes.isEmpty { return frame }
        let name = names.next("frame_")
        let alias = "m"
        var items = frame.columns.map { (SQLBuild.column(alias, $0.column), Optional($0.column)) }
        let order = frame.ordinal.map { [OrderingTerm(expression: SQLBuild.column(alias, $0))] } ?? []
        items.append((SQLBuild.rowNumber(orderBy: order), SQLGraphLayout.rowColumn))
        let query = builder.finish(SQLBuild.select(items, from: frame.table.map { SQLBuild.table($0, as: alias) }))
        steps.append(.run(.createTableAs(CreateTableAsStatement(name: Identifier(name), query: query)), builder.parameters))
        temporaryTables.append(name)
        builder = StatementBuilder(dialect: dialect)
        var result = frame
        result.table = name
        result.ordinal = SQLGraphLayout.rowColumn
        return result
    }
}
