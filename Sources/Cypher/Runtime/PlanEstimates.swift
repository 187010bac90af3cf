import Foundation
import PropertyGraph
import QuiverCore

/// Row estimates for EXPLAIN from the graph's counts: label sizes, relationship counts per type
/// and their average degrees, with fixed selectivities where the counts say nothing (a filter keeps
/// 30 %, a property equality 10 %, an UNWIND of an unknown list gives 10 rows). Like any planner's,
/// they are guesses; PROFILE gives the real rows beside them.
enum PlanEstimates {
    static let filterSelectivity = 0.3
    static let propertySelectivity = 0.1
    static let unknownListSize = 10.0
    /// Variable-length hops are summed over at most this many lengths past the minimum.
    static let lengthsSummed = 6

    /// The rows `op` produces when `input` rows come in.
    static func rows(of op: Operator, input: Double, _ store: GraphStore) -> Double {
        let estimate: Double
        switch op {
        case let match as MatchOperator:
            estimate = match.bypass ? input : input * factor(of: match.matcher, store)
        case let unwind as UnwindOperator:
            if case .constant(.list(let items)) = unwind.expression { estimate = input * Double(items.count) } else {
                estimate = input * unknownListSize
            }
        case is FilterOperator:
            estimate = input * filterSelectivity
        case is ReachableCountOperator:
            estimate = 1
        case let aggregate as AggregateOperator where aggregate.keys.isEmpty:
            estimate = 1
        case is AggregateOperator, is GroupedCountOperator:
            // Grouped: about the square root of the input.
            estimate = max(1, input.squareRoot())
        case is DistinctOperator:
            estimate = max(1, input * 0.5)
        case let sort as SortOperator:
            estimate = sort.keep.map { min(input, Double($0)) } ?? input
        case let limit as SkipLimitOperator:
            let after = max(0, input - Double(limit.skip))
            estimate = limit.limit.map { min(after, Double($0)) } ?? after
        default:
            estimate = input
        }
        return estimate.isFinite ? min(estimate, 1e18) : 1e18
    }

    /// How many rows a pattern gives per input row.
    static func factor(of matcher: PatternMatcher, _ store: GraphStore) -> Double {
        let nodes = Double(max(1, store.nodeCount))
        var rows = 1.0
        for step in matcher.steps {
            switch step {
            case .scan(let check):
                rows *= labelled(check, store) * pow(propertySelectivity, Double(check.properties.count))
            case .check(let check):
                rows *= labelled(check, store) / nodes
            case .expand(_, let relationship, let to, let toBound):
                rows *= degree(relationship, store) * (toBound ? 1 / nodes : labelled(to, store) / nodes)
                rows *= pow(propertySelectivity, Double(relationship.properties.count + to.properties.count))
            case .expandVariable(_, let relationship, let to, let toBound, let minimum, let maximum, _):
                let d = degree(relationship, store)
                var paths = 0.0
                let top = min(maximum, minimum + lengthsSummed)
                if minimum <= top { for length in minimum...top { paths += pow(d, Double(length)) } }
                rows *= paths * (toBound ? 1 / nodes : labelled(to, store) / nodes)
            case .filter, .columnFilter:
                rows *= filterSelectivity
            case .countExpand, .countTrails, .path, .shortest, .repeatTrail, .unpackGroups:
                continue
            }
        }
        return rows
    }

    /// The nodes a check admits by its labels (the smallest label), before properties.
    private static func labelled(_ check: NodeCheck, _ store: GraphStore) -> Double {
        var count = store.nodeCount
        for label in check.labels {
            guard let id = label.resolve(in: store) else { return 0 }
            count = min(count, store.nodeCount(label: id))
        }
        return Double(count)
    }

    /// Relationships per node along `relationship`'s types and direction.
    private static func degree(_ relationship: RelationshipSpec, _ store: GraphStore) -> Double {
        let nodes = Double(max(1, store.nodeCount))
        var count = 0
        if relationship.types.isEmpty {
            count = store.relationshipCount
        } else {
            for type in relationship.types { if let id = type.resolve(in: store) { count += store.relationshipCount(type: id) } }
        }
        return Double(count) / nodes * (relationship.direction == .both ? 2 : 1)
    }
}
