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
        .library(name: "GraphDrawing", targets: ["GraphDrawing"]),
        .library(name: "Server", targets: ["Server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // `quiver serve`: HTTP/1.1 on swift-nio with routing, request bodies streamed and capped, and
        // graceful shutdown (swift-service-lifecycle). No traits: swift-configuration is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // `quiver mcp`: the Model Context Protocol server (stdio transport) and, in tests, its client.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // Already under Hummingbird; named because the server code uses their types directly
        // (ByteBuffer and its size-capped body collection; HTTP field names and statuses; a logger
        // that writes to stderr, since stdout is the MCP channel and the CLI's output).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        // Under the MCP SDK; its FileDescriptor lets the MCP test talk to `quiver mcp` over pipes.
        .package(url: "https://github.com/apple/swift-system", from: "1.0.0"),
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
        .target(name: "GraphDrawing", dependencies: ["QuiverCore", "QueryGraph", "KnowledgeGraph", "Retrieval"]),
        .target(
            name: "Server",
            dependencies: [
                "QuiverCore", "PropertyGraph", "Cypher", "SQL", "SQLExecution", "QueryGraph", "Scoring",
                "KnowledgeGraph", "Retrieval", "LLM", "GraphDrawing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Web/static")]),
        .executableTarget(name: "QuiverCLI", dependencies: [
            "QuiverCore", "PropertyGraph", "Cypher", "CypherTCK", "SQL", "SQLExecution", "CypherSQL", "QueryGraph",
            "Scoring", "TextAnalysis", "LLM", "KnowledgeGraph", "TreeSearch", "Retrieval", "GraphDrawing", "Server",
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
        .testTarget(name: "QuiverCLITests", dependencies: ["QuiverCLI", "Scoring"]),
        .testTarget(name: "GraphDrawingTests", dependencies: ["GraphDrawing", "QueryGraph"]),
        // QuiverCLI: the HTTP and MCP tests run the built `quiver serve` and `quiver mcp`, as a user does.
        .testTarget(name: "ServerTests", dependencies: [
            "Server", "Scoring", "PropertyGraph", "Cypher", "Retrieval", "QuiverCLI", .product(name: "MCP", package: "swift-sdk"),
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
