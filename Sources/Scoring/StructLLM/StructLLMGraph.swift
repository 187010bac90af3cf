import Foundation
import QueryGraph

/// STRuCT-LLM's regex construction of a graph from Cypher text (`build_graph` in
/// `bouv/STRuCT-LLM` `training/unsloth_training/rewards.py`), reproduced for comparison with the
/// paper (arXiv 2506.21575). Quiver's own construction parses the query instead.
///
/// Three regexes run over the whole (already upper-cased) text, each match after the previous one
/// (non-overlapping, as Python's `re.findall`):
/// - node `\((\w+)(?::(\w+))?(?:\{[^}]*\})?\)`: node id = variable, label = the single label;
/// - directed `(…)-[var:TYPE {…}]->(…)`: an edge source→target with the type (or none);
/// - undirected `(…)-[…]-(…)`: edges both ways.
/// Nodes are kept in first-seen order; an edge on an ordered pair that already has one replaces its
/// type (a networkx `DiGraph`). So `<-` arrows, anonymous nodes, a space before `{`, every hop after
/// the first of a chain, `*1..3`, multiple labels and backticks are lost, WHERE/RETURN and values
/// are ignored, and `count(r)` becomes a node `R`. A missing label or type is the empty string.
///
/// ```swift
/// let g = StructLLMGraph.build("MATCH (P:PERSON)-[:ACTED_IN]->(M:MOVIE) RETURN P")
/// // nodes ["PERSON", "MOVIE"], edges [0 -> 1 "ACTED_IN"]
/// ```
public enum StructLLMGraph {
    private static let nodePart = #"\((\w+)(?::(\w+))?(?:\{[^}]*\})?\)"#
    private static let relationshipPart = #"-\[(\w+)?(?::(\w+))?(?:\{[^}]*\})?\]"#
    // Constant patterns that compile; the tests would catch a typo (nil regex = no matches).
    private static let node = try? NSRegularExpression(pattern: nodePart)
    private static let directed = try? NSRegularExpression(pattern: nodePart + relationshipPart + "->" + nodePart)
    private static let undirected = try? NSRegularExpression(pattern: nodePart + relationshipPart + "-" + nodePart)

    /// The graph STRuCT-LLM builds from `cypher` (pass it upper-cased, as STRuCT-LLM does).
    public static func build(_ cypher: String) -> QueryGraph {
        var ids: [String: Int] = [:]
        var labels: [String] = []
        var edgeOrder: [[Int]] = []
        var edgeType: [[Int]: String] = [:]
        func nodeID(_ name: String) -> Int {
            if let id = ids[name] { return id }
            ids[name] = labels.count
            labels.append("")
            return labels.count - 1
        }
        func addEdge(_ s: Int, _ t: Int, _ type: String) {
            if edgeType[[s, t]] == nil { edgeOrder.append([s, t]) }
            edgeType[[s, t]] = type
        }
        for groups in matches(node, in: cypher) {
            let id = nodeID(groups[0])
            if !groups[1].isEmpty { labels[id] = groups[1] }
        }
        for groups in matches(directed, in: cypher) {
            addEdge(nodeID(groups[0]), nodeID(groups[4]), groups[3])
        }
        for groups in matches(undirected, in: cypher) {
            let s = nodeID(groups[0]), t = nodeID(groups[4])
            addEdge(s, t, groups[3])
            addEdge(t, s, groups[3])
        }
        var graph = QueryGraph(nodes: labels)
        for pair in edgeOrder { graph.addEdge(pair[0], pair[1], edgeType[pair] ?? "") }
        return graph
    }

    /// Every non-overlapping match's capture groups; a group that did not take part is "" (as in `re.findall`).
    private static func matches(_ regex: NSRegularExpression?, in text: String) -> [[String]] {
        guard let regex else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (1..<match.numberOfRanges).map { k in
                let r = match.range(at: k)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
        }
    }
}
