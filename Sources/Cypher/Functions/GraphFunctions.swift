import QuiverCore

extension Functions {
    /// id, labels, type, keys, properties, startNode, endNode, nodes, relationships, length, exists.
    static let graphFunctions: [Definition] = [
        define("id", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .node(let n): return .int(Int64(n.id))
            case .relationship(let r): return .int(Int64(r.id))
            default: throw .invalidArgumentValue("id() expects a NODE or RELATIONSHIP, not \(a[0].typeName)")
            }
        },
        define("elementId", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .node(let n): return .string("n\(n.id)")
            case .relationship(let r): return .string("r\(r.id)")
            default: throw .invalidArgumentValue("elementId() expects a NODE or RELATIONSHIP, not \(a[0].typeName)")
            }
        },
        define("labels", 1...1) { a, reader throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .node(let n): return .list(try reader.labels(ofNode: n.id).map(Value.string))
            default: throw .invalidArgumentValue("labels() expects a NODE, not \(a[0].typeName)")
            }
        },
        define("type", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .relationship(let r): return .string(r.type)
            default: throw .invalidArgumentValue("type() expects a RELATIONSHIP, not \(a[0].typeName)")
            }
        },
        define("keys", 1...1) { a, reader throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .map(let m): return .list(m.keys.sorted().map(Value.string))
            case .node(let n): return .list(try reader.properties(ofNode: n.id).keys.sorted().map(Value.string))
            case .relationship(let r):
                return .list(try reader.properties(ofRelationship: r.id).keys.sorted().map(Value.string))
            default: throw .invalidArgumentValue("keys() expects a MAP, NODE or RELATIONSHIP, not \(a[0].typeName)")
            }
        },
        define("properties", 1...1) { a, reader throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .map: return a[0]
            case .node(let n): return .map(try reader.properties(ofNode: n.id))
            case .relationship(let r): return .map(try reader.properties(ofRelationship: r.id))
            default: throw .invalidArgumentValue("properties() expects a MAP, NODE or RELATIONSHIP, not \(a[0].typeName)")
            }
        },
        define("startNode", 1...1) { a, reader throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .relationship(let r): return reader.nodeReference(r.startID)
            default: throw .invalidArgumentValue("startNode() expects a RELATIONSHIP, not \(a[0].typeName)")
            }
        },
        define("endNode", 1...1) { a, reader throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .relationship(let r): return reader.nodeReference(r.endID)
            default: throw .invalidArgumentValue("endNode() expects a RELATIONSHIP, not \(a[0].typeName)")
            }
        },
        define("nodes", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .path(let p): return .list(p.nodes.map(Value.node))
            default: throw .invalidArgumentValue("nodes() expects a PATH, not \(a[0].typeName)")
            }
        },
        define("relationships", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .path(let p): return .list(p.relationships.map(Value.relationship))
            default: throw .invalidArgumentValue("relationships() expects a PATH, not \(a[0].typeName)")
            }
        },
        define("length", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .path(let p): return .int(Int64(p.relationships.count))
            case .string(let s): return .int(Int64(s.count))
            case .list(let l): return .int(Int64(l.count))
            default: throw .invalidArgumentType("length() expects a PATH, not \(a[0].typeName)")
            }
        },
        define("exists", 1...1) { a, _ in .bool(!a[0].isNull) },
    ]
}
