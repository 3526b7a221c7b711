import ArgumentParser
import Reports
import Rules

/// `aimslint rules`: the catalog. `docs/rules.md` is this command's markdown output.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its stage, ISO/IEC 5338 process, ISO/IEC 42001 controls and level.")

    @Option(name: .long, help: "text, json or markdown.")
    var format: CatalogFormat = .text

    func run() throws {
        try ReportWriter.write(format.render(RuleCatalog.descriptions), to: nil)
    }
}

/// `aimslint explain RULE`: everything about one rule.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: rationale, ISO mapping, how to fix, and its passing and failing examples.")

    @Argument(help: "A rule id, e.g. MC-002.")
    var rule: String

    func validate() throws {
        if RuleCatalog.description(for: rule) == nil {
            throw ValidationError("unknown rule '\(rule)'; `aimslint rules` lists them")
        }
    }

    func run() throws {
        guard let description = RuleCatalog.description(for: rule) else { throw ExitStatus.usage }
        try ReportWriter.write(CatalogRenderer.explain(description), to: nil)
    }
}

extension CatalogFormat: ExpressibleByArgument {}
