/// The unit prices of graph edit operations.
///
/// Substituting a node or edge costs 0 when the labels are equal and `nodeRelabel` / `edgeRelabel`
/// otherwise. The default is networkx's unit-cost convention used by STRuCT-LLM: every insertion,
/// deletion and relabelling costs 1.
///
/// ```swift
/// let costs = EditCosts(nodeRelabel: 0.5)   // relabelling is cheaper than delete + insert
/// ```
public struct EditCosts: Hashable, Sendable {
    /// Cost of inserting a node.
    public var nodeInsertion: Double
    /// Cost of deleting a node.
    public var nodeDeletion: Double
    /// Cost of substituting a node by one with a different label.
    public var nodeRelabel: Double
    /// Cost of inserting an edge.
    public var edgeInsertion: Double
    /// Cost of deleting an edge.
    public var edgeDeletion: Double
    /// Cost of substituting an edge by one with a different label.
    public var edgeRelabel: Double

    /// Costs with every operation priced individually (all default to 1).
    public init(
        nodeInsertion: Double = 1, nodeDeletion: Double = 1, nodeRelabel: Double = 1,
        edgeInsertion: Double = 1, edgeDeletion: Double = 1, edgeRelabel: Double = 1
    ) {
        self.nodeInsertion = nodeInsertion
        self.nodeDeletion = nodeDeletion
        self.nodeRelabel = nodeRelabel
        self.edgeInsertion = edgeInsertion
        self.edgeDeletion = edgeDeletion
        self.edgeRelabel = edgeRelabel
    }

    /// Unit costs: every insertion, deletion and relabelling costs 1.
    public static let unit = EditCosts()

    /// Whether swapping the two graphs leaves every distance unchanged.
    public var isSymmetric: Bool { nodeInsertion == nodeDeletion && edgeInsertion == edgeDeletion }

    /// The same prices with insertion and deletion swapped, for the distance from g2 to g1.
    public var reversed: EditCosts {
        EditCosts(
            nodeInsertion: nodeDeletion, nodeDeletion: nodeInsertion, nodeRelabel: nodeRelabel,
            edgeInsertion: edgeDeletion, edgeDeletion: edgeInsertion, edgeRelabel: edgeRelabel)
    }
}
