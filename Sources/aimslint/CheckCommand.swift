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

    @Argument(help: "A folder inside the repository (default: the current folder); below the root, only the systems, datasets and documents under it are checked.")
    var path: String = "."

    @Flag(name: .long, help: "Check the staged content (the index), as a pre-commit hook does.")
    var staged = false

    @Flag(name: .long, help: "Check the working tree, untracked files included (the default in a non-bare repository).")
    var worktree = false

    @Option(name: .long, help: "Check a commit (any revision: HEAD, a branch, a tag, HEAD~3).")
    var rev: String?

    @Option(name: .long, help: "Diff mode: compare with this revision (a branch uses the merge base); only new findings fail. `none` judges everything. With --staged the base is HEAD.")
    var base: String?

    @Option(name: .long, help: "In diff mode, read the policy (.aims/) from the base (default) or from the change (head).")
    var policy: PolicySide = .base

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

    @Option(name: .long, help: "Accepted findings to mark and not fail on (default: .aims/baseline.json when it exists).")
    var baseline: String?

    @Flag(name: .long, help: "Also list passing and not-applicable controls: a compliance ledger (json, sarif, junit). Not for GitHub code scanning, which shows every SARIF result as an alert.")
    var includePasses = false

    @Flag(name: .long, help: "Short text output: only the findings that count, one line each (used by the git hook).")
    var brief = false

    @Flag(name: .long, help: "Skip blame: findings then carry no introducedBy commit (only json and sarif show it, so other formats never blame).")
    var noBlame = false

    @Flag(name: .long, help: "Accept a shallow clone (history-based facts then stop at the shallow boundary).")
    var allowShallow = false

    @Flag(name: .long, help: "Neither read nor write the saved history answers under .git/aimslint/ (a repeated check at the same commit then walks history again).")
    var noCache = false

    func validate() throws {
        let sources = [staged, worktree, rev != nil].filter { $0 }.count
        if sources > 1 { throw ValidationError("choose one of --staged, --worktree and --rev") }
        let known = Set(RuleCatalog.descriptions.map(\.id))
        for id in rule where !known.contains(id) {
            throw ValidationError("unknown rule '\(id)'; `aimslint rules` lists them")
        }
    }

    func run() throws {
        let clock = PhaseClock.shared
        // A hook run by `git commit -a` or `git commit PATH` sees git's temporary index.
        let indexFile = staged ? ProcessInfo.processInfo.environment["GIT_INDEX_FILE"].map { file in
            file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        } : nil
        let repository = try openRepository(path, indexFile: indexFile)
        if repository.isShallow && !allowShallow {
            Console.error("'\(repository.workingDirectory ?? repository.gitDirectory)' is a shallow clone, so history-based facts would be wrong")
            Console.hint("fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout), or pass --allow-shallow")
            throw ExitStatus.toolError
        }
        let source = checkSource(for: repository)
        var checker = Checker(repository: repository, engine: Engine(rules: RuleCatalog.rules))
        checker.useCache = !noCache
        let checked: CheckedSnapshot
        do {
            var policy: Policy?
            if let baseline, effectiveBase(repository) == nil {
                let (snapshot, _) = try checker.snapshot(of: source)
                var loaded = checker.policy(in: snapshot)
                loaded.baseline = try loadBaseline(baseline)
                policy = loaded
            }
            let only = rule.isEmpty ? nil : Set(rule)
            let selection = Selection(ids: system.isEmpty ? nil : Set(system), folder: folder(in: repository))
            if let baseRevision = effectiveBase(repository) {
                checked = try checker.gate(source, base: baseRevision, policy: self.policy, only: only, selection: selection)
            } else {
                checked = try checker.check(source, policyOverride: policy, only: only, selection: selection)
            }
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        let policy = checked.result.project.policy
        for problem in policy.problems { Console.error("\(problem)") }
        if !policy.exists { Console.hint("no .aims/config.yml: systems were inferred from model cards; run `aimslint init` to declare them") }
        let chosen = format ?? .text
        let findings = tiedFindings(checked, repository: repository, format: chosen)
        clock.mark("findings tied to commits")
        let threshold = failOn ?? policy.failOn ?? .error
        // In diff mode only new findings count: old ones are not this change's doing.
        let blocking = findings.findings.contains {
            !$0.isSuppressed && ($0.baselineState == nil || $0.baselineState == .new) && threshold.isReached(by: $0.level)
        }
        let exitCode: Int32 = !policy.problems.isEmpty ? ExitStatus.toolError.rawValue : (blocking ? ExitStatus.findings.rawValue : 0)
        let input = reportInput(checked, repository: repository, findings: findings, exitCode: Int(exitCode), threshold: threshold)
        let color = chosen == .text && output == nil && Console.wantsColor(for: STDOUT_FILENO)
        do {
            let text = brief && chosen == .text ? TextReporter(color: color, brief: true).render(input) : chosen.render(input, color: color)
            clock.mark("report rendered")
            try ReportWriter.write(text, to: output)
            clock.mark("report written")
            // The process ends next: freeing the project, its parsed documents and the
            // repository's mapped packs one object at a time would cost more than the report (a
            // tenth of a second on a 100k-file repository), and exit returns the memory at once.
            ProcessEnd.keep([checked, findings, input, repository, checker])
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// The folder PATH names inside the repository (`aimslint check models/churn` checks that
    /// folder's systems and documents); nil for the repository root, a bare repository or a git dir.
    private func folder(in repository: Repository) -> String? {
        guard let workdir = repository.workingDirectory else { return nil }
        func real(_ path: String) -> String {
            guard let resolved = realpath(path, nil) else { return (path as NSString).standardizingPath }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let root = real(workdir), target = real(path)
        guard target != root, target.hasPrefix(root + "/") else { return nil }
        let relative = String(target.dropFirst(root.count + 1))
        return relative == ".git" || relative.hasPrefix(".git/") ? nil : relative
    }

    private func loadBaseline(_ path: String) throws -> Lint.Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportWriter.WriteError(description: "cannot read the baseline '\(path)'")
        }
        return try Lint.Baseline.parse(data, path: path)
    }

    /// The base of diff mode: `--base`, or HEAD for `--staged` (an unborn HEAD or `--base none` judges everything).
    private func effectiveBase(_ repository: Repository) -> String? {
        if base == "none" { return nil }
        if let base { return base }
        if staged && !repository.isHeadUnborn { return "HEAD" }
        return nil
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
        if base != nil && base != "none" { return .revision("HEAD") }
        return repository.isBare ? .revision("HEAD") : .worktree
    }

    private func reportInput(_ checked: CheckedSnapshot, repository: Repository, findings: (findings: [Finding], texts: [String: String]),
                             exitCode: Int, threshold: FailThreshold) -> ReportInput {
        var notices: [String] = []
        if !checked.result.project.policy.exists { notices.append("no .aims/config.yml; systems inferred, run `aimslint init`") }
        // Reached only with --allow-shallow: say where the history that blame and file ages read ends.
        if repository.isShallow {
            let boundary = repository.shallowBoundary().map(\.hex).joined(separator: ", ")
            notices.append("shallow clone: history stops at \(boundary.isEmpty ? "an unknown commit" : boundary); older commits are not read, so introducedBy and file ages may be too recent")
        }
        if !checked.skippedSubmodules.isEmpty {
            notices.append("skipped \(checked.skippedSubmodules.count) submodule(s), which are other repositories: \(checked.skippedSubmodules.joined(separator: ", ")); check each in its own repository")
        }
        for notice in notices.dropFirst(checked.result.project.policy.exists ? 0 : 1) { Console.log("note: \(notice)") }
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
extension PolicySide: ExpressibleByArgument {}

/// Values kept alive until the process exits, so that they are never freed piece by piece.
enum ProcessEnd {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ values: [Any]) {
        kept += values
    }
}
