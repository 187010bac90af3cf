import PropertyGraph
import QuiverCore

/// Plans a MATCH pattern: picks each path's cheaper end to start from, orders the hops, and
/// places every WHERE conjunct right after the step that binds its last variable.
final class PatternCompiler {
    let compiler: ExpressionCompiler
    /// Equality conjuncts of WHERE moved into node checks (so scans can use an index), by slot.
    private var extraProperties: [Int: [(PropertyKeyRef, Expr)]] = [:]

    init(compiler: ExpressionCompiler) {
        self.compiler = compiler
    }

    var layout: Layout { compiler.layout }
    private var store: GraphStore { compiler.context.store }

    /// The matcher of a logical MATCH: its seeks become node checks, its predicates filter steps;
    /// path `i` is walked from its last node when `fromLastNode[i]` (the lowering's ``JoinOrder``).
    func compile(_ match: PatternMatch, fromLastNode: [Bool] = []) throws(QueryError) -> PatternMatcher {
        try compile(match.parts, conjuncts: match.predicates, seeks: match.seeks, fromLastNode: fromLastNode)
    }

    /// The matcher of a pattern written with `predicate` (MERGE), its seeks chosen as
    /// ``IndexSelectionPass`` chooses them for a MATCH.
    func compile(_ parts: [PatternPart], predicate: Expression?, optional: Bool, fromLastNode: [Bool] = [])
        throws(QueryError) -> PatternMatcher {
        let conjuncts = (predicate.map(Self.conjuncts) ?? []) + LogicalPlanner.inlinePredicates(parts)
        let names = LogicalPlanner.patternNames(parts).filter { layout.slot($0) == nil }
        let (seeks, rest) = IndexSelectionPass.seeks(conjuncts, parts: parts, introduced: Set(names))
        return try compile(parts, conjuncts: rest, seeks: seeks, fromLastNode: fromLastNode)
    }

    private func compile(_ parts: [PatternPart], conjuncts written: [Expression], seeks: [PropertySeek], fromLastNode: [Bool])
        throws(QueryError) -> PatternMatcher {
        let boundBefore = Set(layout.slotsSnapshot.values)
        var introduced: [Int] = []
        // Bind every named element first so property maps and the predicate can see them.
        var partSlots: [(path: Int?, nodes: [Int], relationships: [Int])] = []
        for part in parts {
            var nodes: [Int] = [], rels: [Int] = []
            for node in part.element.nodes { nodes.append(slot(for: node.variable?.name, &introduced)) }
            for rel in part.element.relationships { rels.append(slot(for: rel.variable?.name, &introduced)) }
            for name in part.element.groupVariableNames where !name.hasPrefix(" ") { _ = slot(for: name, &introduced) }
            let path = part.variable.map { slot(for: $0.name, &introduced) }
            partSlots.append((path, nodes, rels))
        }
        var conjuncts = written
        extraProperties = [:]
        for seek in seeks {
            guard let slot = layout.slot(seek.variable), let compiled = try? compiler.compile(seek.value) else {
                conjuncts.append(seek.conjunct)
                continue
            }
            extraProperties[slot, default: []].append((PropertyKeyRef(seek.key), compiled))
        }
        var steps: [MatchStep] = []
        var bound = boundBefore
        var boundAfterStep: [Set<Int>] = []
        func append(_ step: MatchStep, binding slots: [Int]) {
            steps.append(step)
            bound.formUnion(slots)
            boundAfterStep.append(bound)
        }
        for (index, part) in parts.enumerated() {
            let slots = partSlots[index]
            let element = part.element
            if part.selector != .all {
                try planShortest(part, slots, bound, append)
                continue
            }
            let nodes = element.nodes, rels = element.relationships
            var order = Array(nodes.indices)
            if walksFromLastNode(slots.nodes, bound, chosen: index < fromLastNode.count && fromLastNode[index]) {
                order.reverse()
            }
            let reversed = order.first != 0
            let first = order[0]
            let firstCheck = try nodeCheck(nodes[first], slot: slots.nodes[first])
            append(bound.contains(slots.nodes[first]) ? .check(firstCheck) : .scan(firstCheck), binding: [slots.nodes[first]])
            for k in 1..<max(1, order.count) where order.count > 1 {
                let fromIndex = order[k - 1], toIndex = order[k]
                let relIndex = min(fromIndex, toIndex)
                let pattern = rels[relIndex]
                let relSlot = slots.relationships[relIndex]
                let spec = try relationshipSpec(
                    pattern, slot: relSlot, bound: bound.contains(relSlot),
                    bindValue: pattern.variable != nil || slots.path != nil, flipped: reversed)
                let toSlot = slots.nodes[toIndex]
                let check = try nodeCheck(nodes[toIndex], slot: toSlot)
                let toBound = bound.contains(toSlot)
                if let quantified = element.steps[relIndex].quantified {
                    let repeated = try repeatTrail(quantified, from: slots.nodes[fromIndex], to: check, toBound: toBound,
                                                   listSlot: relSlot, reversed: reversed)
                    append(.repeatTrail(repeated), binding: [toSlot, relSlot] + repeated.groups.map(\.slot))
                } else if let length = pattern.length {
                    append(.expandVariable(from: slots.nodes[fromIndex], relationship: spec, to: check, toBound: toBound,
                                           minimum: Int(length.minimum ?? 1), maximum: Int(clamping: length.maximum ?? Int64(Int32.max)),
                                           reversed: reversed), binding: [toSlot, relSlot])
                } else {
                    append(.expand(from: slots.nodes[fromIndex], relationship: spec, to: check, toBound: toBound),
                           binding: [toSlot, relSlot])
                }
                if toBound && !check.labels.isEmpty || toBound && !check.properties.isEmpty {
                    append(.check(check), binding: [])
                }
            }
            if let pathSlot = slots.path {
                append(.path(slot: pathSlot, start: slots.nodes[0], relationships: slots.relationships), binding: [pathSlot])
            }
        }
        do {
            for conjunct in conjuncts {
                let needed = Set(conjunct.referencedNames.compactMap { layout.slot($0) })
                let filter = MatchStep.filter(try compiler.compile(conjunct))
                if let position = boundAfterStep.firstIndex(where: { needed.isSubset(of: $0) }) {
                    steps.insert(filter, at: position + 1)
                    boundAfterStep.insert(boundAfterStep[position], at: position + 1)
                } else {
                    steps.insert(filter, at: 0)
                    boundAfterStep.insert(boundBefore, at: 0)
                }
            }
        }
        return PatternMatcher(steps: PatternMatcher.pushingColumnFilters(steps), width: layout.width, introduced: introduced)
    }

