import Cypher
import QuiverCore
import SQL

extension QueryCompiler {
    /// The conjuncts of the MATCH's WHERE that read only `variable` (its properties and labels),
    /// literals and parameters: they may also filter a walk's start nodes, so a recursive CTE does
    /// not walk from nodes the WHERE drops anyway. The WHERE itself still applies them afterwards.
    ///
    /// `WHERE a.id < 100` in `MATCH (a)-[:R*1..3]->(b) WHERE a.id < 100` seeds only those `a`.
    func seedConjuncts(of predicate: Cypher.Expression?, reading variable: String) -> [Cypher.Expression] {
        guard let predicate else { return [] }
        return Self.conjuncts(predicate).filter { Self.readsOnly(variable, $0, depth: 0) }
    }

    static func conjuncts(_ expression: Cypher.Expression) -> [Cypher.Expression] {
        var out: [Cypher.Expression] = []
        var pending = [expression]
        while let next = pending.popLast() {
            if case .binary(.and, let left, let right) = next.kind {
                pending.append(right)
                pending.append(left)
            } else {
                out.append(next)
            }
        }
        return out
    }

    /// Whether `expression` is built only from `variable`, its properties and labels, literals,
    /// parameters, operators and scalar functions (nothing that reads another row or the graph).
    static func readsOnly(_ variable: String, _ expression: Cypher.Expression, depth: Int) -> Bool {
        guard depth < NestingLimit.depth else { return false }
        let next = depth + 1
        switch expression.kind {
        case .literal, .parameter: return true
        case .variable(let name): return name == variable
        case .property(let subject, _), .hasLabels(let subject, _): return readsOnly(variable, subject, depth: next)
        case .unary(_, let operand), .isNull(let operand, _): return readsOnly(variable, operand, depth: next)
        case .binary(_, let left, let right):
            return readsOnly(variable, left, depth: next) && readsOnly(variable, right, depth: next)
        case .list(let items): return items.allSatisfy { readsOnly(variable, $0, depth: next) }
        case .functionCall(let call):
            let name = call.lookupName
            guard !CypherValueRuntime.isAggregate(name), !temporalFunctions.contains(name),
                !["rand", "exists", "labels", "type", "startnode", "endnode", "keys", "properties", "id"].contains(name)
            else { return false }
            return call.arguments.allSatisfy { readsOnly(variable, $0, depth: next) }
        default: return false
        }
    }
}
