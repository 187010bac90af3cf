/// The value type of a typed CSV property column (`age:int`, `score:float`, `tags:string[]`).
enum CSVValueType: Sendable, Equatable {
    case int, float, bool, string

    /// The name used in messages.
    var displayName: String {
        switch self {
        case .int: "integer"
        case .float: "float"
        case .bool: "boolean (true or false)"
        case .string: "string"
        }
    }

    /// Neo4j admin-import type names, folded into Quiver's four scalar kinds.
    init?(name: String) {
        switch name.lowercased() {
        case "int", "long", "short", "byte": self = .int
        case "float", "double": self = .float
        case "boolean", "bool": self = .bool
        case "string", "char": self = .string
        default: return nil
        }
    }
}

/// What one CSV column means, from its header (Neo4j admin-import conventions).
enum CSVColumn: Sendable, Equatable {
    /// `:ID` or `name:ID(Group)`: the node's import id; `property` also stores it as a string.
    case id(group: String, property: String?)
    case label
    case startID(group: String)
    case endID(group: String)
    case type
    case ignore
    case property(name: String, type: CSVValueType, isArray: Bool)

    /// The property this column stores, if any.
    var propertyName: String? {
        switch self {
        case .property(let name, _, _): name
        case .id(_, let property): property
        default: nil
        }
    }

    static let typeList = "int, long, short, byte, float, double, boolean, string, char (add [] for arrays)"

    /// Parses a header cell such as `age:int`, `:ID(Users)`, `:LABEL` or `name`.
    static func parse(_ header: String, file: String) throws -> CSVColumn {
        let colon = header.lastIndex(of: ":")
        let name = colon.map { String(header[..<$0]) } ?? header
        let spec = colon.map { String(header[header.index(after: $0)...]) } ?? ""
        guard colon != nil else {
            guard !header.isEmpty else { throw failure(file, "a header cell is empty; name every column (e.g. `name` or `age:int`)") }
            return .property(name: header, type: .string, isArray: false)
        }
        var keyword = spec
        var group = ""
        if let open = spec.firstIndex(of: "("), spec.hasSuffix(")") {
            keyword = String(spec[..<open])
            group = String(spec[spec.index(after: open)..<spec.index(before: spec.endIndex)])
        }
        switch keyword.uppercased() {
        case "ID": return .id(group: group, property: name.isEmpty ? nil : name)
        case "LABEL": return .label
        case "START_ID": return .startID(group: group)
        case "END_ID": return .endID(group: group)
        case "TYPE": return .type
        case "IGNORE": return .ignore
        default: break
        }
        guard !name.isEmpty else {
            throw failure(file, "header `\(header)` has no property name; write `name:\(spec)` or one of :ID, :LABEL, :START_ID, :END_ID, :TYPE, :IGNORE")
        }
        let isArray = spec.hasSuffix("[]")
        let typeName = isArray ? String(spec.dropLast(2)) : spec
        guard let type = CSVValueType(name: typeName) else {
            throw failure(file, "header `\(header)` has unknown type `\(spec)`; use one of \(typeList)")
        }
        return .property(name: name, type: type, isArray: isArray)
    }

    private static func failure(_ file: String, _ message: String) -> GraphStoreError {
        .importFailed(file: file, line: 1, message: message)
    }
}
