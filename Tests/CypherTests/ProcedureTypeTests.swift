import Testing
import QuiverCore
@testable import Cypher

/// Declared procedure types and signatures: how they read, print, and accept values.
@Suite struct ProcedureTypeTests {
    @Test("types read from their declarations", arguments: [
        ("INTEGER", CypherType(.integer)),
        ("integer?", CypherType(.integer, nullable: true)),
        ("NUMBER?", CypherType(.number, nullable: true)),
        ("LIST? OF FLOAT", CypherType(.list(CypherType(.float)), nullable: true)),
        ("LIST OF LIST OF STRING?", CypherType(.list(CypherType(.list(CypherType(.string, nullable: true)))))),
        ("LOCAL DATETIME", CypherType(.localDateTime)),
        ("ANY?", CypherType(.any, nullable: true)),
    ])
    func readsDeclaration(text: String, expected: CypherType) {
        #expect(CypherType(declaration: text) == expected)
        #expect(CypherType(declaration: expected.description) == expected)
    }

    @Test("malformed types are rejected", arguments: ["", "NOPE", "LIST OF", "LIST INTEGER", "INTEGER STRING"])
    func rejectsMalformed(text: String) {
        #expect(CypherType(declaration: text) == nil)
    }

    @Test("arguments are coerced to the declared type or refused")
    func coercion() {
        let float = CypherType(.float), number = CypherType(.number)
        // Value's == holds 42 and 42.0 equivalent, so the types are compared as well.
        #expect(float.coerce(.int(42)) == .float(42))
        #expect(float.coerce(.int(42))?.typeName == "FLOAT")
        #expect(number.coerce(.int(42))?.typeName == "INTEGER")
        #expect(number.coerce(.float(4.2)) == .float(4.2))
        #expect(CypherType(.integer).coerce(.float(4.2)) == nil)
        #expect(CypherType(.string).coerce(.null) == nil)
        #expect(CypherType(.string, nullable: true).coerce(.null) == .null)
        #expect(CypherType(.any).coerce(["k": 1]) == ["k": 1])
        guard case .list(let widened)? = CypherType(.list(float)).coerce([1, 2.5]) else {
            Issue.record("a list of numbers is a LIST OF FLOAT")
            return
        }
        #expect(widened.map(\.typeName) == ["FLOAT", "FLOAT"])
        #expect(CypherType(.list(float)).coerce([1, "x"]) == nil)
        #expect(CypherType(.boolean).coerce("true") == nil)
        let day = Value.temporal(.date(LocalDate(year: 2026, month: 11, day: 29)))
        #expect(CypherType(.date).coerce(day) == day)
        #expect(CypherType(.duration).coerce(day) == nil)
    }

    @Test("a declaration gives the name, typed inputs and outputs; VOID and () declare no outputs")
    func signatureDeclaration() throws {
        let signature = try #require(ProcedureSignature(
            declaration: "test.my.proc(name :: STRING?, in :: INTEGER?) :: (city :: STRING?, code :: INTEGER?)"))
        #expect(signature.name == "test.my.proc")
        #expect(signature.inputs.map(\.name) == ["name", "in"])
        #expect(signature.inputs.map(\.type) == [CypherType(.string, nullable: true), CypherType(.integer, nullable: true)])
        #expect(signature.outputs.map(\.name) == ["city", "code"])
        #expect(!signature.isVoid)
        #expect(ProcedureSignature(declaration: signature.description) == signature)
        #expect(ProcedureSignature(declaration: "test.doNothing() :: ()")?.isVoid == true)
        #expect(ProcedureSignature(declaration: "test.doNothing() :: VOID")?.isVoid == true)
        #expect(ProcedureSignature(declaration: "test.bad(x :: NOPE) :: ()") == nil)
        #expect(ProcedureSignature(declaration: "test.bad(x) :: ()") == nil)
        #expect(ProcedureSignature(declaration: "test.bad()") == nil)
    }

    @Test("inputs with defaults may be left out")
    func requiredInputs() {
        let signature = ProcedureSignature(name: "math.scale", inputs: [
            .init(name: "x", type: CypherType(.float)),
            .init(name: "factor", type: CypherType(.float), defaultValue: 2.0),
        ], outputs: [.init(name: "y", type: CypherType(.float))])
        #expect(signature.requiredInputCount == 1)
        #expect(signature.description == "math.scale(x :: FLOAT, factor = 2.0 :: FLOAT) :: (y :: FLOAT)")
    }
}
