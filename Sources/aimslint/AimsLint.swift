import ArgumentParser

/// The `aimslint` command line: subcommands only; the work happens in the libraries.
@main
struct AimsLint: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "aimslint",
        abstract: "Compliance-as-code linter for AI systems: model cards, dataset provenance and life cycle documents, read from git.",
        discussion: """
            Exit codes: 0 nothing at or above --fail-on; 1 blocking findings; 2 tool, config or \
            repository error; 64 command-line usage error.
            """,
        version: version,
        subcommands: [CheckCommand.self, HistoryCommand.self, RulesCommand.self, ExplainCommand.self, TermsCommand.self,
                      InitCommand.self, HookCommand.self, BaselineCommand.self]
    )
}
