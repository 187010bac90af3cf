import PropertyGraph
import QuiverCore

/// Breadth-first search for `shortestPath` / `allShortestPaths` between two bound nodes, and the
/// search by increasing length of `SHORTEST k` / `SHORTEST k GROUPS` (``KShortestTrails``).
final class ShortestPathFinder {
    /// Which shortest paths a search keeps per pair of end nodes.
    enum Selection: Equatable {
        /// One shortest path (`shortestPath`, `SHORTEST 1`, `ANY`).
        case one
        /// Every shortest path (`allShortestPaths`, `ALL SHORTEST`, `SHORTEST 1 GROUPS`).
        case allShortest
        /// The k shortest trails, ties cut arbitrarily (`SHORTEST k`).
        case paths(Int)
        /// Every trail of the k shortest lengths that have one (`SHORTEST k GROUPS`).
        case groups(Int)

        /// The selection a pattern part's selector and count ask for.
        init(_ part: PatternPart) {
            switch (part.selector, part.count) {
            case (.allShortestPaths, 1): self = .allShortest
            case (.allShortestPaths, let k): self = .groups(k)
            case (_, 1): self = .one
            case (_, let k): self = .paths(k)
            }
        }
    }

    let startSlot: Int
    let endSlot: Int
    let relationship: RelationshipSpec
    let minimum: Int
    let maximum: Int
    let selection: Selection
    let pathSlot: Int?
    private var all: Bool { selection == .allShortest }

    init(startSlot: Int, endSlot: Int, relationship: RelationshipSpec, minimum: Int, maximum: Int, selection: Selection,
         pathSlot: Int?) {
        self.startSlot = startSlot
        self.endSlot = endSlot
        self.relationship = relationship
        self.minimum = minimum
        self.maximum = maximum
        self.selection = selection
        self.pathSlot = pathSlot
    }

    /// The expression form `shortestPath((a)-[*]-(b))`: both end nodes must be bound variables.
    convenience init(part: PatternPart, compiler: ExpressionCompiler, bindsVariables: Bool) throws(QueryError) {
        let element = part.element
        guard element.steps.count == 1, let startName = element.start.variable?.name,
            let endName = element.steps[0].node.variable?.name,
            let startSlot = compiler.layout.slot(startName), let endSlot = compiler.layout.slot(endName)
        else {
            throw QueryError(.semanticError, code: "InvalidShortestPath", phase: .compileTime,
                             message: "shortestPath needs one relationship between two bound nodes",
                             location: part.range.start)
        }
        let pattern = element.steps[0].relationship
        let spec = try PatternCompiler(compiler: compiler).relationshipSpec(pattern, slot: compiler.layout.hidden(), bound: false, bindValue: true)
        self.init(startSlot: startSlot, endSlot: endSlot, relationship: spec,
                  minimum: Int(pattern.length?.minimum ?? 1), maximum: Int(pattern.length?.maximum ?? Int64(Int32.max)),
                  selection: Selection(part), pathSlot: nil)
    }

    /// The expression value: the shortest path, or null.
    func evaluate(_ row: [Value], _ context: ExecutionContext) throws(QueryError) -> Value {
        guard let path = try paths(row, context).first else { return .null }
        return .path(path)
    }

    /// Binds the path variable and the relationship-list variable of a MATCH pattern.
    func bind(_ path: Path, into row: inout [Value], _ context: ExecutionContext) {
        if let pathSlot { row[pathSlot] = .path(path) }
        if relationship.bindValue { row[relationship.slot] = .list(path.relationships.map(Value.relationship)) }
    }

