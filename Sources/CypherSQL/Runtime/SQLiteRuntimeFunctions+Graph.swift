import QuiverCore
import SQLExecution

extension SQLiteRuntimeFunctions {
    /// Paths, trails, property maps and entity ids.
    static var graphFunctions: [(String, Int32, Body)] {
        [
            ("cy_path_start", 1, { (a: [SQLValue]) throws(QueryError) in
                guard let id = integer(a[0]) else { return .null }
                return .text("{\"~p\":[\(id)]}")
            }),
            ("cy_path_hop", 3, { (a: [SQLValue]) throws(QueryError) in
                guard case .path(var path) = try value(a[0]), let relationship = integer(a[1]), let node = integer(a[2]) else {
                    return .null
                }
                path.relationships.append(Relationship(id: relationship, type: "", startID: -1, endID: -1, properties: [:]))
                path.nodes.append(Node(id: node, labels: [], properties: [:]))
                return try cell(.path(path))
            }),
            ("cy_path_extend", 3, { (a: [SQLValue]) throws(QueryError) in
                guard case .path(var path) = try value(a[0]) else { return .null }
                for id in trail(a[1]) {
                    path.relationships.append(Relationship(id: id, type: "", startID: -1, endID: -1, properties: [:]))
                }
                for id in trail(a[2]) { path.nodes.append(Node(id: id, labels: [], properties: [:])) }
                return try cell(.path(path))
            }),
            ("cy_rel_list", 1, { (a: [SQLValue]) throws(QueryError) in
                .text("[" + trail(a[0]).map { "{\"~r\":\($0)}" }.joined(separator: ",") + "]")
            }),
            ("cy_disjoint", 2, { (a: [SQLValue]) throws(QueryError) in
                .integer(Set(trail(a[0])).isDisjoint(with: trail(a[1])) ? 1 : 0)
            }),
            ("cy_contains_map", 2, { (a: [SQLValue]) throws(QueryError) in
                guard case .map(let properties) = try value(a[0]) else { return .integer(0) }
                switch try value(a[1]) {
                case .null: return .null
                case .map(let wanted):
                    return .integer(wanted.allSatisfy { properties[$0.key]?.cypherEquals($0.value) == true } ? 1 : 0)
                case let other: throw RuntimeErrors.type("a pattern's properties must be a MAP, not \(other.typeName)")
                }
            }),
            ("cy_props", 1, { (a: [SQLValue]) throws(QueryError) in
                try cell(.map(try RuntimeValues.properties(try value(a[0]))))
            }),
            ("cy_set_prop", 3, { (a: [SQLValue]) throws(QueryError) in
                guard case .map(var properties) = try value(a[0]) else { return a[0] }
                let key = text(a[1])
                let new = try value(a[2])
                if new.isNull {
                    properties[key] = nil
                } else {
                    try RuntimeValues.checkProperty(new, key)
                    properties[key] = new
                }
                return try cell(.map(properties))
            }),
            ("cy_merge_props", 2, { (a: [SQLValue]) throws(QueryError) in
                guard case .map(var properties) = try value(a[0]) else { return a[0] }
                guard case .map(let extra) = try value(a[1]) else { return a[0] }
                for (key, item) in extra {
                    if item.isNull {
                        properties[key] = nil
                    } else {
                        try RuntimeValues.checkProperty(item, key)
                        properties[key] = item
                    }
                }
                return try cell(.map(properties))
            }),
            ("cy_remove_prop", 2, { (a: [SQLValue]) throws(QueryError) in
                guard case .map(var properties) = try value(a[0]) else { return a[0] }
                properties[text(a[1])] = nil
                return try cell(.map(properties))
            }),
            ("cy_entity_ids", 2, { (a: [SQLValue]) throws(QueryError) in
                let wantsNodes = text(a[1]) == "node"
                var ids: [Int] = []
                switch try value(a[0]) {
                case .null: break
                case .node(let node): if wantsNodes { ids = [node.id] }
                case .relationship(let relationship): if !wantsNodes { ids = [relationship.id] }
                case .path(let path): ids = wantsNodes ? path.nodes.map(\.id) : path.relationships.map(\.id)
                case let other:
                    throw QueryError(.typeError, code: "InvalidArgumentType", phase: .runtime,
                                     message: "DELETE needs a node, relationship or path, not \(other.typeName)")
                }
                return .text("[" + ids.map(String.init).joined(separator: ",") + "]")
            }),
        ]
    }

    /// The ids of a trail `,1,2,` (SQLite's text form of a walk).
    static func trail(_ cell: SQLValue) -> [Int] {
        (cell.text ?? "").split(separator: ",").compactMap { Int($0) }
    }
}
