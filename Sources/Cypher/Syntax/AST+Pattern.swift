import QuiverCore

// Graph patterns: what MATCH, CREATE, MERGE, pattern predicates and pattern comprehensions share.
//
//   Pattern         part, part, …                          (MATCH (a)-->(b), (c))
//   PatternPart     [p =] [shortestPath(|allShortestPaths(] element [)]
//   PathPattern     node (relationship node)*               (a)-[r:T*1..3]->(b)<--(c)
//   NodePattern     ( [var] [:L:M] [{map} | $param] )
//   RelationshipPattern  <-[ [var] [:T|U] [*min..max] [{map} | $param] ]->

/// A comma-separated list of pattern parts, as in `MATCH (a)-->(b), (c)`.
public struct Pattern: Sendable, Hashable {
    /// The parts, in source order.
    public var parts: [PatternPart]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(parts: [PatternPart], range: SourceRange) {
        self.parts = parts
        self.range = range
    }
}

/// One path of a pattern, optionally named (`p = …`) and optionally a shortest-path search.
public struct PatternPart: Sendable, Hashable {
    /// How the path is matched.
    public enum Selector: Sendable, Hashable {
        /// Every path matching the element.
        case all
        /// `shortestPath(…)`, `SHORTEST k`, `ANY`: the ``PatternPart/count`` shortest paths per pair of end nodes.
        case shortestPath
        /// `allShortestPaths(…)`, `ALL SHORTEST`, `SHORTEST k GROUPS`: every path of the ``PatternPart/count``
        /// shortest lengths per pair of end nodes.
        case allShortestPaths
    }
    /// The path variable of `p = (…)`, if any.
    public var variable: Variable?
    /// Whether all paths or only shortest paths match.
    public var selector: Selector
    /// With a shortest selector, how many paths (`SHORTEST k`) or lengths (`SHORTEST k GROUPS`) per
    /// pair of end nodes; 1 for `shortestPath`, `allShortestPaths`, `ANY` and `ALL SHORTEST`.
    public var count: Int = 1
    /// The chain of nodes and relationships.
    public var element: PathPattern
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(variable: Variable?, selector: Selector = .all, element: PathPattern, range: SourceRange) {
        self.variable = variable
        self.selector = selector
        self.element = element
        self.range = range
    }
}

/// A chain `node (relationship node)*`; `steps` is empty for a single node.
public struct PathPattern: Sendable, Hashable {
    /// The first node of the chain.
    public var start: NodePattern
    /// The hops after the start node, in order.
    public var steps: [PatternStep]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(start: NodePattern, steps: [PatternStep], range: SourceRange) {
        self.start = start
        self.steps = steps
        self.range = range
    }

    /// Every node pattern in order: `start`, then each step's node.
    public var nodes: [NodePattern] { [start] + steps.map(\.node) }
    /// Every relationship pattern in order.
    public var relationships: [RelationshipPattern] { steps.map(\.relationship) }
}

/// One hop of a path pattern: a relationship and the node it leads to.
public struct PatternStep: Sendable, Hashable {
    /// The relationship of the hop; for a quantified path pattern, an anonymous placeholder whose
    /// slot holds every relationship the repetitions walk, in written order.
    public var relationship: RelationshipPattern
    /// The node the hop leads to.
    public var node: NodePattern
    /// The quantified path pattern `((a)-[r]->(b) WHERE …){m,n}` this hop repeats, if it is one.
    ///
    /// ```swift
    /// // MATCH (x) ((a)-->(b)){1,3} (y): one step, quantified, from x to y
    /// ```
    public var quantified: QuantifiedPath?

    /// Creates the value from its parts.
    public init(relationship: RelationshipPattern, node: NodePattern, quantified: QuantifiedPath? = nil) {
        self.relationship = relationship
        self.node = node
        self.quantified = quantified
    }
}

