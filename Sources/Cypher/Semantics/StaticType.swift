/// What the analyser knows of an expression's type at compile time; `.any` when it cannot tell.
indirect enum StaticType: Hashable, Sendable {
    /// The `any` case.
    case any, null, boolean, integer, float, string, map, node, relationship, path
    /// The `list` case.
    case list(StaticType)

    /// The variable kind a binding of this type has.
    var variableKind: VariableKind {
        switch self {
        case .node: .node
        case .relationship: .relationship
        case .list(.relationship): .relationshipList
        case .path: .path
        default: .value
        }
    }

    /// Whether the type is known and is not a boolean (nor null).
    var isKnownNonBoolean: Bool {
        switch self {
        case .any, .null, .boolean: false
        default: true
        }
    }

    var isList: Bool { if case .list = self { true } else { false } }

    /// The least type covering both.
    func union(_ other: StaticType) -> StaticType {
        if self == other { return self }
        if self == .null { return other }
        if other == .null { return self }
        if case .list(let a) = self, case .list(let b) = other { return .list(a.union(b)) }
        return .any
    }

    var name: String {
        switch self {
        case .list(let element): "List<\(element.name)>"
        default: "\(self)".capitalized
        }
    }
}