    private func planShortest(
        _ part: PatternPart, _ slots: (path: Int?, nodes: [Int], relationships: [Int]), _ bound: Set<Int>,
        _ append: (MatchStep, [Int]) -> Void
    ) throws(QueryError) {
        let element = part.element
        var pattern = element.steps.first?.relationship
        var unpacking: GroupUnpacking?
        if let quantified = element.steps.first(where: { $0.quantified != nil })?.quantified {
            guard element.steps.count == 1, let single = quantified.singleRelationship else {
                throw QueryError(.semanticError, code: "UnsupportedFeature", phase: .compileTime,
                                 message: "SHORTEST and ANY support one relationship pattern, e.g. (a)-[:R]-+(b) or "
                                    + "((x)-[:R]->(y)){1,4}; a quantified path pattern with labels, properties or WHERE on "
                                    + "its nodes, an inner WHERE or several relationships is not supported there",
                                 location: quantified.range.start)
            }
            pattern = single
            unpacking = groupUnpacking(quantified, start: slots.nodes[0], listSlot: slots.relationships[0])
        }
        guard element.steps.count == 1, let pattern else {
            throw QueryError(.semanticError, code: "InvalidShortestPath", phase: .compileTime,
                             message: "shortestPath needs exactly one relationship pattern", location: part.range.start)
        }
        for (node, slot) in zip(element.nodes, slots.nodes) {
            let check = try nodeCheck(node, slot: slot)
            append(bound.contains(slot) ? .check(check) : .scan(check), [slot])
        }
        let spec = try relationshipSpec(pattern, slot: slots.relationships[0], bound: false,
                                        bindValue: pattern.variable != nil || unpacking != nil)
        let finder = ShortestPathFinder(
            startSlot: slots.nodes[0], endSlot: slots.nodes[1], relationship: spec,
            minimum: Int(pattern.length?.minimum ?? 1), maximum: Int(clamping: pattern.length?.maximum ?? Int64(Int32.max)),
            selection: .init(part), pathSlot: slots.path)
        append(.shortest(finder), [slots.relationships[0]] + (slots.path.map { [$0] } ?? []))
        if let unpacking { append(.unpackGroups(unpacking), unpacking.groups.map(\.slot)) }
    }

