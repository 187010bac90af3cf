extension SQLPrinter {
    /// The SQL text of any statement: a query, an insert, update or delete, or a temporary table.
    ///
    /// ```swift
    /// SQLPrinter(dialect: .postgres).print(statement: .dropTable(Identifier("frame_1")))
    /// // DROP TABLE IF EXISTS frame_1
    /// ```
    public func print(statement: SQLStatement) -> String {
        switch statement {
        case .select(let query):
            return print(query)
        case .insert(let insert):
            let columns = insert.columns.map(identifier).joined(separator: ", ")
            return "INSERT INTO " + identifier(insert.table) + " (" + columns + ") " + print(insert.source)
        case .update(let update):
            var text = "UPDATE " + identifier(update.table)
            if let alias = update.alias { text += " AS " + identifier(alias) }
            text += " SET " + update.assignments.map { identifier($0.column) + " = " + print($0.value) }
                .joined(separator: ", ")
            if let condition = update.whereClause { text += " WHERE " + print(condition) }
            return text
        case .delete(let delete):
            var text = "DELETE FROM " + identifier(delete.table)
            if let alias = delete.alias { text += " AS " + identifier(alias) }
            if let condition = delete.whereClause { text += " WHERE " + print(condition) }
            return text
        case .createTableAs(let create):
            return "CREATE TEMPORARY TABLE " + identifier(create.name) + " AS " + print(create.query)
        case .dropTable(let name):
            return "DROP TABLE IF EXISTS " + identifier(name)
        }
    }
}
