import Testing
@testable import SQL
