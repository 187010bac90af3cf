import Foundation

/// Bad input found while a command runs (a file that cannot be read, a missing database, a schema
/// SQLite refuses): printed as `Error: …` without the usage text, exit status 1.
///
/// ```swift
/// throw InputError("--gold: cannot read 'dev.json': no such file")
/// ```
struct InputError: Error, CustomStringConvertible {
    var description: String

    /// The error of `description`'s first line: what went wrong and where (an engine's hint or a
    /// query excerpt on later lines is left out, so the message stays one line).
    init(_ description: String) {
        let first = description.split(separator: "\n", omittingEmptySubsequences: true).first ?? ""
        self.description = first.trimmingCharacters(in: .whitespaces)
    }
}
