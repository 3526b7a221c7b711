import ArgumentParser
import Foundation
import GitKit
import Lint
import Reports
import Rules

/// `aimslint check`: lint one snapshot of a repository.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a commit, the index or the working tree against the rule catalog.")

    @Argument(help: "A folder inside the repository (default: the current folder).")
    var path: String = "."

    @Flag(name: .long, help: "Check the staged content (the index), as a pre-commit hook does.")
    var staged = false

    @Flag(name: .long, help: "Check the working tree, untracked files included (the default in a non-bare repository).")
    var worktree = false

    @Option(name: .long, help: "Check a commit (any revision: HEAD, a branch, a tag, HEAD~3).")
    var rev: String?

    @Option(name: .long, help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat?

    @Option(name: .long, help: "Write the report to FILE (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Lowest level that fails the run: error, warning, note or none (default: the config's fail_on, else error).")
    var failOn: FailThreshold?

    @Option(name: .long, parsing: .singleValue, help: "Run only this rule (repeatable).")
    var rule: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Check only this system or dataset (repeatable).")
    var system: [String] = []

    @Flag(name: .long, help: "Also list passing and not-applicable controls: a compliance ledger (json, sarif, junit). Not for GitHub code scanning, which shows every SARIF result as an alert.")
    var includePasses = false

    @Flag(name: .long, help: "Skip blame: findings then carry no introducedBy commit (only json and sarif show it, so other formats never blame).")
    var noBlame = false

    @Flag(name: .long, help: "Accept a shallow clone (history-based facts then stop at the shallow boundary).")
    var allowShallow = false

    func validate() throws {
        let sources = [staged, worktree, rev != nil].filter { $0 }.count
        if sources > 1 { throw ValidationError("choose one of --staged, --worktree and --rev") }
        let known = Set(RuleCatalog.descriptions.map(\.id))
        for id in rule where !known.contains(id) {
            throw ValidationError("unknown rule '\(id)'; `aimslint rules` lists them")
        }
    }

    func run() throws {
        let repository: Repository
        do {
            repository = try Repository.discover(from: path)
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        if repository.isShallow && !allowShallow {
            Console.error("'\(repository.workingDirectory ?? repository.gitDirectory)' is a shallow clone, so history-based facts would be wrong")
            Console.hint("fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout), or pass --allow-shallow")
            throw ExitStatus.toolError
        }
        let source = checkSource(for: repository)
        let checker = Checker(repository: repository, engine: Engine(rules: RuleCatalog.rules))
        let checked: CheckedSnapshot
        do {
            checked = try checker.check(source, only: rule.isEmpty ? nil : Set(rule), systems: system.isEmpty ? nil : Set(system))
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        let policy = checked.result.project.policy
        for problem in policy.problems { Console.error("\(problem)") }
        if !policy.exists { Console.hint("no .aims/config.yml: systems were inferred from model cards; run `aimslint init` to declare them") }
        let chosen = format ?? .text
        let findings = tiedFindings(checked, repository: repository, format: chosen)
        let threshold = failOn ?? policy.failOn ?? .error
        let blocking = findings.findings.contains { !$0.isSuppressed && threshold.isReached(by: $0.level) }
        let exitCode: Int32 = !policy.problems.isEmpty ? ExitStatus.toolError.rawValue : (blocking ? ExitStatus.findings.rawValue : 0)
        let input = reportInput(checked, repository: repository, findings: findings, exitCode: Int(exitCode), threshold: threshold)
        let color = chosen == .text && output == nil && Console.wantsColor(for: STDOUT_FILENO)
        do {
            try ReportWriter.write(chosen.render(input, color: color), to: output)
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// The findings with commit ties (unless --no-blame, or a format that does not show them),
    /// and the scanned texts of their files when the format or the ties need them (GitHub's line
    /// hash; uncommitted-line detection).
    private func tiedFindings(_ checked: CheckedSnapshot, repository: Repository, format: ReportFormat)
        -> (findings: [Finding], texts: [String: String]) {
        var findings = checked.result.findings
        let ties = CommitTies(repository: repository)
        var isRevision = false
        if case .revision = checked.source { isRevision = true }
        let blame = !noBlame && (format == .sarif || format == .json)
        var texts: [String: String] = [:]
        if format == .sarif || (blame && !isRevision) {
            var paths = Set(findings.map(\.location.path))
            if includePasses { paths.formUnion(checked.result.controls.compactMap(\.anchor?.path)) }
            texts = ties.texts(of: paths, source: checked.source, commit: checked.commit)
        }
        if blame {
            let tied = ties.attach(to: findings, source: checked.source, commit: checked.commit, texts: texts)
            findings = tied.findings
            for problem in tied.problems { Console.log(problem) }
        }
        return (findings, texts)
    }

    private func checkSource(for repository: Repository) -> CheckSource {
        if staged { return .index }
        if let rev { return .revision(rev) }
        if worktree { return .worktree }
        return repository.isBare ? .revision("HEAD") : .worktree
    }

    private func reportInput(_ checked: CheckedSnapshot, repository: Repository, findings: (findings: [Finding], texts: [String: String]),
                             exitCode: Int, threshold: FailThreshold) -> ReportInput {
        var notices: [String] = []
        if !checked.result.project.policy.exists { notices.append("no .aims/config.yml; systems inferred, run `aimslint init`") }
        // The branch is named only when the commit checked is its tip.
        var branch: String?
        if let head = try? repository.resolveCommit("HEAD"), head == checked.commit { branch = repository.currentBranch }
        return ReportInput(
            checked: checked, findings: findings.findings, toolVersion: AimsLint.version, rules: RuleCatalog.descriptions,
            includePasses: includePasses, notices: notices,
            repositoryURI: repository.remoteURL().map(CredentialRedaction.strip), branch: branch,
            exitCode: exitCode, failThreshold: threshold, texts: findings.texts)
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}
