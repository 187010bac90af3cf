// How declared procedure types meet the analyser's compile-time types.

extension CypherType {
    /// Whether an expression of compile-time type `type` may be passed where this type is declared;
    /// an unknown type (`.any`) is left to the run-time check.
    func accepts(_ type: StaticType) -> Bool {
        switch (kind, type) {
        case (_, .null): return isNullable
        case (.any, _), (_, .any): return true
        case (.integer, .integer), (.float, .integer), (.float, .float), (.number, .integer), (.number, .float),
             (.boolean, .boolean), (.string, .string), (.map, .map), (.node, .node), (.relationship, .relationship),
             (.path, .path):
            return true
        case (.list(let declared), .list(let element)): return declared.accepts(element)
        default: return false
        }
    }

    /// What the analyser knows of a value of this type, for the variable a YIELD binds.
    var staticType: StaticType {
        switch kind {
        case .boolean: .boolean
        case .integer: .integer
        case .float: .float
        case .string: .string
        case .map: .map
        case .node: .node
        case .relationship: .relationship
        case .path: .path
        case .list(let element): .list(element.staticType)
        default: .any
        }
    }
}
