import QuiverCore

// Projections (WITH / RETURN bodies), SET and REMOVE items, and CALL.
extension CypherParser {
    mutating func parseProjection(start: SourceLocation) throws -> Projection {
        let distinct = acceptKeyword("DISTINCT")
        var includesAll = false
        var items: [ProjectionItem] = []
        if acceptSymbol("*") {
            includesAll = true
            while acceptSymbol(",") { items.append(try parseProjectionItem()) }
        } else {
            items.append(try parseProjectionItem())
            while acceptSymbol(",") { items.append(try parseProjectionItem()) }
        }
        var orderBy: [SortItem] = []
        if current.isKeyword("ORDER") {
            advance()
            try expectKeyword("BY")
            repeat {
                let itemStart = current.start
                let expression = try parseExpression()
                var ascending = true
                if acceptKeyword("DESC") || acceptKeyword("DESCENDING") {
                    ascending = false
                } else {
                    _ = acceptKeyword("ASC") || acceptKeyword("ASCENDING")
                }
                if let nullsFirst = try parseNullPlacementIfPresent(), nullsFirst == ascending {
                    orderBy.append(nullPlacementKey(expression, nullsFirst: nullsFirst))
                }
                orderBy.append(SortItem(expression: expression, ascending: ascending, range: range(from: itemStart)))
            } while acceptSymbol(",")
        }
        let skip = acceptKeyword("SKIP") ? try parseExpression() : nil
        let limit = acceptKeyword("LIMIT") ? try parseExpression() : nil
        return Projection(distinct: distinct, includesAll: includesAll, items: items, orderBy: orderBy,
                          skip: skip, limit: limit, range: range(from: start))
    }

    /// `NULLS FIRST` (true) or `NULLS LAST` (false) after a sort key, or nil when absent.
    private mutating func parseNullPlacementIfPresent() throws -> Bool? {
        guard acceptKeyword("NULLS") else { return nil }
        if acceptKeyword("FIRST") { return true }
        guard acceptKeyword("LAST") else { throw unexpected("FIRST or LAST after NULLS") }
        return false
    }

    /// The key `e IS NULL` that goes before `e` when its nulls are placed against the direction's default
    /// (nulls sort last ascending, first descending): `DESC` for `NULLS FIRST`, `ASC` for `NULLS LAST`.
    private func nullPlacementKey(_ expression: Expression, nullsFirst: Bool) -> SortItem {
        // The range covers `NULLS …` too, so the key's text never equals a projected item's text.
        let written = range(from: expression.range.start)
        let isNull = Expression(.isNull(expression, negated: false), range: written)
        return SortItem(expression: isNull, ascending: !nullsFirst, range: written)
    }

    mutating func parseProjectionItem() throws -> ProjectionItem {
        let start = current.start
        let expression = try parseExpression()
        let text = text(of: expression.range)
        var alias: Variable?
        if acceptKeyword("AS") { alias = try parseVariable() }
        return ProjectionItem(expression: expression, alias: alias, text: text, range: range(from: start))
    }

    mutating func parseSetItems() throws -> [SetItem] {
        var items: [SetItem] = []
        repeat {
            let start = current.start
            let target = try parsePostfixExpression()
            if acceptSymbol("=") {
                let value = try parseExpression()
                switch target.kind {
                case .property(let subject, let key):
                    items.append(SetItem(kind: .property(target: subject, key: key, value: value), range: range(from: start)))
                case .variable(let name):
                    let variable = Variable(name: name, range: target.range)
                    items.append(SetItem(kind: .replaceProperties(variable: variable, value: value), range: range(from: start)))
                default:
                    throw error("UnexpectedSyntax", "expected a property or a variable to the left of '='", at: start)
                }
            } else if acceptSymbol("+=") {
                guard case .variable(let name) = target.kind else {
                    throw error("UnexpectedSyntax", "expected a variable to the left of '+='", at: start)
                }
                let value = try parseExpression()
                let variable = Variable(name: name, range: target.range)
                items.append(SetItem(kind: .mergeProperties(variable: variable, value: value), range: range(from: start)))
            } else if case .hasLabels(let subject, let labels) = target.kind, case .variable(let name) = subject.kind {
                let variable = Variable(name: name, range: subject.range)
                items.append(SetItem(kind: .labels(variable: variable, labels: labels), range: range(from: start)))
            } else {
                throw unexpected("'=', '+=' or labels in SET")
            }
        } while acceptSymbol(",")
        return items
    }

    mutating func parseRemoveItems() throws -> [RemoveItem] {
        var items: [RemoveItem] = []
        repeat {
            let start = current.start
            let target = try parsePostfixExpression()
            switch target.kind {
            case .property(let subject, let key):
                items.append(RemoveItem(kind: .property(target: subject, key: key), range: range(from: start)))
            case .hasLabels(let subject, let labels):
                guard case .variable(let name) = subject.kind else { fallthrough }
                let variable = Variable(name: name, range: subject.range)
                items.append(RemoveItem(kind: .labels(variable: variable, labels: labels), range: range(from: start)))
            default:
                throw error("UnexpectedSyntax", "expected a property (n.key) or labels (n:Label) to remove", at: start)
            }
        } while acceptSymbol(",")
        return items
    }

    mutating func parseCall(start: SourceLocation) throws -> Call {
        let nameStart = current.start
        var names = [try parseName("a procedure name")]
        while acceptSymbol(".") { names.append(try parseName("a procedure name")) }
        let nameRange = range(from: nameStart)
        var arguments: [Expression]?
        if acceptSymbol("(") {
            var list: [Expression] = []
            if !current.isSymbol(")") { list = try parseExpressionList() }
            try expectSymbol(")")
            arguments = list
        }
        var yield: Yield?
        if current.isKeyword("YIELD") {
            let yieldStart = current.start
            advance()
            if acceptSymbol("*") {
                yield = Yield(all: true, items: [], predicate: nil, range: range(from: yieldStart))
            } else {
                var items: [YieldItem] = []
                repeat {
                    let itemStart = current.start
                    let field = try parseName("a procedure output name")
                    let alias = acceptKeyword("AS") ? try parseVariable() : nil
                    items.append(YieldItem(field: field, alias: alias, range: range(from: itemStart)))
                } while acceptSymbol(",")
                let predicate = try parseWhere()
                yield = Yield(all: false, items: items, predicate: predicate, range: range(from: yieldStart))
            }
        }
        let name = names.removeLast()
        return Call(namespace: names, name: name, arguments: arguments, yield: yield, range: range(from: start),
                    nameRange: nameRange)
    }
}
