import Cypher
import QuiverCore
import SQL
import SQLExecution

extension QueryCompiler {
    /// MERGE runs row by row (a row sees what the rows before it created): for each input row, copy
    /// its matches into the output table; if there were none, create the pattern and copy the new
    /// row; then run ON MATCH or ON CREATE.
    func compileMerge(_ merge: Merge, after frame: Frame) throws(QueryError) -> Frame {
        let input = try materialize(frame)
        guard let inputTable = input.table else { throw SQLGraphError.unsupported("MERGE without rows") }
        if merge.part.variable != nil { throw SQLGraphError.unsupported("a named path in MERGE", at: merge.range.start) }
        // The match, as a MATCH over the input restricted to one row.
        var perRow: [RowStatement] = []
        var matchColumns: [FrameColumn] = []
        let match = try standalone { row throws(QueryError) in
            let alias = "f"
            let scope = input.scope(alias: alias)
            let pattern = try compilePattern([merge.part], scope, seedFrame: nil)
            var items = input.passThrough(alias: alias)
            var columns = input.columns
            for (name, typed) in pattern.bindings where input.column(name) == nil {
                let column = names.next("c")
                items.append((typed.sql, column))
                columns.append(FrameColumn(name: name, column: column, kind: typed.kind))
            }
            matchColumns = columns
            let from = SQLBuild.crossJoin([SQLBuild.table(inputTable, as: alias)] + pattern.from)
            return .insert(InsertStatement(
                table: Identifier("pending"), columns: items.compactMap { $0.1 }.map { Identifier($0) },
                source: SQLBuild.select(items, from: from, where: SQLBuild.and(pattern.conditions + [row(alias)]))))
        }
        let output = names.next("merged_")
        // The empty output table, typed like the match's columns.
        let emptyItems = matchColumns.map { column -> (SQL.Expression, String?) in
            let typed: SQL.Expression = column.kind == .value
                ? builder.nullValue
                : (dialect == .postgres ? SQLBuild.cast(SQLBuild.null, "bigint") : SQLBuild.null)
            return (typed, column.column)
        } + [(dialect == .postgres ? SQLBuild.cast(SQLBuild.null, "bigint") : SQLBuild.null, SQLGraphLayout.rowColumn)]
        let createOutput = SQLBuild.select(emptyItems, where: SQLBuild.falseValue)
        steps.append(.run(.createTableAs(CreateTableAsStatement(name: Identifier(output), query: builder.finish(createOutput))),
                          builder.parameters))
        builder = StatementBuilder(dialect: dialect)
        temporaryTables.append(output)
        var matchStatement = match
        if case .insert(var insert) = match.statement {
            insert.table = Identifier(output)
            matchStatement.statement = .insert(insert)
        }
        perRow.append(matchStatement)
        let count = try standalone { row throws(QueryError) in
            .select(SQLBuild.select([(SQLBuild.call("count", [SQL.Expression(.star(table: nil))]), nil)],
                                    from: SQLBuild.table(output, as: "o"), where: row("o")))
        }
        // Creation, for a row that matched nothing.
        var created: [RowStatement]? = []
        let createdFrame = try create([merge.part], on: input, filtered: true, into: &created)
        guard let createdTable = createdFrame.table else { throw SQLGraphError.unsupported("MERGE") }
        let copy = try standalone { _ throws(QueryError) in
            let alias = "g"
            let items = matchColumns.map { column -> (SQL.Expression, String?) in
                let source = createdFrame.column(column.name)?.column ?? column.column
                return (SQLBuild.column(alias, source), column.column)
            } + [(SQLBuild.column(alias, SQLGraphLayout.rowColumn), SQLGraphLayout.rowColumn)]
            return .insert(InsertStatement(table: Identifier(output), columns: items.compactMap { $0.1 }.map { Identifier($0) },
                                           source: SQLBuild.select(items, from: SQLBuild.table(createdTable, as: alias))))
        }
        for var statement in (created ?? []) + [copy] + [RowStatement(statement: .dropTable(Identifier(createdTable)),
                                                                       parameters: [], rowParameters: [])] {
            statement.when = false
            perRow.append(statement)
        }
        var result = input
        result.table = output
        result.columns = matchColumns
        for action in merge.actions {
            var actionStatements: [RowStatement]? = []
            for item in action.items { try compileSetItem(item, on: result, rowFilter: true, into: &actionStatements) }
            for var statement in actionStatements ?? [] {
                statement.when = action.trigger == .onMatch
                perRow.append(statement)
            }
        }
        steps.append(.merge(MergeStep(frameTable: inputTable, outputTable: output, perRow: perRow, count: count)))
        return result
    }
}
