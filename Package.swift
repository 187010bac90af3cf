// swift-tools-version: 6.1
import PackageDescription

/// Quiver: knowledge-graph RAG and query parsing, execution and scoring.
///
/// Modules are listed lower layers first; a module imports only modules above it
/// (see ARCHITECTURE.md in the project docs).
let package = Package(
    name: "Quiver",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "quiver", targets: ["QuiverCLI"]),
        .library(name: "QuiverCore", targets: ["QuiverCore"]),
        .library(name: "PropertyGraph", targets: ["PropertyGraph"]),
        .library(name: "Cypher", targets: ["Cypher"]),
        .library(name: "CypherTCK", targets: ["CypherTCK"]),
        .library(name: "SQL", targets: ["SQL"]),
        .library(name: "SQLExecution", targets: ["SQLExecution"]),
        .library(name: "CypherSQL", targets: ["CypherSQL"]),
        .library(name: "QueryGraph", targets: ["QueryGraph"]),
        .library(name: "Scoring", targets: ["Scoring"]),
        .library(name: "TextAnalysis", targets: ["TextAnalysis"]),
        .library(name: "LLM", targets: ["LLM"]),
        .library(name: "KnowledgeGraph", targets: ["KnowledgeGraph"]),
        .library(name: "TreeSearch", targets: ["TreeSearch"]),
        .library(name: "Retrieval", targets: ["Retrieval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "QuiverCore"),
        .target(name: "PropertyGraph", dependencies: ["QuiverCore"]),
        .target(name: "Cypher", dependencies: [
            "QuiverCore", "PropertyGraph",
            .product(name: "Collections", package: "swift-collections"),
        ]),
        .target(name: "SQL", dependencies: ["QuiverCore"]),
        .target(name: "SQLExecution", dependencies: ["QuiverCore", "CSQLite", "CLibPQ"]),
        .target(name: "CypherSQL", dependencies: ["QuiverCore", "PropertyGraph", "Cypher", "SQL", "SQLExecution"]),
        .target(name: "CypherTCK", dependencies: ["QuiverCore", "PropertyGraph", "Cypher", "CypherSQL"]),
        .target(name: "QueryGraph", dependencies: ["Cypher", "SQL"]),
        .target(name: "Scoring", dependencies: [
            "SQL", "SQLExecution", "Cypher", "PropertyGraph", "QueryGraph",
        ]),
        .target(name: "TextAnalysis", dependencies: ["QuiverCore"]),
        .target(name: "LLM", dependencies: ["QuiverCore"]),
        .target(name: "KnowledgeGraph", dependencies: ["PropertyGraph", "TextAnalysis", "LLM"]),
        .target(name: "TreeSearch", dependencies: ["QuiverCore"]),
        .target(name: "Retrieval", dependencies: [
            "PropertyGraph", "Cypher", "TextAnalysis", "KnowledgeGraph", "LLM", "TreeSearch",
        ]),
        .executableTarget(name: "QuiverCLI", dependencies: [
            "QuiverCore", "PropertyGraph", "Cypher", "CypherTCK", "SQL", "SQLExecution", "CypherSQL", "QueryGraph",
            "Scoring", "TextAnalysis", "LLM", "KnowledgeGraph", "TreeSearch", "Retrieval",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "QuiverCoreTests", dependencies: ["QuiverCore"]),
        .testTarget(name: "PropertyGraphTests", dependencies: ["PropertyGraph"]),
        .testTarget(name: "CypherTests", dependencies: ["Cypher", "PropertyGraph"]),
        .testTarget(name: "CypherTCKTests", dependencies: ["CypherTCK"]),
        .testTarget(name: "SQLTests", dependencies: ["SQL", "SQLExecution"]),
        .testTarget(name: "SQLExecutionTests", dependencies: ["SQLExecution"]),
        .testTarget(name: "CypherSQLTests", dependencies: ["CypherSQL", "Cypher", "PropertyGraph"]),
        .testTarget(name: "QueryGraphTests", dependencies: ["QueryGraph"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"]),
        // The LLM extractor and answer generator are tested here too, against the same local chat server.
        .testTarget(name: "LLMTests", dependencies: ["LLM", "KnowledgeGraph", "Retrieval"]),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph"]),
        .testTarget(name: "TreeSearchTests", dependencies: ["TreeSearch"]),
        .testTarget(name: "RetrievalTests", dependencies: ["Retrieval"]),
        .testTarget(name: "QuiverCLITests", dependencies: ["QuiverCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
