import QuiverCore

/// `point()`, `point.distance()` (and its Neo4j 4 name `distance()`) and `point.withinBBox()`.
extension Functions {
    static let spatialFunctions: [Definition] = [
        define("point", 1...1) { args, _ throws(QueryError) in
            switch args[0] {
            case .null: return .null
            case .point: return args[0]
            case .map(let map): return try makePoint(map)
            case let other: throw .invalidArgumentType("point() expects a MAP, not \(other.typeName)")
            }
        },
        define("point.distance", 2...2) { args, _ throws(QueryError) in try distance(args, "point.distance") },
        define("distance", 2...2) { args, _ throws(QueryError) in try distance(args, "distance") },
        define("point.withinBBox", 3...3) { args, _ throws(QueryError) in
            if args.contains(where: \.isNull) { return .null }
            let p = try point(args[0], "point.withinBBox"), low = try point(args[1], "point.withinBBox")
            let high = try point(args[2], "point.withinBBox")
            return p.isWithin(lowerLeft: low, upperRight: high).map(Value.bool) ?? .null
        },
    ]

    private static func distance(_ args: [Value], _ name: String) throws(QueryError) -> Value {
        if args[0].isNull || args[1].isNull { return .null }
        let a = try point(args[0], name), b = try point(args[1], name)
        return a.distance(to: b).map(Value.float) ?? .null
    }

    private static func point(_ v: Value, _ function: String) throws(QueryError) -> Point {
        guard case .point(let p) = v else {
            throw .invalidArgumentType("\(function)() expects a POINT, not \(v.typeName)")
        }
        return p
    }

    /// A point from `{x, y[, z]}` or `{longitude, latitude[, height]}`, with an optional `crs`
    /// name or `srid`; null when a coordinate is null.
    private static func makePoint(_ map: [String: Value]) throws(QueryError) -> Value {
        var entries: [String: Value] = [:]
        for (key, value) in map { entries[key.lowercased()] = value }
        let geographic = entries["longitude"] != nil || entries["latitude"] != nil
        let names = geographic ? ("longitude", "latitude", "height") : ("x", "y", "z")
        if geographic && (entries["x"] != nil || entries["y"] != nil) {
            throw invalidPoint("give either x and y or longitude and latitude, not both")
        }
        guard let first = entries[names.0], let second = entries[names.1] else {
            throw invalidPoint("a point needs x and y, or longitude and latitude")
        }
        let third = entries[names.2]
        if [first, second, third ?? .int(0)].contains(where: \.isNull) { return .null }
        let x = try number(first, "point"), y = try number(second, "point")
        let z = try third.map { v throws(QueryError) in try number(v, "point") }
        let crs = try coordinateSystem(entries, geographic: geographic, is3D: z != nil)
        if crs.is3D != (z != nil) {
            throw invalidPoint("a \(crs.name) point needs \(crs.is3D ? 3 : 2) coordinates, not \(z == nil ? 2 : 3)")
        }
        if crs.isGeographic && !(-90...90).contains(y) {
            throw invalidPoint("latitude \(Value.floatLiteral(y)) is outside -90 to 90")
        }
        return .point(Point(crs: crs, x: x, y: y, z: z))
    }

    private static func coordinateSystem(_ entries: [String: Value], geographic: Bool,
                                         is3D: Bool) throws(QueryError) -> Point.CRS {
        switch (entries["crs"], entries["srid"]) {
        case (.some(.string(let name)), nil):
            guard let crs = Point.CRS(name: name) else {
                throw invalidPoint("unknown crs '\(name)'; use cartesian, cartesian-3d, wgs-84 or wgs-84-3d")
            }
            return crs
        case (nil, .some(.int(let srid))):
            guard let crs = Point.CRS(rawValue: Int(srid)) else {
                throw invalidPoint("unknown srid \(srid); use 7203, 9157, 4326 or 4979")
            }
            return crs
        case (nil, nil):
            if geographic { return is3D ? .wgs84_3D : .wgs84 }
            return is3D ? .cartesian3D : .cartesian
        case (.some, .some):
            throw invalidPoint("give crs or srid, not both")
        default:
            throw invalidPoint("crs must be a STRING and srid an INTEGER")
        }
    }

    private static func invalidPoint(_ message: String) -> QueryError {
        .runtime(.argumentError, "InvalidArgumentValue", "point(): \(message)")
    }
}
