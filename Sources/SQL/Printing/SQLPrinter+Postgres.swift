extension SQLPrinter {
    /// The PostgreSQL spelling of a SQLite type name: REAL and FLOAT are 4-byte in PostgreSQL but 8-byte in SQLite.
    func castType(_ type: String) -> String {
        guard isPostgres else { return type }
        switch type.lowercased() {
        case "real", "float", "double": return "DOUBLE PRECISION"
        case "int", "integer": return "BIGINT"
        case "text", "varchar", "string": return "TEXT"
        case "datetime": return "TIMESTAMP"
        default: return type
        }
    }

    /// PostgreSQL equivalents of SQLite functions that PostgreSQL lacks or spells differently; nil keeps the call.
    ///
    /// `arguments` are the call's arguments already printed: each is printed once, whether the call
    /// is translated or kept (printing them here and again for a kept call would double the work at
    /// every level of nested calls).
    func postgresFunction(_ call: FunctionCall, arguments: [String]) -> String? {
        switch (call.name.normalized, arguments.count) {
        case ("iif", 3):
            return "CASE WHEN " + arguments[0] + " THEN " + arguments[1] + " ELSE " + arguments[2] + " END"
        case ("ifnull", 2):
            return "COALESCE(" + arguments.joined(separator: ", ") + ")"
        case ("instr", 2):
            return "STRPOS(CAST(" + arguments[0] + " AS TEXT), " + arguments[1] + ")"
        case ("substr", 2...3), ("substring", 2...3):
            return "SUBSTR(CAST(" + arguments[0] + " AS TEXT)" + arguments.dropFirst().map { ", " + $0 }.joined() + ")"
        case ("group_concat", 1...2) where call.over == nil:
            let separator = arguments.count == 2 ? arguments[1] : "','"
            return "STRING_AGG(" + (call.distinct ? "DISTINCT " : "") + "CAST(" + arguments[0] + " AS TEXT), "
                + separator + ")"
        case ("round", 2):
            // PostgreSQL rounds to a number of places only for NUMERIC.
            return "ROUND(CAST(" + arguments[0] + " AS NUMERIC), " + arguments[1] + ")"
        case ("max", 2...) where call.over == nil:
            return "GREATEST(" + arguments.joined(separator: ", ") + ")"
        case ("min", 2...) where call.over == nil:
            return "LEAST(" + arguments.joined(separator: ", ") + ")"
        case ("datetime", 1):
            return "CAST(" + timestamp(call.arguments[0], printed: arguments[0]) + " AS TIMESTAMP)"
        case ("date", 1):
            return "CAST(" + timestamp(call.arguments[0], printed: arguments[0]) + " AS DATE)"
        case ("julianday", 1):
            return "(EXTRACT(EPOCH FROM CAST(" + timestamp(call.arguments[0], printed: arguments[0]) + " AS TIMESTAMP)) / 86400.0 + 2440587.5)"
        case ("strftime", 2...):
            return strftime(call, arguments: arguments)
        case ("sum", 1), ("avg", 1), ("total", 1):
            // SQLite sums comparison results as 0/1; PostgreSQL needs the boolean cast to an integer.
            guard Self.isBooleanValued(call.arguments[0]) else { return nil }
            let name = call.name.normalized == "total" ? "SUM" : call.name.name.uppercased()
            return name + "(" + (call.distinct ? "DISTINCT " : "") + "CAST(" + arguments[0] + " AS INTEGER))"
        default:
            return nil
        }
    }

    /// A time value as PostgreSQL reads it: SQLite's `'now'` is `NOW()`; `printed` is `value` printed.
    func timestamp(_ value: Expression, printed: String) -> String {
        if case .literal(.string(let text)) = value.kind, text.lowercased() == "now" { return "NOW()" }
        return printed
    }

    /// `strftime(format, time)` as `TO_CHAR` when the format is a literal with known directives.
    func strftime(_ call: FunctionCall, arguments: [String]) -> String? {
        guard case .literal(.string(let format)) = call.arguments[0].kind else { return nil }
        let time = "CAST(" + timestamp(call.arguments[1], printed: arguments[1]) + " AS TIMESTAMP)"
        if format == "%s" { return "CAST(EXTRACT(EPOCH FROM " + time + ") AS BIGINT)" }
        let directives: [Character: String] = [
            "Y": "YYYY", "m": "MM", "d": "DD", "H": "HH24", "M": "MI", "S": "SS", "j": "DDD", "W": "WW", "%": "%",
        ]
        var pattern = ""
        var iterator = format.makeIterator()
        while let character = iterator.next() {
            if character == "%" {
                guard let directive = iterator.next(), let replacement = directives[directive] else { return nil }
                pattern += replacement
            } else if character.isLetter {
                pattern += "\"" + String(character) + "\""
            } else {
                pattern.append(character)
            }
        }
        return "TO_CHAR(" + time + ", " + Self.stringLiteral(pattern) + ")"
    }

    static func isBooleanValued(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .binary(let op, _, _):
            return [.equal, .notEqual, .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual, .and, .or]
                .contains(op)
        case .between, .pattern, .inList, .inSubquery, .isNull, .isComparison, .exists, .unary(.not, _):
            return true
        default:
            return false
        }
    }
}
