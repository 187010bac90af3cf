import Testing
@testable import SQLExecution
