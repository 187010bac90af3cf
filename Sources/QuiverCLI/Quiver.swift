import ArgumentParser
import Foundation

/// The `quiver` command: knowledge-graph RAG and query parsing, execution and scoring.
@main
struct Quiver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiver",
        abstract: "Knowledge-graph RAG, and parsing, executing and scoring of Cypher and SQL queries.",
        version: "0.1.0",
        subcommands: [
            ScoreCommand.self,
            CypherCommand.self,
            BuildCommand.self,
            AskCommand.self,
            EvalCommand.self,
            KGQACommand.self,
            ImportCommand.self,
            TCKCommand.self,
            GEDCommand.self,
            SynthDBCommand.self,
        ]
    )

    /// Runs the command; a bad option value or argument is one line on stderr and exit status 1
    /// (ArgumentParser would print the usage too and exit 64). `--help` and `--version` are as usual.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(message(for: error))\n".utf8))
            exit(withError: ExitCode.failure)
        }
    }
}
