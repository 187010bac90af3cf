import Foundation
import Testing

/// `quiver serve` under bad input and load: every bad request is a 4xx with a message, and the
/// next request is served.
@Suite(.serialized, .enabled(if: ServerProcess.binary != nil, "skipped: the quiver binary is not built beside the tests"))
struct HTTPAbuseTests {
    @Test func eachBadRequestIsAFourHundredAndTheNextOneSucceeds() async throws {
        let server = try ServerProcess(["--graph", try TestGraph.people(), "--max-body", "1M"])
        defer { server.stop() }
        let hundredMegabytes = Data(repeating: UInt8(ascii: " "), count: 100 << 20)
        let cases: [(name: String, send: () async throws -> (Int, Data), status: Int, code: String)] = [
            ("malformed JSON", { try await server.post("cypher", #"{"query": "RETURN 1""#) }, 400, "MalformedJSON"),
            ("a 100 MB body", { try await server.request("cypher", body: hundredMegabytes) }, 413, "BodyTooLarge"),
            ("an unknown field", { try await server.post("cypher", #"{"query": "RETURN 1", "querry": 2}"#) }, 400, "UnknownField"),
            ("a bad query", { try await server.post("cypher", #"{"query": "MATCH (n RETURN n"}"#) }, 400, "UnexpectedSyntax"),
            ("a query that times out", {
                try await server.post("cypher", #"{"query": "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)", "timeout": 0.3}"#)
            }, 408, "Timeout"),
            ("an unknown path", { try await server.post("nowhere", "{}") }, 404, "NotFound"),
            ("a reward batch without items", { try await server.post("score/triples", #"{"options": {}}"#) }, 400, "MissingField"),
        ]
        for bad in cases {
            let (status, data) = try await bad.send()
            let error = object(data)["error"] as? [String: Any]
            #expect(status == bad.status, "\(bad.name): \(status) \(String(decoding: data.prefix(300), as: UTF8.self))")
            #expect(error?["code"] as? String == bad.code && !((error?["message"] as? String) ?? "").isEmpty, "\(bad.name)")
            let (next, body) = try await server.post("cypher", #"{"query": "MATCH (p:Person) RETURN count(p) AS people"}"#)
            #expect(next == 200 && integerRows(body) == [[20]], "after \(bad.name)")
        }
        let (status, errors) = server.stop()
        #expect(status == 0, "\(errors)")
    }

    @Test func aQueryErrorCarriesItsPosition() async throws {
        let server = try ServerProcess(["--graph", try TestGraph.people()])
        defer { server.stop() }
        let (status, data) = try await server.post("cypher", "{\"query\": \"MATCH (n)\\nRETURN m\"}")
        let error = object(data)["error"] as? [String: Any]
        #expect(status == 400 && error?["line"] as? Int == 2 && error?["category"] as? String == "SyntaxError", "\(error ?? [:])")
    }

    @Test func largeResultsStreamWholeAndTheRowCapTruncates() async throws {
        let server = try ServerProcess(["--graph", try TestGraph.people()])
        defer { server.stop() }
        let query = #"UNWIND range(1, 60000) AS x RETURN x, 'a row long enough to need several chunks' AS padding"#
        let (status, data) = try await server.post("cypher", #"{"query": "\#(query)"}"#)
        let result = object(data)
        #expect(status == 200 && data.count > 3 * 65_536)
        #expect((result["rows"] as? [[Any]])?.count == 60_000 && result["truncated"] as? Bool == false)
        let (_, capped) = try await server.post("cypher", #"{"query": "\#(query)", "max_rows": 10}"#)
        let cut = object(capped)
        #expect((cut["rows"] as? [[Any]])?.count == 10 && cut["truncated"] as? Bool == true)
    }

    @Test func concurrentReadsAndWritesAllSucceedAndWritesAreWhole() async throws {
        let server = try ServerProcess(["--graph", try TestGraph.people(), "--workers", "4"])
        defer { server.stop() }
        let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for number in 0..<40 {
                group.addTask {
                    // Each write adds two nodes in one statement: a reader never sees an odd count.
                    let query = number % 4 == 0
                        ? "CREATE (:Extra {n: \(number)}), (:Extra {n: \(number)})"
                        : "MATCH (e:Extra) RETURN count(e) AS extras"
                    let (status, data) = try await server.post("cypher", #"{"query": "\#(query)"}"#)
                    let extras = integerRows(data)?.first?.first ?? 0
                    return (status, extras)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0.0 == 200 })
        #expect(statuses.allSatisfy { $0.1 % 2 == 0 })
        let (_, data) = try await server.post("cypher", #"{"query": "MATCH (e:Extra) RETURN count(e)"}"#)
        #expect(integerRows(data) == [[20]])
    }

    @Test func aReadOnlyServerRefusesWrites() async throws {
        let server = try ServerProcess(["--graph", try TestGraph.people(), "--read-only"])
        defer { server.stop() }
        let (status, data) = try await server.post("cypher", #"{"query": "CREATE (:X)"}"#)
        #expect(status == 403 && errorCode(data) == "ReadOnlyServer")
    }
}
