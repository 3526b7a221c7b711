import Foundation
import GitKit
import Lint
import Reports
import Rules
import TestSupport
import XCTest

/// Shared pieces of the report tests: folders, the demo repository, the check pipeline as
/// `aimslint check` runs it, and a SARIF writer that self-checks and leaves a copy for CI.
enum ReportTesting {
    /// The tool version written into reports by tests, fixed so golden files do not churn.
    static let toolVersion = "0.1.0"
    static let credentialedRemote = "https://user:token@example.com/org/repo.git"

    /// A config declaring `models/ID` systems at design and development, so that a later-stage
    /// rule is not applicable by stage (an undeclared system has no stage at all).
    static func declaring(_ ids: [String]) -> String {
        "version: 1\nsystems:\n" + ids.map { "  - id: \($0)\n    root: models/\($0)\n    stage: design-and-development\n" }.joined()
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var goldenFolder: URL { packageRoot.appendingPathComponent("fixtures/golden/reports") }

    /// `scripts/validate-sarif.sh` validates every file left here against the official schema.
    static var sarifOutFolder: URL { packageRoot.appendingPathComponent(".build/sarif-out") }

    /// Replays fixtures/demo into a fresh repository with `scripts/build-fixture-repo.sh` and
    /// gives it the credentialed origin. The caller removes `container`.
    static func buildDemoRepository() throws -> (container: URL, repository: URL) {
        let container = FileManager.default.temporaryDirectory.appendingPathComponent("aimslint-reports-\(UUID().uuidString)")
        let repository = container.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: container, withIntermediateDirectories: true)
        let script = packageRoot.appendingPathComponent("scripts/build-fixture-repo.sh").path
        let fixture = packageRoot.appendingPathComponent("fixtures/demo").path
        let built = try runProcess("/bin/bash", [script, fixture, repository.path], environment: isolatedGitEnvironment())
        guard built.status == 0 else { throw TestSupportError(command: script, status: built.status, stderr: built.stderr) }
        let remote = try runProcess("/usr/bin/git", ["-C", repository.path, "remote", "add", "origin", credentialedRemote],
                                    environment: isolatedGitEnvironment())
        guard remote.status == 0 else { throw TestSupportError(command: "git remote add", status: remote.status, stderr: remote.stderr) }
        return (container, repository)
    }

    /// The pipeline of `aimslint check`: check, read the texts, tie findings to commits, build
    /// the input (credentials stripped from the remote as the command does).
    static func input(at path: String, source: CheckSource, rules: [any Rule] = RuleCatalog.rules,
                      includePasses: Bool = false, blame: Bool = true) throws -> ReportInput {
        let repository = try Repository.discover(from: path)
        let checked = try Checker(repository: repository, engine: Engine(rules: rules)).check(source)
        let ties = CommitTies(repository: repository)
        var paths = Set(checked.result.findings.map(\.location.path))
        if includePasses { paths.formUnion(checked.result.controls.compactMap(\.anchor?.path)) }
        let texts = ties.texts(of: paths, source: source, commit: checked.commit)
        var findings = checked.result.findings
        if blame { findings = ties.attach(to: findings, source: source, commit: checked.commit, texts: texts).findings }
        var branch: String?
        if let head = try? repository.resolveCommit("HEAD"), head == checked.commit { branch = repository.currentBranch }
        let threshold = FailThreshold.error
        let exitCode = findings.contains { !$0.isSuppressed && threshold.isReached(by: $0.level) } ? 1 : 0
        return ReportInput(checked: checked, findings: findings, toolVersion: toolVersion,
                           rules: rules.map { type(of: $0).description }, includePasses: includePasses,
                           repositoryURI: repository.remoteURL().map(CredentialRedaction.strip), branch: branch,
                           exitCode: exitCode, failThreshold: threshold, texts: texts)
    }

    /// Renders SARIF, fails the test on any self-check problem, and leaves a copy in
    /// `.build/sarif-out/NAME.sarif` for the schema validation in CI.
    @discardableResult
    static func sarif(_ input: ReportInput, name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let text = ReportFormat.sarif.render(input)
        let problems = SARIFSelfCheck.problems(inJSON: Data(text.utf8))
        XCTAssertEqual(problems, [], "SARIF self-check of \(name)", file: file, line: line)
        try FileManager.default.createDirectory(at: sarifOutFolder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: sarifOutFolder.appendingPathComponent("\(name).sarif"))
        return text
    }

    /// Decodes SARIF text into the model.
    static func decode(_ text: String) throws -> SARIF.Log {
        try JSONDecoder().decode(SARIF.Log.self, from: Data(text.utf8))
    }

    /// The built `aimslint` executable, next to the test bundle in the build folder.
    static var executable: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("aimslint").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return "aimslint"
    }
}

/// A rule for tests: every line of a model card that contains "FIXME" is a finding, anchored on
/// the word, so tests control exactly which lines fire.
struct FixmeRule: Rule {
    static let description = RuleDescription(
        id: "TST-001", title: "No FIXME left in a model card",
        rationale: "Test rule: a FIXME marks text that is not finished.", fix: "Finish the text.",
        stage: nil, processes: [.informationManagement], controls: ["A.6.2.7"], level: .warning,
        passing: [Example(["models/a/MODEL_CARD.md": "# A\n"])],
        failing: [Example(["models/a/MODEL_CARD.md": "# A\n↓FIXME\n"])])

    func evaluate(_ context: RuleContext) -> Evaluation {
        var violations: [Violation] = []
        for card in context.modelCards {
            guard let document = card.markdown else { continue }
            for number in 1...max(1, document.lineCount) {
                let text = document.line(number)
                guard let range = text.range(of: "FIXME") else { continue }
                let column = text.unicodeScalars[..<range.lowerBound].count + 1
                violations.append(Violation("unfinished text: \(text)", at: Anchor(path: card.path, line: number, column: column, endColumn: column + 4),
                                            anchor: "fixme:\(text.trimmingCharacters(in: .whitespaces))"))
            }
        }
        return .evaluated(violations)
    }
}
