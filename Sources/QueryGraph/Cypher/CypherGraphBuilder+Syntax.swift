import Cypher
import QuiverCore

/// Reading the syntax tree: conjuncts, operand chains, constants and case names.
extension CypherGraphBuilder {
    static func conjuncts(_ e: Expression) -> [Expression] {
        flatten(.and, e)
    }

    static func constantText(_ e: Expression) -> String? {
        switch e.kind {
        case .literal(let literal): return literalText(literal)
        case .parameter(let name): return "$" + name
        default: return nil
        }
    }

    static func literalText(_ literal: Literal) -> String {
        switch literal {
        case .null: return Value.null.description
        case .boolean(let b): return Value.bool(b).description
        case .integer(let i): return Value.int(i).description
        case .float(let d): return Value.float(d).description
        case .string(let s): return Value.string(s).description
        }
    }

    /// The operands of a chain of `op`, left to right.
    static func flatten(_ op: BinaryOperator, _ e: Expression) -> [Expression] {
        OperandChain.operands(of: e) { e in
            if case .binary(let inner, let l, let r) = e.kind, inner == op { return (l, r) }
            return nil
        }
    }

    /// The name of an expression's case, e.g. `caseExpression`.
    static func caseName(_ kind: Expression.Kind) -> String {
        Mirror(reflecting: kind).children.first?.label ?? "\(kind)"
    }
}
