/// The operands of a chain of one binary operator, left to right, found without recursion: a
/// chain `a + b + … + z` is a tree as deep as it is long.
///
/// ```swift
/// let terms = OperandChain.operands(of: e) { e in
///     if case .binary(.add, let l, let r) = e.kind { return (l, r) } else { return nil }
/// }
/// ```
enum OperandChain {
    /// The leaves of `root` under `split`, which gives a node's two operands when the node
    /// belongs to the chain and nil when it is an operand itself.
    static func operands<Node>(of root: Node, split: (Node) -> (left: Node, right: Node)?) -> [Node] {
        var operands: [Node] = []
        var pending = [root]
        while let next = pending.popLast() {
            if let (left, right) = split(next) {
                pending.append(right)
                pending.append(left)
            } else {
                operands.append(next)
            }
        }
        return operands
    }
}
