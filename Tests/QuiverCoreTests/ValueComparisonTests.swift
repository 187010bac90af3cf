import Testing
@testable import QuiverCore

@Suite struct ValueComparisonTests {
    @Test func equalityIsTernaryWithNull() {
        #expect(Value.int(1).cypherEquals(.null) == nil)
        #expect(Value.list([1, .null]).cypherEquals([1, .null]) == nil)
        #expect(Value.list([1, .null]).cypherEquals([2, .null]) == false)
        #expect(Value.list([1]).cypherEquals([1, 2]) == false)
    }

    @Test func integersAndFloatsCompareByValue() {
        #expect(Value.int(1).cypherEquals(.float(1.0)) == true)
        #expect(Value.int(Int64.max).cypherEquals(.float(9.223372036854775807e18)) == false)
        #expect(Value.float(.nan).cypherEquals(.float(.nan)) == false)
        #expect(Value.int(2).cypherCompare(.float(1.5)) == .greater)
        #expect(Value.float(.nan).cypherCompare(.int(1)) == nil)
    }

    @Test func incomparableTypesGiveNull() {
        #expect(Value.string("a").cypherCompare(.int(1)) == nil)
        #expect(Value.map([:]).cypherCompare(.map([:])) == nil)
    }

    @Test func orderingIsTotalAcrossTypes() {
        let ascending: [Value] = [
            .map(["a": 1]), .list([1]), .string("a"), .bool(false), .bool(true),
            .int(-1), .float(0.5), .int(1), .float(.nan), .null,
        ]
        for (i, a) in ascending.enumerated() {
            for (j, b) in ascending.enumerated() {
                let expected: Value.Order = i < j ? .less : (i == j ? .equal : .greater)
                #expect(a.orderCompare(b) == expected, "\(a) vs \(b)")
            }
        }
    }

    @Test func equivalenceGroupsNullsAndNaNs() {
        let values: [Value] = [.null, .null, .float(.nan), .float(.nan), .int(1), .float(1.0)]
        #expect(Set(values).count == 3)
    }

    @Test(arguments: [
        (Value.float(1), "1.0"), (.float(.infinity), "Inf"), (.string("it's"), "'it\\'s'"),
        (.map(["b": 1, "a": .null]), "{a: null, b: 1}"), (.list([1, "x"]), "[1, 'x']"),
    ])
    func literalsRenderAsCypher(value: Value, text: String) {
        #expect(value.description == text)
    }

    @Test func locationCountsLinesAndColumns() {
        let text = "MATCH (n)\nRETURN m"
        let location = SourceLocation(offset: 17, in: text)
        #expect(location.line == 2 && location.column == 8)
        #expect(text.excerpt(at: location) == "RETURN m\n       ^")
    }
}
