/// Bad input found while a command runs (a file that cannot be read, a missing database, a schema
/// SQLite refuses): printed as `Error: …` without the usage text, exit status 1.
///
/// ```swift
/// throw InputError("--gold: cannot read 'dev.json': no such file")
/// ```
struct InputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