    /// Every shortest path (or the first one) between the bound end nodes.
    func paths(_ row: [Value], _ context: ExecutionContext) throws(QueryError) -> [Path] {
        guard case .node(let a) = row[startSlot], case .node(let b) = row[endSlot] else { return [] }
        switch selection {
        case .paths(let k):
            var search = KShortestTrails(self, row, context)
            return try search.search(from: a, to: b.id, count: k, groups: false)
        case .groups(let k):
            var search = KShortestTrails(self, row, context)
            return try search.search(from: a, to: b.id, count: k, groups: true)
        case .one, .allShortest: break
        }
        let store = context.store
        if a.id == b.id {
            return minimum == 0 ? [Path(nodes: [a], relationships: [])] : []
        }
        var parents: [Int: [(relationship: Int, from: Int)]] = [a.id: []]
        var frontier = [a.id]
        var depth = 0
        var failure: QueryError?
        let held = context.memory.track("a shortest-path search")
        defer { held.release() }
        while !frontier.isEmpty, parents[b.id] == nil, depth < maximum {
            depth += 1
            var next: [Int: [(relationship: Int, from: Int)]] = [:]
            var order: [Int] = []
            for node in frontier {
                try context.tick()
                forEach(node, store) { rel, neighbor in
                    if failure != nil || parents[neighbor] != nil { return }
                    do throws(QueryError) {
                        guard try passes(rel, row, context) else { return }
                    } catch {
                        failure = error
                        return
                    }
                    if next[neighbor] == nil { order.append(neighbor) }
                    next[neighbor, default: []].append((rel, node))
                }
            }
            if let failure { throw failure }
            for (node, links) in next { parents[node] = links }
            frontier = order
            try held.resize(to: parents.count * 96 + frontier.count * 8)
        }
        guard parents[b.id] != nil, depth >= minimum else { return [] }
        return try unwind(from: b.id, to: a, parents, context, held)
    }

    /// The paths from `a` to `end` through the BFS parents, shortest first; all of them or the
    /// first, walked with an explicit stack (a shortest path can be thousands of hops long).
    private func unwind(
        from end: Int, to a: Node, _ parents: [Int: [(relationship: Int, from: Int)]], _ context: ExecutionContext,
        _ held: MemoryReservation
    ) throws(QueryError) -> [Path] {
        var results: [Path] = []
        // Each frame: a node on the way back, and which of its parent links to follow next.
        var stack: [(node: Int, next: Int)] = [(end, 0)]
        var relStack: [Int] = []
        while let top = stack.last {
            try context.tick()
            if top.node == a.id {
                var nodes = [a]
                var rels: [Relationship] = []
                var current = a.id
                for rel in relStack.reversed() {
                    let r = context.relationshipRef(rel)
                    current = r.startID == current ? r.endID : r.startID
                    rels.append(r)
                    nodes.append(Node(id: current, labels: [], properties: [:]))
                }
                results.append(Path(nodes: nodes, relationships: rels))
                try held.grow(by: 64 + rels.count * 160)
                if !all { return results }
                stack.removeLast()
                if !relStack.isEmpty { relStack.removeLast() }
                continue
            }
            let links = parents[top.node] ?? []
            guard top.next < links.count else {
                stack.removeLast()
                if !relStack.isEmpty { relStack.removeLast() }
                continue
            }
            stack[stack.count - 1].next += 1
            relStack.append(links[top.next].relationship)
            stack.append((links[top.next].from, 0))
        }
        return results
    }

    /// Calls `body(relationship, neighbour)` for every relationship of the pattern's types and direction at `node`.
    func forEach(_ node: Int, _ store: GraphStore, _ body: (Int, Int) -> Void) {
        relationship.forEachNeighbor(of: node, in: store, body)
    }

    /// Whether relationship `rel` has the pattern's properties.
    func passes(_ rel: Int, _ row: [Value], _ context: ExecutionContext) throws(QueryError) -> Bool {
        for (key, expected) in relationship.properties {
            guard let id = key.resolve(in: context.store) else { return false }
            guard context.store.relationshipProperty(rel, id).cypherEquals(try expected.evaluate(row, context)) == true
            else { return false }
        }
        return true
    }
}