/// A quantified path pattern `((a)-[r:R]->(b) WHERE r.w > a.w){1,3}`: a fixed path repeated a number
/// of times, the last node of one repetition the first of the next.
///
/// Its variables are singletons inside (`pattern`, `predicate`) and lists of every repetition's
/// values after it (group variables).
///
/// ```swift
/// let query = try CypherParser.parse("MATCH (x) ((a)-[:R]->(b)){1,3} (y) RETURN a")
/// ```
public struct QuantifiedPath: Sendable, Hashable {
    /// The repeated path: at least one relationship, none of variable length.
    public var pattern: PathPattern
    /// The `WHERE` written inside the parentheses, checked on every repetition.
    public var predicate: Expression?
    /// How many repetitions: `{m,n}`, `{n}`, `+`, `*`, `{m,}`, `{,n}`.
    public var quantifier: PathLength
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(pattern: PathPattern, predicate: Expression?, quantifier: PathLength, range: SourceRange) {
        self.pattern = pattern
        self.predicate = predicate
        self.quantifier = quantifier
        self.range = range
    }

    /// The variables the pattern declares, nodes and relationships, each once, in written order.
    ///
    /// ```swift
    /// // ((a)-[r]->(b)){2}: [("a", true), ("r", false), ("b", true)]
    /// ```
    public var variables: [(name: String, isNode: Bool)] {
        var out: [(name: String, isNode: Bool)] = []
        func add(_ name: String?, _ isNode: Bool) {
            guard let name, !out.contains(where: { $0.name == name }) else { return }
            out.append((name, isNode))
        }
        add(pattern.start.variable?.name, true)
        for step in pattern.steps {
            add(step.relationship.variable?.name, false)
            add(step.node.variable?.name, true)
        }
        return out
    }
}

/// `(variable:Label:Other {key: value})`; every part optional.
public struct NodePattern: Sendable, Hashable {
    /// The variable the node binds or refers to, if any.
    public var variable: Variable?
    /// Labels the node must all have (conjunction), in source order.
    public var labels: [String]
    /// A map literal (`.map`) or a parameter (`.parameter`), or `nil`.
    public var properties: Expression?
    /// What else the node must satisfy: a label expression beyond a conjunction (`:A|B`, `:!A`)
    /// and an inline `WHERE`, as a predicate on ``variable`` (a node written without a variable
    /// gets a hidden one whose name starts with a space).
    public var predicate: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(variable: Variable?, labels: [String], properties: Expression?, predicate: Expression? = nil,
                range: SourceRange) {
        self.variable = variable
        self.labels = labels
        self.properties = properties
        self.predicate = predicate
        self.range = range
    }
}

/// `-[variable:T|U*1..3 {key: value}]->` and its shorthand forms (`-->`, `<--`, `--`).
public struct RelationshipPattern: Sendable, Hashable {
    /// The direction relative to the left node as written.
    public enum Direction: Sendable, Hashable {
        /// `-[]->`: from the left node to the right node.
        case outgoing
        /// `<-[]-`: from the right node to the left node.
        case incoming
        /// `-[]-` (or `<-[]->`): either direction.
        case both
    }
    /// The variable the node binds or refers to, if any.
    public var variable: Variable?
    /// Allowed types (disjunction, `:A|B`); empty means any type.
    public var types: [String]
    /// The direction as written.
    public var direction: Direction
    /// The hop range for a variable-length relationship, or `nil` for exactly one hop.
    public var length: PathLength?
    /// A map literal (`.map`) or a parameter (`.parameter`), or `nil`.
    public var properties: Expression?
    /// The inline `WHERE` of `-[r WHERE r.x > 1]->`, as a predicate on ``variable`` (a relationship
    /// written without a variable gets a hidden one whose name starts with a space); for a
    /// variable-length relationship it holds for every relationship of the list (`all(r IN r WHERE …)`).
    public var predicate: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(
        variable: Variable?, types: [String], direction: Direction, length: PathLength?,
        properties: Expression?, predicate: Expression? = nil, range: SourceRange
    ) {
        self.variable = variable
        self.types = types
        self.direction = direction
        self.length = length
        self.properties = properties
        self.predicate = predicate
        self.range = range
    }
}

/// The `*…` of a variable-length relationship; `nil` bounds are open.
///
/// `*` → (nil, nil) · `*2` → (2, 2) · `*1..3` → (1, 3) · `*..3` → (nil, 3) · `*2..` → (2, nil).
/// openCypher reads an open lower bound as 1 and an open upper bound as unbounded.
public struct PathLength: Sendable, Hashable {
    /// The lower bound, or `nil` when open.
    public var minimum: Int64?
    /// The upper bound, or `nil` when open.
    public var maximum: Int64?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(minimum: Int64?, maximum: Int64?, range: SourceRange) {
        self.minimum = minimum
        self.maximum = maximum
        self.range = range
    }
}
