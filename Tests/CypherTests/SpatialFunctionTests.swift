import Foundation
import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// Points: construction from maps, components, distance, bounding boxes, order, storage and JSON.
@Suite("Spatial functions")
struct SpatialFunctionTests {
    func value(_ expression: String, on graph: GraphStore = GraphStore()) throws -> Value {
        try CypherEngine.execute("RETURN \(expression) AS v", on: graph).rows[0][0]
    }

    @Test("point() picks the coordinate system from the keys, crs or srid")
    func construction() throws {
        #expect(try value("point({x: 1, y: 2})") == .point(Point(crs: .cartesian, x: 1, y: 2)))
        #expect(try value("point({x: 1, y: 2, z: 3})") == .point(Point(crs: .cartesian3D, x: 1, y: 2, z: 3)))
        #expect(try value("point({longitude: 12.5, latitude: 41.9})") == .point(Point(crs: .wgs84, x: 12.5, y: 41.9)))
        #expect(try value("point({longitude: 1, latitude: 2, height: 3}).crs") == .string("wgs-84-3d"))
        #expect(try value("point({x: 1, y: 2, crs: 'WGS-84'}).srid") == .int(4326))
        #expect(try value("point({x: 1, y: 2, srid: 4326}).latitude") == .float(2))
        #expect(try value("point(null)") == .null)
        #expect(try value("point({x: null, y: 2})") == .null)
    }

    @Test("bad point maps are argument errors that say what to give", arguments: [
        "point({x: 1})", "point({x: 1, y: 2, longitude: 3})", "point({x: 1, y: 2, crs: 'mars'})",
        "point({x: 1, y: 2, crs: 'cartesian-3d'})", "point({x: 1, y: 2, z: 3, crs: 'cartesian'})",
        "point({longitude: 0, latitude: 91})", "point({x: 'a', y: 2})", "point(42)", "point({x: 1, y: 2, srid: 1})",
    ])
    func badMaps(_ expression: String) {
        #expect(throws: QueryError.self) { try value(expression) }
    }

    @Test("components; a component the system lacks is an error")
    func components() throws {
        #expect(try value("point({x: 1.5, y: 2}).x") == .float(1.5))
        #expect(try value("point({longitude: 1, latitude: 2, height: 3}).height") == .float(3))
        #expect(try value("point({x: 1, y: 2}).srid") == .int(7203))
        #expect(throws: QueryError.self) { try value("point({x: 1, y: 2}).latitude") }
        #expect(throws: QueryError.self) { try value("point({x: 1, y: 2}).z") }
    }

    @Test("distance: Euclidean, great-circle metres, null across systems or on null")
    func distance() throws {
        #expect(try value("point.distance(point({x: 0, y: 0}), point({x: 3, y: 4}))") == .float(5))
        #expect(try value("distance(point({x: 0, y: 0, z: 0}), point({x: 1, y: 2, z: 2}))") == .float(3))
        // Rome to Paris is about 1,107 km.
        guard case .float(let metres) = try value(
            "point.distance(point({longitude: 12.4964, latitude: 41.9028}), point({longitude: 2.3522, latitude: 48.8566}))")
        else { Issue.record("not a float"); return }
        #expect(abs(metres - 1_106_000) < 5_000)
        #expect(try value("point.distance(point({x: 0, y: 0}), point({longitude: 0, latitude: 0}))") == .null)
        #expect(try value("point.distance(null, point({x: 0, y: 0}))") == .null)
        #expect(throws: QueryError.self) { try value("point.distance(1, 2)") }
    }

    @Test("withinBBox includes the edges and crosses the 180th meridian when left > right")
    func boundingBox() throws {
        let box = "point({x: 0, y: 0}), point({x: 2, y: 2})"
        #expect(try value("point.withinBBox(point({x: 1, y: 1}), \(box))") == .bool(true))
        #expect(try value("point.withinBBox(point({x: 2, y: 0}), \(box))") == .bool(true))
        #expect(try value("point.withinBBox(point({x: 3, y: 1}), \(box))") == .bool(false))
        let dateLine = "point({longitude: 170, latitude: -10}), point({longitude: -170, latitude: 10})"
        #expect(try value("point.withinBBox(point({longitude: 179, latitude: 0}), \(dateLine))") == .bool(true))
        #expect(try value("point.withinBBox(point({longitude: 0, latitude: 0}), \(dateLine))") == .bool(false))
        #expect(try value("point.withinBBox(point({x: 1, y: 1}), \(dateLine))") == .null)
    }

    @Test("points compare equal by value, order after paths, and print as Neo4j does")
    func orderAndText() throws {
        #expect(try value("point({x: 1, y: 2}) = point({x: 1.0, y: 2.0})") == .bool(true))
        #expect(try value("point({x: 1, y: 2}) = point({longitude: 1, latitude: 2})") == .bool(false))
        let sorted = try CypherEngine.execute(
            "UNWIND [point({x: 2, y: 1}), 'a', point({x: 1, y: 5})] AS p RETURN p ORDER BY p", on: GraphStore()).rows
        #expect(sorted.map { $0[0] } == [.point(Point(crs: .cartesian, x: 1, y: 5)), .point(Point(crs: .cartesian, x: 2, y: 1)), .string("a")])
        #expect(Point(crs: .wgs84, x: 1, y: 2).description == "point({longitude: 1.0, latitude: 2.0, crs: 'wgs-84'})")
    }

    @Test("points are stored as properties, survive a snapshot and round-trip through JSON")
    func storage() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute(
            "CREATE (:Place {at: point({longitude: 12.5, latitude: 41.9, height: 20}), near: [point({x: 1, y: 2})]})", on: graph)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("points-\(UUID()).qgraph").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try graph.save(to: path)
        let loaded = try GraphStore.load(from: path)
        let row = try CypherEngine.execute("MATCH (p:Place) RETURN p.at, p.near", on: loaded).rows[0]
        #expect(row[0] == .point(Point(crs: .wgs84_3D, x: 12.5, y: 41.9, z: 20)))
        #expect(row[1] == .list([.point(Point(crs: .cartesian, x: 1, y: 2))]))
        for value in row {
            #expect(try ValueJSON.decode(ValueJSON.encode(value)) == value)
        }
    }
}
