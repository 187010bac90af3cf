import Foundation
import GraphDrawing
import QueryGraph
import QuiverCore
import Testing

/// Pictures of query results and edit scripts, and the two text renderers.
struct DrawingTests {
    let ann = Node(id: 1, labels: ["Person"], properties: ["name": "Ann", "age": 41])
    let bob = Node(id: 2, labels: ["Person"], properties: ["name": "Bob"])
    var knows: Relationship { Relationship(id: 7, type: "KNOWS", startID: 1, endID: 2, properties: [:]) }

    @Test func eachNodeAndRelationshipIsDrawnOnceWhereverItIsInTheRows() {
        let rows: [[Value]] = [
            [.node(ann), .relationship(knows), .node(bob)],
            [.list([.node(ann)]), .map(["p": .path(Path(nodes: [ann, bob], relationships: [knows]))])],
        ]
        let drawing = Drawing(rows: rows)
        #expect(drawing.nodes.map(\.id) == ["n1", "n2"])
        #expect(drawing.nodes.map(\.caption) == ["Ann", "Bob"])
        #expect(drawing.edges.count == 1 && drawing.edges[0].label == "KNOWS")
        #expect(drawing.nodes[0].details == ["name": "Ann", "age": "41"])
    }

    @Test func aRelationshipWithoutItsNodesGetsBareEndNodes() {
        let drawing = Drawing(rows: [[.relationship(knows)]])
        #expect(drawing.nodes.map(\.caption) == ["#1", "#2"])
        #expect(drawing.drawableEdges.count == 1)
    }

    @Test func theNodeLimitHoldsAndEdgesToDroppedNodesAreNotDrawn() {
        let nodes = (0..<50).map { Value.node(Node(id: $0, labels: ["N"], properties: [:])) }
        let edges = (0..<49).map { Value.relationship(Relationship(id: $0, type: "NEXT", startID: $0, endID: $0 + 1, properties: [:])) }
        let drawing = Drawing(rows: [nodes, edges], nodeLimit: 10)
        #expect(drawing.nodes.count == 10)
        #expect(drawing.drawableEdges.count == 9)
    }

    @Test func kindsKeepTheirColourAcrossDrawings() {
        let a = Drawing(rows: [[.node(ann)]]).nodes[0].color
        let b = Drawing(rows: [[.node(bob)]]).nodes[0].color
        #expect(a == b && DrawingPalette.kindColors.contains(a))
        #expect(DrawingPalette.color(kind: "Person", change: .deleted) != a)
    }

    @Test func dotQuotesEveryNameAndLabel() {
        var drawing = Drawing()
        drawing.add(Drawing.Node(id: "a\"b", caption: "say \"hi\"\\ now\nthen", kind: "K"))
        drawing.add(Drawing.Node(id: "c", caption: "c", kind: "K"))
        drawing.add(Drawing.Edge(from: "a\"b", to: "c", label: "R"))
        let dot = DOTRenderer.render(drawing)
        #expect(dot.contains(#""a\"b" [label="say \"hi\"\\ now\nthen""#))
        #expect(dot.contains(#""a\"b" -> "c" [label="R""#))
        #expect(dot.hasPrefix("digraph quiver {") && dot.hasSuffix("}\n"))
    }

    @Test func mermaidUsesPlainIdsAndEscapesQuotes() {
        var drawing = Drawing()
        drawing.add(Drawing.Node(id: "x y", caption: "a \"b\"", kind: "K"))
        drawing.add(Drawing.Node(id: "z", caption: "z", kind: "K"))
        drawing.add(Drawing.Edge(from: "x y", to: "z", label: "R"))
        let mermaid = MermaidRenderer.render(drawing)
        #expect(mermaid.contains(#"n0["a #quot;b#quot;"]"#))
        #expect(mermaid.contains(#"n0 -->|"R"| n1"#))
        #expect(mermaid.contains("linkStyle 0 stroke:"))
    }

    @Test func theEditScriptColoursBothGraphs() {
        let g1 = QueryGraph(nodes: ["Person", "Movie", "Genre"], edges: [.init(0, 1, "ACTED_IN"), .init(1, 2, "IN")])
        let g2 = QueryGraph(nodes: ["Person", "Film"], edges: [.init(0, 1, "ACTED_IN")])
        let result = GraphEditDistance().compute(g1, g2)
        let drawing = Drawing(from: g1, to: g2, mapping: result.mapping, titles: ("prediction", "gold"))
        let changes = Dictionary(uniqueKeysWithValues: drawing.nodes.map { ($0.id, $0.change) })
        #expect(changes["g1.0"] == .kept && changes["g1.1"] == .relabelled && changes["g1.2"] == .deleted)
        #expect(changes["g2.0"] == .kept && changes["g2.1"] == .relabelled)
        #expect(drawing.edges.filter(\.dashed).count == 2)
        #expect(drawing.edges.contains { $0.from == "g1.1" && $0.to == "g1.2" && $0.change == .deleted })
        let dot = DOTRenderer.render(drawing)
        #expect(dot.contains("subgraph cluster_0") && dot.contains(#"label="prediction""#))
    }

    @Test func theJSONFormatRoundTrips() throws {
        let drawing = Drawing(rows: [[.node(ann), .relationship(knows), .node(bob)]])
        let text = DrawingFormat.json.render(drawing)
        let again = try JSONDecoder().decode(Drawing.self, from: Data(text.utf8))
        #expect(again == drawing)
    }

    /// The DOT output is what Graphviz reads: `dot -Tsvg` turns it into a picture without a warning.
    @Test(.enabled(if: Graphviz.dot != nil, "skipped: Graphviz's dot is not installed (apt-get install graphviz)"))
    func dotOutputRendersWithGraphviz() throws {
        let g1 = QueryGraph(nodes: ["Person", "Movie"], edges: [.init(0, 1, "ACTED_IN")])
        let g2 = QueryGraph(nodes: ["Person", "Movie", "Person"], edges: [.init(0, 1, "ACTED_IN"), .init(2, 1, "DIRECTED")])
        let pictures = [
            Drawing(rows: [[.node(ann), .relationship(knows), .node(bob)], [.relationship(Relationship(id: 9, type: "ODD \"one\"", startID: 2, endID: 5, properties: [:]))]]),
            Drawing(from: g1, to: g2, mapping: GraphEditDistance().compute(g1, g2).mapping),
        ]
        for drawing in pictures {
            let (status, svg, errors) = try Graphviz.render(DOTRenderer.render(drawing))
            #expect(status == 0 && errors.isEmpty, "\(errors)")
            #expect(svg.contains("<svg") && svg.contains("</svg>"))
            for node in drawing.nodes { #expect(svg.contains(node.caption.replacingOccurrences(of: "\"", with: "&quot;"))) }
        }
    }
}

/// Graphviz's `dot`, when installed.
enum Graphviz {
    static let dot: String? = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `dot -Tsvg` of `source`: exit status, SVG text, stderr.
    static func render(_ source: String) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot ?? "dot")
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: svg, as: UTF8.self), String(decoding: messages, as: UTF8.self))
    }
}
