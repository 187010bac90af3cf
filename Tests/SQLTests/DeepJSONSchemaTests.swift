import Foundation
import Testing

@testable import SQL

/// A tables.json nested far past what the decoder reads is an error naming the limit.
@Suite struct DeepJSONSchemaTests {
    @Test(arguments: [
        String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000),
        "[" + String(repeating: #"{"a":"#, count: 60_000) + "1" + String(repeating: "}", count: 60_000) + "]",
    ])
    func deepTablesJSONIsAnError(text: String) throws {
        let error = try #require(throws: SpiderTables.ReadError.self) { try SpiderTables.decode(Data(text.utf8)) }
        #expect(error.message.contains("nested more than"))
    }
}
