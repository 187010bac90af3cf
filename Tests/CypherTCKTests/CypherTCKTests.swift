import Testing
@testable import CypherTCK
