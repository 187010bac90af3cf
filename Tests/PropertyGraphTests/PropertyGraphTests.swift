import Testing
@testable import PropertyGraph
