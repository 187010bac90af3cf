import Cypher
import QuiverCore
import SQL

extension QueryCompiler {
    /// `x < 100` (and `<=`, `>`, `>=`, `=`, `<>`) against a finite number literal, compiled so that the
    /// database compares natively when `x` holds a JSON number and calls the runtime function only
    /// otherwise (strings, lists, NaN, null): the same answer, without a function call per row in
    /// the common case of a numeric property against a constant.
    ///
    /// SQLite: `CASE WHEN json_type(x) IN ('integer','real') THEN x ->> '$' < ?n ELSE cy_lt(x, ?v) END`;
    /// PostgreSQL: `CASE WHEN jsonb_typeof(x) = 'number' THEN x::numeric < $n ELSE cy_lt(x, $v) END`.
    func numericComparison(_ op: Cypher.BinaryOperator, _ left: Cypher.Expression, _ right: Cypher.Expression,
                           _ a: Typed, _ b: Typed, runtimeName: String) -> Typed?
    {
        let flipped: Bool
        let number: Value
        if let value = Self.finiteNumber(right) {
            (flipped, number) = (false, value)
        } else if let value = Self.finiteNumber(left) {
            (flipped, number) = (true, value)
        } else {
            return nil
        }
        let subject = asValue(flipped ? b : a).sql
        let sqlOperator: SQL.BinaryOperator
        switch (op, flipped) {
        case (.less, false), (.greater, true): sqlOperator = .lessThan
        case (.lessOrEqual, false), (.greaterOrEqual, true): sqlOperator = .lessThanOrEqual
        case (.greater, false), (.less, true): sqlOperator = .greaterThan
        case (.greaterOrEqual, false), (.lessOrEqual, true): sqlOperator = .greaterThanOrEqual
        case (.equal, _): sqlOperator = .equal
        case (.notEqual, _): sqlOperator = .notEqual
        default: return nil
        }
        let literal: SQL.Expression
        let isNumber: SQL.Expression
        let native: SQL.Expression
        switch (dialect, number) {
        case (.sqlite, .int(let i)): literal = builder.bind(.integer(i))
        case (.sqlite, .float(let f)): literal = builder.bind(.real(f))
        case (.postgres, _): literal = SQLBuild.cast(builder.bindText(Self.decimal(number)), "numeric")
        default: return nil
        }
        if dialect == .sqlite {
            let type = SQLBuild.call("json_type", [subject])
            isNumber = SQLBuild.or([SQLBuild.equal(type, builder.bindText("integer")), SQLBuild.equal(type, builder.bindText("real"))])
                ?? SQLBuild.falseValue
            native = SQLBuild.binary(sqlOperator, SQLBuild.binary(.extractText, subject, builder.bindText("$")), literal)
        } else {
            isNumber = SQLBuild.equal(SQLBuild.call("jsonb_typeof", [subject]), builder.bindText("number"))
            native = SQLBuild.binary(sqlOperator, SQLBuild.cast(subject, "numeric"), literal)
        }
        let fallback = runtime(runtimeName, [asValue(a).sql, asValue(b).sql])
        return Typed(sql: SQLBuild.caseWhen([(isNumber, native)], otherwise: fallback), kind: .boolean)
    }

    static func finiteNumber(_ expression: Cypher.Expression) -> Value? {
        guard case .literal(let literal) = expression.kind else { return nil }
        switch literal {
        case .integer(let i): return .int(i)
        case .float(let f) where f.isFinite: return .float(f)
        default: return nil
        }
    }

    /// A number as exact decimal text for PostgreSQL's `numeric`.
    static func decimal(_ number: Value) -> String {
        switch number {
        case .int(let i): String(i)
        case .float(let f): SQLValueCodec.float(f, .postgres)
        default: "0"
        }
    }
}
