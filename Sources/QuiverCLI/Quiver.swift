import ArgumentParser

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
}
