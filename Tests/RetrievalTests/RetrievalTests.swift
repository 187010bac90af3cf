import Testing
@testable import Retrieval
