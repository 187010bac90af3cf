import Testing
@testable import KnowledgeGraph