    func slot(for name: String?, _ introduced: inout [Int]) -> Int {
        guard let name else {
            let slot = layout.hidden()
            introduced.append(slot)
            return slot
        }
        if let existing = layout.slot(name) { return existing }
        let slot = layout.add(name)
        introduced.append(slot)
        return slot
    }

    /// Whether a path is walked from its last node: when only that end is bound, or when neither
    /// is and the lowering's estimates chose it.
    private func walksFromLastNode(_ nodes: [Int], _ bound: Set<Int>, chosen: Bool) -> Bool {
        guard !bound.contains(nodes[0]), nodes.count > 1 else { return false }
        return bound.contains(nodes[nodes.count - 1]) || chosen
    }

    func nodeCheck(_ node: NodePattern, slot: Int) throws(QueryError) -> NodeCheck {
        NodeCheck(slot: slot, labels: node.labels.map(LabelRef.init),
                  properties: try properties(node.properties) + (extraProperties[slot] ?? []))
    }

    /// The compiled relationship constraints; `flipped` when the pattern is walked right to left.
    func relationshipSpec(
        _ pattern: RelationshipPattern, slot: Int, bound: Bool, bindValue: Bool, flipped: Bool = false
    ) throws(QueryError) -> RelationshipSpec {
        let written: GraphStore.Direction = switch pattern.direction {
        case .outgoing: .outgoing
        case .incoming: .incoming
        case .both: .both
        }
        let direction = flipped ? Self.flip(written) : written
        return RelationshipSpec(slot: slot, bound: bound, bindValue: bindValue || bound, types: Self.unique(pattern.types).map(TypeRef.init),
                                direction: direction, properties: try properties(pattern.properties))
    }

    /// The `{key: value}` of a pattern element as compiled key/expression pairs.
    func properties(_ expression: Expression?) throws(QueryError) -> [(PropertyKeyRef, Expr)] {
        guard let expression else { return [] }
        switch expression.kind {
        case .map(let entries):
            var out: [(PropertyKeyRef, Expr)] = []
            for entry in entries { out.append((PropertyKeyRef(entry.key), try compiler.compile(entry.value))) }
            return out
        default:
            let value = try compiler.compile(expression).evaluateConstant()
            guard case .map(let map) = value else {
                throw QueryError(.typeError, code: "InvalidArgumentType", phase: .runtime,
                                 message: "pattern properties must be a map", location: expression.range.start)
            }
            return map.keys.sorted().map { (PropertyKeyRef($0), .constant(map[$0] ?? .null)) }
        }
    }

    /// `v.key = value` (either way round) where `v` is a node bound by this pattern and `value`
    /// mentions none of the pattern's new variables.
    static func propertyEquality(_ e: Expression, nodes: Set<String>, newNames: Set<String>) -> (String, String, Expression)? {
        guard case .binary(.equal, let a, let b) = e.kind else { return nil }
        for (lhs, rhs) in [(a, b), (b, a)] {
            guard case .property(let subject, let key) = lhs.kind, case .variable(let name) = subject.kind,
                nodes.contains(name), rhs.referencedNames.isDisjoint(with: newNames), !rhs.containsAggregate
            else { continue }
            if case .patternComprehension = rhs.kind { continue }
            return (name, key, rhs)
        }
        return nil
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    static func flip(_ direction: GraphStore.Direction) -> GraphStore.Direction {
        switch direction {
        case .outgoing: .incoming
        case .incoming: .outgoing
        case .both: .both
        }
    }

    /// The inline `WHERE`s of a path's relationship patterns, as conjuncts of the MATCH's WHERE.
    static func relationshipConditions(_ path: PathPattern) -> [Expression] {
        path.relationships.compactMap(\.predicate).flatMap(conjuncts)
    }

    /// The AND-separated parts of a predicate.
    static func conjuncts(_ e: Expression) -> [Expression] {
        if case .binary(.and, let a, let b) = e.kind { return conjuncts(a) + conjuncts(b) }
        return [e]
    }
}

extension Expr {
    /// The value of an expression that needs no row (literals and parameters).
    func evaluateConstant() throws(QueryError) -> Value {
        if case .constant(let v) = self { return v }
        return .null
    }
}
