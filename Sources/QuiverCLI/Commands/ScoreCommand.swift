import ArgumentParser

/// `quiver score`: scores text-to-query predictions against gold.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score text-to-SQL and text-to-Cypher predictions, or triplet sets.",
        subcommands: [ScoreSQLCommand.self, ScoreCypherCommand.self, ScoreTriplesCommand.self, ScoreReplayCommand.self]
    )
}
