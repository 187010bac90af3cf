import Testing
@testable import Cypher
