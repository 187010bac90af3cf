import Testing
@testable import QueryGraph
