// swift-tools-version: 6.1
import PackageDescription

/// Quiver's benchmarks, apart from the main package so that `swift test` never builds them.
/// `scripts/bench-graph.sh` builds and runs them in release mode against peers in the same run.
let package = Package(
    name: "QuiverBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Quiver", path: "..")],
    targets: [
        .executableTarget(name: "GraphBenchmark", dependencies: [
            .product(name: "PropertyGraph", package: "Quiver"),
            .product(name: "Cypher", package: "Quiver"),
            .product(name: "QuiverCore", package: "Quiver"),
        ]),
        .executableTarget(name: "JoinOrderBenchmark", dependencies: [
            .product(name: "PropertyGraph", package: "Quiver"),
            .product(name: "Cypher", package: "Quiver"),
            .product(name: "QuiverCore", package: "Quiver"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
