import CypherSQL
import QuiverCore
import Testing

@Test(arguments: [
    (Value.list([1, 2.5, "a", nil, true]), "[1,2.5,\"a\",null,true]"),
    (Value.float(1), "1.0"),
    (Value.map(["b": 1, "a": "x"]), "{\"a\":\"x\",\"b\":1}"),
])
func valuesEncodeAsCanonicalJSON(_ value: Value, _ expected: String) throws {
    #expect(try SQLValueCodec.encode(value, for: .sqlite) == expected)
}

@Test func postgresFloatsNeverUseAnExponent() throws {
    #expect(try SQLValueCodec.encode(.float(1e20), for: .postgres) == "100000000000000000000.0")
    #expect(try SQLValueCodec.encode(.float(1.5e-3), for: .postgres) == "0.0015")
    #expect(try SQLValueCodec.encode(.float(-2.5e2), for: .postgres) == "-250.0")
}

@Test func floatsAndIntegersStayApartThroughJSON() throws {
    let value = Value.list([.int(1), .float(1), .float(.nan), .float(-.infinity)])
    let text = try #require(try SQLValueCodec.encode(value, for: .postgres))
    guard case .list(let items) = try SQLValueCodec.decode(text) else {
        Issue.record("not a list")
        return
    }
    #expect(items.count == 4)
    if case .int(1) = items[0] {} else { Issue.record("integer lost: \(items[0])") }
    if case .float(1) = items[1] {} else { Issue.record("float lost: \(items[1])") }
    if case .float(let nan) = items[2] { #expect(nan.isNaN) } else { Issue.record("NaN lost") }
}
