import Foundation

/// A spatial point, as Cypher's `point()` makes it: 2D or 3D, in a cartesian or a WGS-84
/// (longitude, latitude[, height]) coordinate reference system.
///
/// ```swift
/// let here = Point(crs: .wgs84, x: 12.49, y: 41.89)   // x = longitude, y = latitude
/// here.distance(to: Point(crs: .wgs84, x: 2.35, y: 48.86))   // metres, great-circle
/// ```
public struct Point: Sendable, Hashable {
    /// The coordinate reference systems Cypher knows, with their SRIDs.
    public enum CRS: Int, Sendable, Hashable, CaseIterable {
        case cartesian = 7203
        case cartesian3D = 9157
        case wgs84 = 4326
        case wgs84_3D = 4979

        /// The name Cypher prints and accepts (`crs: 'wgs-84'`).
        public var name: String {
            switch self {
            case .cartesian: "cartesian"
            case .cartesian3D: "cartesian-3d"
            case .wgs84: "wgs-84"
            case .wgs84_3D: "wgs-84-3d"
            }
        }

        /// The system of that name (case-insensitive), if any.
        public init?(name: String) {
            guard let crs = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
            self = crs
        }

        /// Whether points have a third coordinate.
        public var is3D: Bool { self == .cartesian3D || self == .wgs84_3D }
        /// Whether coordinates are longitude, latitude (and height).
        public var isGeographic: Bool { self == .wgs84 || self == .wgs84_3D }
    }

    public var crs: CRS
    /// x, or longitude for WGS-84.
    public var x: Double
    /// y, or latitude for WGS-84.
    public var y: Double
    /// z, or height for WGS-84-3D; nil for 2D points.
    public var z: Double?

    public init(crs: CRS, x: Double, y: Double, z: Double? = nil) {
        self.crs = crs
        self.x = x
        self.y = y
        self.z = crs.is3D ? (z ?? 0) : nil
    }

    /// The mean Earth radius Neo4j's distance uses, in metres.
    static let earthRadius = 6_378_140.0

    /// The distance to `other`: Euclidean for cartesian points, great-circle metres (haversine,
    /// with the height difference for 3D) for WGS-84 points; nil across different systems.
    public func distance(to other: Point) -> Double? {
        guard crs == other.crs else { return nil }
        if !crs.isGeographic {
            let dz = (z ?? 0) - (other.z ?? 0)
            return ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y) + dz * dz).squareRoot()
        }
        let lat1 = y * .pi / 180, lat2 = other.y * .pi / 180
        let dLat = lat2 - lat1, dLon = (other.x - x) * .pi / 180
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        let ground = 2 * Self.earthRadius * atan2(h.squareRoot(), (1 - h).squareRoot())
        guard crs.is3D else { return ground }
        let dh = (z ?? 0) - (other.z ?? 0)
        return (ground * ground + dh * dh).squareRoot()
    }

    /// Whether this point lies in the box from `lowerLeft` to `upperRight` (edges included); for
    /// WGS-84 a box whose left longitude exceeds its right one crosses the 180th meridian. Nil
    /// when the three points are not in one system.
    public func isWithin(lowerLeft: Point, upperRight: Point) -> Bool? {
        guard crs == lowerLeft.crs, crs == upperRight.crs else { return nil }
        guard lowerLeft.y <= y, y <= upperRight.y else { return false }
        if let z, let low = lowerLeft.z, let high = upperRight.z, !(low <= z && z <= high) { return false }
        if crs.isGeographic && lowerLeft.x > upperRight.x { return x >= lowerLeft.x || x <= upperRight.x }
        return lowerLeft.x <= x && x <= upperRight.x
    }

    /// The order `ORDER BY` gives points: by system, then coordinates.
    public func orderCompare(_ other: Point) -> Value.Order {
        if crs != other.crs { return crs.rawValue < other.crs.rawValue ? .less : .greater }
        for (a, b) in [(x, other.x), (y, other.y), (z ?? 0, other.z ?? 0)] where a != b {
            return a < b ? .less : .greater
        }
        return .equal
    }
}

extension Point: CustomStringConvertible {
    /// `point({x: 1.0, y: 2.0, crs: 'cartesian'})`, or with `longitude`/`latitude`/`height`.
    public var description: String {
        let names = crs.isGeographic ? ["longitude", "latitude", "height"] : ["x", "y", "z"]
        var parts = ["\(names[0]): \(x)", "\(names[1]): \(y)"]
        if let z { parts.append("\(names[2]): \(z)") }
        parts.append("crs: '\(crs.name)'")
        return "point({" + parts.joined(separator: ", ") + "})"
    }
}

extension Point {
    /// The component Cypher reads as `p.name`: `x`, `y`, `z`, `longitude`, `latitude`, `height`,
    /// `crs` or `srid`; nil when this point has no such component (a cartesian point has no
    /// latitude, a 2D point no z).
    ///
    /// ```swift
    /// Point(crs: .wgs84, x: 12.5, y: 41.9).component("latitude")   // .float(41.9)
    /// ```
    public func component(_ name: String) -> Value? {
        switch name.lowercased() {
        case "x": .float(x)
        case "y": .float(y)
        case "z": z.map(Value.float)
        case "longitude": crs.isGeographic ? .float(x) : nil
        case "latitude": crs.isGeographic ? .float(y) : nil
        case "height": crs.isGeographic ? z.map(Value.float) : nil
        case "crs": .string(crs.name)
        case "srid": .int(Int64(crs.rawValue))
        default: nil
        }
    }
}
