import Foundation
import Testing

/// `--format dot|mermaid` on `cypher`, `ask` and `ged`: the explorer's drawing as text, which
/// Graphviz renders.
@Suite(.enabled(if: QuiverBinary.url != nil, "skipped: the quiver binary is not built beside the tests"))
struct PictureFormatTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpora/halvard/articles").path
    static let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let commands: [[String]] = [
        ["cypher", "-e", "CREATE (a:Person {name: 'Ann'})-[:KNOWS]->(b:Person {name: 'Bob \"B\"'}) RETURN a, b",
         "-e", "MATCH p = (:Person)-[:KNOWS]->() RETURN p"],
        ["ask", "Which company supplied the lenses of the observatory founded by Orla Menz?", "--graph", corpus],
        ["ged", "MATCH (a:Person)-[:KNOWS]->(b) RETURN b", "MATCH (a:Person)-[:LIKES]->(b:Person) RETURN b.name"],
    ]

    @Test(arguments: commands)
    func mermaidIsOneFlowchart(arguments: [String]) throws {
        let (status, output) = try QuiverBinary.run(arguments + ["--format", "mermaid"])
        #expect(status == 0, "\(output)")
        #expect(output.hasPrefix("flowchart LR\n") && output.contains("-->") && output.contains("style n0 fill:#"), "\(output)")
    }

    @Test(.enabled(if: dot != nil, "skipped: Graphviz's dot is not installed"), arguments: commands)
    func dotRendersWithGraphviz(arguments: [String]) throws {
        let (status, output) = try QuiverBinary.run(arguments + ["--format", "dot"])
        #expect(status == 0 && output.hasPrefix("digraph quiver {"), "\(output)")
        // The cypher run prints one digraph per query; Graphviz draws each.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.dot ?? "dot")
        process.arguments = ["-Tsvg"]
        let input = Pipe(), svg = Pipe(), errors = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, svg, errors)
        try process.run()
        input.fileHandleForWriting.write(Data(output.utf8))
        try input.fileHandleForWriting.close()
        let picture = String(decoding: svg.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && messages.isEmpty, "\(messages)")
        #expect(picture.contains("<svg"))
    }

    @Test func gedColoursTheEditScript() throws {
        let (_, output) = try QuiverBinary.run(Self.commands[2] + ["--format", "dot"])
        #expect(output.contains("subgraph cluster_0") && output.contains("subgraph cluster_1"))
        // rel:KNOWS becomes rel:LIKES (relabelled, orange), `.name` is only in g2 (inserted, green),
        // g1's `item` edge to the bare node is deleted (red).
        #expect(output.contains(##""g1.3" [label="rel:KNOWS", fillcolor="#ffb74d"]"##), "\(output)")
        #expect(output.contains(##""g2.5" [label=".name", fillcolor="#81c784"]"##))
        #expect(output.contains(##"[label="item", color="#d32f2f""##))
        #expect(output.contains("style=dashed"))
    }

    @Test func gedRefusesAPictureOfManyPairs() throws {
        let (status, output) = try QuiverBinary.run(["ged", "--pairs", "x.jsonl", "--format", "dot"])
        #expect(status == 1 && output.contains("draws one pair"), "\(output)")
    }
}
