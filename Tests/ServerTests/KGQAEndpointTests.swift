import Foundation
import Retrieval
import Testing

/// `POST /kgqa` answers on the served graph what `quiver kgqa` answers on the same file.
@Suite(.serialized, .enabled(if: ServerProcess.binary != nil, "skipped: the quiver binary is not built beside the tests"))
struct KGQAEndpointTests {
    static let triples = """
        Ada Park\twhose_employer\tNorrholm Labs
        Ben Ode\twhose_employer\tNorrholm Labs
        Cara Vik\twhose_employer\tCaldmere Glassworks
        Norrholm Labs\tstarted_by\tOrla Menz
        Caldmere Glassworks\tstarted_by\tBen Ode
        Orla Menz\thome_town\tBrannock
        Ben Ode\thome_town\tLund

        """

    /// Writes the triples as a saved graph and returns its path.
    static func graph() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-kgqa-\(UUID().uuidString).qgraph").path
        try TripleFile.load(bytes: Array(triples.utf8), path: "toy.tsv").save(to: path)
        return path
    }

    @Test(arguments: ["who started the company [Ada Park] works for", "what is the home town of [Orla Menz]"])
    func theRecordIsTheCommandsOutLine(question: String) async throws {
        let graph = try Self.graph()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-kgqa-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(atPath: graph); try? FileManager.default.removeItem(at: out) }
        let (status, output) = try await runQuiver(["kgqa", "--graph", graph, question, "--out", out.path])
        #expect(status == 0, "\(output)")
        let expected = object(try Data(contentsOf: out))

        let server = try ServerProcess(["--graph", graph])
        defer { server.stop() }
        let body = try JSONSerialization.data(withJSONObject: ["question": question])
        let (answer, data) = try await server.request("kgqa", body: body)
        let record = object(data)
        #expect(answer == 200, "\(String(decoding: data.prefix(300), as: UTF8.self))")
        #expect(!(record["predicted"] as? [String] ?? []).isEmpty && record["cypher"] is String)
        #expect(canonical(withoutTime(record)) == canonical(withoutTime(expected)))
    }

    @Test func badRequestsAreFourHundredsAndAGraphWithoutNamesIsAFourOhFour() async throws {
        let graph = try Self.graph()
        defer { try? FileManager.default.removeItem(atPath: graph) }
        let server = try ServerProcess(["--graph", graph])
        defer { server.stop() }
        for (body, code) in [(#"{"question": "  "}"#, "BadRequest"), (#"{"question": "x", "simulations": 0}"#, "BadRequest"),
                             (#"{"question": "x", "topics": [1]}"#, "WrongType"), (#"{"question": "x", "hops": 2}"#, "UnknownField")] {
            let (status, data) = try await server.post("kgqa", body)
            #expect(status == 400 && errorCode(data) == code, "\(body): \(String(decoding: data, as: UTF8.self))")
        }
        let (missing, data) = try await server.post("kgqa", #"{"question": "who started [Nobody Inc]"}"#)
        #expect(missing == 200 && object(data)["error"] as? String == "topic entity `Nobody Inc` is not in the knowledge graph")

        let empty = try ServerProcess([])
        defer { empty.stop() }
        let (status, unnamed) = try await empty.post("kgqa", #"{"question": "who knows [p1]"}"#)
        #expect(status == 404 && errorCode(unnamed) == "NoEntityNames", "\(String(decoding: unnamed, as: UTF8.self))")
    }
}

/// A KGQA record without its wall-clock time.
private func withoutTime(_ record: [String: Any]) -> [String: Any] {
    var record = record
    if var statistics = record["statistics"] as? [String: Any] {
        statistics["milliseconds"] = nil
        record["statistics"] = statistics
    }
    return record
}
