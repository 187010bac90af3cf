import Testing
import PropertyGraph
import QuiverCore
@testable import Cypher

/// One expression and the value it must evaluate to.
struct ExpressionCase: Sendable, CustomTestStringConvertible {
    var expression: String
    var expected: Value
    init(_ expression: String, _ expected: Value) {
        self.expression = expression
        self.expected = expected
    }
    var testDescription: String { expression }
}

/// One expression and the error code it must raise.
struct FailureCase: Sendable, CustomTestStringConvertible {
    var expression: String
    var code: String
    init(_ expression: String, _ code: String) {
        self.expression = expression
        self.code = code
    }
    var testDescription: String { expression }
}

@Suite struct FunctionTests {
    static let values: [ExpressionCase] = [
        ExpressionCase("7 / 2", 3), ExpressionCase("-7 / 2", -3), ExpressionCase("7 % -3", 1), ExpressionCase("-7 % 3", -1),
        ExpressionCase("7.0 / 2", 3.5), ExpressionCase("2 ^ 3", 8.0), ExpressionCase("1 / 0.0", .float(.infinity)),
        ExpressionCase("'a' + 1", "a1"), ExpressionCase("[1] + 2", [1, 2]), ExpressionCase("null + 1", nil),
        ExpressionCase("1 = 1.0", true), ExpressionCase("[1, null] = [1, 2]", nil), ExpressionCase("1 < 'a'", nil),
        ExpressionCase("0.0 / 0.0 > 1", false), ExpressionCase("2 IN [1, null]", nil), ExpressionCase("1 IN [1, null]", true),
        ExpressionCase("'abc' =~ 'a.*'", true), ExpressionCase("'abc' =~ 'b'", false), ExpressionCase("'ab' =~ 'a|ab'", true),
        ExpressionCase("toUpper('ab')", "AB"), ExpressionCase("trim('  x ')", "x"), ExpressionCase("ltrim('  x ')", "x "),
        ExpressionCase("replace('aXbX', 'X', '-')", "a-b-"), ExpressionCase("substring('hello', 1, 3)", "ell"),
        ExpressionCase("left('hello', 2)", "he"), ExpressionCase("right('hello', 2)", "lo"),
        ExpressionCase("split('a,b,,c', ',')", ["a", "b", "", "c"]), ExpressionCase("reverse('abc')", "cba"),
        ExpressionCase("toString(1.0)", "1.0"), ExpressionCase("toInteger('42.7')", 42), ExpressionCase("toInteger('x')", nil),
        ExpressionCase("toFloat('1.5')", 1.5), ExpressionCase("toBoolean('TRUE')", true), ExpressionCase("abs(-3)", 3),
        ExpressionCase("ceil(1.2)", 2.0), ExpressionCase("floor(-1.2)", -2.0), ExpressionCase("round(2.5)", 3.0),
        ExpressionCase("round(-2.5)", -2.0), ExpressionCase("round(2.675, 2)", 2.68), ExpressionCase("round(2.5, 0, 'HALF_EVEN')", 2.0),
        ExpressionCase("sign(-2.5)", -1), ExpressionCase("sqrt(16)", 4.0), ExpressionCase("log10(1000)", 3.0),
        ExpressionCase("size([1, 2])", 2), ExpressionCase("head([1, 2])", 1), ExpressionCase("last([])", nil),
        ExpressionCase("tail([1, 2, 3])", [2, 3]), ExpressionCase("range(5, 1, -2)", [5, 3, 1]),
        ExpressionCase("coalesce(null, 2)", 2), ExpressionCase("keys({b: 1, a: 2})", ["a", "b"]),
        ExpressionCase("[1, 2, 3][-1]", 3), ExpressionCase("[1, 2, 3][1..]", [2, 3]), ExpressionCase("[1, 2, 3][5]", nil),
        ExpressionCase("{a: 1}['a']", 1),
    ]

    @Test(arguments: values)
    func evaluates(_ c: ExpressionCase) throws {
        let result = try CypherEngine.execute("RETURN \(c.expression) AS v", on: GraphStore())
        #expect(result.rows == [[c.expected]])
    }

    static let failures: [FailureCase] = [
        FailureCase("9223372036854775807 + 1", "IntegerOverflow"), FailureCase("1 / 0", "DivisionByZero"),
        FailureCase("range(1, 2, 0)", "NumberOutOfRange"), FailureCase("toInteger([1])", "InvalidArgumentValue"),
        FailureCase("{a: 1}[1]", "MapElementAccessByNonString"), FailureCase("[1][true]", "InvalidArgumentType"),
        FailureCase("labels(1)", "InvalidArgumentValue"), FailureCase("1 AND true", "InvalidArgumentType"),
    ]

    @Test(arguments: failures)
    func raises(_ c: FailureCase) throws {
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute("RETURN \(c.expression) AS v", on: GraphStore())
        }
        #expect(error?.code == c.code)
    }

    @Test func aggregatesFollowOpenCypher() throws {
        let result = try CypherEngine.execute("""
            UNWIND [1, 2, 2, null, 5] AS x
            RETURN count(*), count(x), count(DISTINCT x), sum(x), avg(x), min(x), max(x), collect(DISTINCT x),
                   percentileDisc(x, 0.5), percentileCont(x, 0.5), stDevP(x)
            """, on: GraphStore())
        #expect(result.rows == [[5, 4, 3, 10, 2.5, 1, 5, [1, 2, 5], 2, 2.0, .float((9.0 / 4).squareRoot())]])
    }

    @Test func scriptSplittingKeepsQuotedSemicolons() {
        let statements = CypherScript.split("CREATE (:A {s: 'x;y'});\n// note; here\nMATCH (n) RETURN n;")
        #expect(statements.map(\.text) == ["CREATE (:A {s: 'x;y'})", "MATCH (n) RETURN n"])
        #expect(statements.map(\.line) == [1, 3])
    }

    @Test func scriptSplittingReadsStringsAsTheLexerDoes() {
        let statements = CypherScript.split("RETURN '\\\\';  RETURN /* ; */ `a;b`;\nRETURN 'open")
        #expect(statements.map(\.text) == ["RETURN '\\\\'", "RETURN /* ; */ `a;b`", "RETURN 'open"])
        #expect(statements.map(\.column) == [1, 15, 1])
    }

    @Test func valueJSONRoundTripsTypes() throws {
        let value: Value = ["a": [1, 1.0, .float(.nan), "s", nil, true]]
        let text = ValueJSON.encode(value)
        #expect(text == #"{"$map":{"a":[1,{"$float":1.0},{"$float":"NaN"},"s",null,true]}}"#)
        #expect(try ValueJSON.decode(text) == value)
    }
}
