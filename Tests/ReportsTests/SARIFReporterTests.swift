import Foundation
import Lint
import Reports
import TestSupport
import XCTest

/// What SPEC §7 asks of the SARIF report, checked on real repositories.
final class SARIFReporterTests: XCTestCase {
    func testDemoRunCarriesCatalogTaxonomiesProvenanceAndNotifications() throws {
        let demo = try ReportTesting.buildDemoRepository()
        defer { try? FileManager.default.removeItem(at: demo.container) }
        let input = try ReportTesting.input(at: demo.repository.path, source: .revision("HEAD"))
        let run = try ReportTesting.decode(try ReportTesting.sarif(input, name: "demo-structure")).runs[0]
        let rules = try XCTUnwrap(run.tool.driver.rules)
        XCTAssertEqual(rules.map(\.id), input.rules.keys.sorted())
        for rule in rules {
            XCTAssertNotNil(rule.help?.markdown, rule.id)
            XCTAssertLessThanOrEqual(rule.properties?.tags.count ?? 99, 10, rule.id)
        }
        XCTAssertEqual(run.taxonomies?.map(\.name), ["ISO/IEC 42001:2023 Annex A", "ISO/IEC 5338:2023 processes"])
        let aims005 = try XCTUnwrap(rules.first { $0.id == "AIMS-005" })
        XCTAssertEqual(aims005.properties?.tags.prefix(2), ["iso42001/A.6.2.7", "iso5338/information-management"])
        XCTAssertEqual(aims005.relationships?.map { $0.target.id }, ["A.6.2.7", "information-management"])
        XCTAssertEqual(run.automationDetails?.id, "aimslint/commit/")
        let head = try runProcess("/usr/bin/git", ["-C", demo.repository.path, "rev-parse", "HEAD"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let provenance = try XCTUnwrap(run.versionControlProvenance?.first)
        XCTAssertEqual(provenance.repositoryUri, "https://example.com/org/repo.git")
        XCTAssertEqual(provenance.revisionId, head)
        XCTAssertEqual(provenance.branch, "main")
        XCTAssertEqual(provenance.mappedTo?.uriBaseId, "%SRCROOT%")
        let invocation = try XCTUnwrap(run.invocations?.first)
        XCTAssertEqual(invocation.exitCode, 1)
        XCTAssertTrue(invocation.executionSuccessful)
        XCTAssertEqual(invocation.toolExecutionNotifications?.first?.associatedRule?.id, "AIMS-005")
        XCTAssertEqual(invocation.toolExecutionNotifications?.first?.locations?.first?.physicalLocation?.artifactLocation.uri,
                       "models/legacy/MODEL_CARD.md")
        XCTAssertNil(run.results.first?.suppressions, "no suppression anywhere: no suppressions property")
        XCTAssertNil(run.results.first?.baselineState)
        XCTAssertNil(run.baselineGuid)
    }

    /// The command's own SARIF in every mode passes the self-check (CI then validates the copies
    /// against the schema).
    func testCommandSARIFInEveryModePassesTheSelfCheck() throws {
        let demo = try ReportTesting.buildDemoRepository()
        defer { try? FileManager.default.removeItem(at: demo.container) }
        try "\nA line added in the working tree.\n".data(using: .utf8)?.write(
            to: demo.repository.appendingPathComponent("models/churn/notes.md"))
        let modes: [(String, [String])] = [
            ("rev", ["--rev", "HEAD"]), ("passes", ["--rev", "HEAD", "--include-passes"]),
            ("no-blame", ["--rev", "HEAD~1", "--no-blame"]), ("worktree", ["--worktree"]), ("staged", ["--staged", "--base", "none"]),
        ]
        for (name, arguments) in modes {
            let result = try runProcess(ReportTesting.executable, ["check"] + arguments + ["--format", "sarif", demo.repository.path],
                                        environment: isolatedGitEnvironment())
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            XCTAssertEqual(SARIFSelfCheck.problems(inJSON: Data(result.stdout.utf8)), [], name)
            let run = try ReportTesting.decode(result.stdout).runs[0]
            XCTAssertEqual(run.invocations?.first?.exitCode, 1, name)
            XCTAssertEqual(run.automationDetails?.id, name == "worktree" ? "aimslint/worktree/" : (name == "staged" ? "aimslint/staged/" : "aimslint/commit/"))
            XCTAssertEqual(run.results.first?.properties?.introducedBy == nil, name == "no-blame", name)
            try FileManager.default.createDirectory(at: ReportTesting.sarifOutFolder, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: ReportTesting.sarifOutFolder.appendingPathComponent("cli-\(name).sarif"))
        }
    }

    func testTwoRunsGiveByteIdenticalSARIF() throws {
        let first = try ReportTesting.buildDemoRepository()
        defer { try? FileManager.default.removeItem(at: first.container) }
        let second = try ReportTesting.buildDemoRepository()
        defer { try? FileManager.default.removeItem(at: second.container) }
        let a = try ReportTesting.sarif(try ReportTesting.input(at: first.repository.path, source: .revision("HEAD"), includePasses: true), name: "determinism-a")
        let b = try ReportTesting.sarif(try ReportTesting.input(at: first.repository.path, source: .revision("HEAD"), includePasses: true), name: "determinism-b")
        let c = try ReportTesting.sarif(try ReportTesting.input(at: second.repository.path, source: .revision("HEAD"), includePasses: true), name: "determinism-c")
        XCTAssertEqual(Data(a.utf8), Data(b.utf8))
        XCTAssertEqual(Data(a.utf8), Data(c.utf8), "a replay of the same history elsewhere gives the same bytes")
    }

    func testMovingAFindingTwoLinesDownKeepsItsFingerprint() throws {
        let repo = try TestRepository()
        let path = "models/a/MODEL_CARD.md"
        let before = "# A\n\n## Uses\nFIXME describe the uses\nMore text.\n"
        let after = "# A\n\nA paragraph added above.\nAnd a second line.\n## Uses\nFIXME describe the uses\nMore text.\n"
        try repo.write(path, before)
        try repo.commitAll("card")
        let old = try result(in: repo, name: "moved-before")
        try repo.write(path, after)
        try repo.commitAll("text above")
        let new = try result(in: repo, name: "moved-after")
        XCTAssertEqual(old.locations?.first?.physicalLocation?.region?.startLine, 4)
        XCTAssertEqual(new.locations?.first?.physicalLocation?.region?.startLine, 6)
        XCTAssertEqual(new.partialFingerprints?["aimslint/v1"], old.partialFingerprints?["aimslint/v1"])
        XCTAssertEqual(new.correlationGuid, old.correlationGuid)
        // GitHub hashes the text from the line on, so the moved line keeps its hash.
        XCTAssertEqual(old.partialFingerprints?["primaryLocationLineHash"], LineHash.hash(of: before, line: 4))
        XCTAssertEqual(new.partialFingerprints?["primaryLocationLineHash"], LineHash.hash(of: after, line: 6))
        XCTAssertEqual(new.partialFingerprints?["primaryLocationLineHash"], old.partialFingerprints?["primaryLocationLineHash"])
        // Editing the line below (inside GitHub's 100-character window) changes GitHub's hash but not ours.
        try repo.write(path, after.replacingOccurrences(of: "More text.", with: "Other text."))
        try repo.commitAll("text below")
        let edited = try result(in: repo, name: "moved-edited")
        XCTAssertEqual(edited.partialFingerprints?["aimslint/v1"], old.partialFingerprints?["aimslint/v1"])
        XCTAssertNotEqual(edited.partialFingerprints?["primaryLocationLineHash"], old.partialFingerprints?["primaryLocationLineHash"])
    }

    private func result(in repo: TestRepository, name: String) throws -> SARIF.Result {
        let input = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule()])
        let results = try ReportTesting.decode(try ReportTesting.sarif(input, name: name)).runs[0].results
        XCTAssertEqual(results.count, 1)
        return try XCTUnwrap(results.first)
    }

    func testSuppressionsAndBaselineStatesAreOnEveryResultWhenOnAny() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "# A\nFIXME one\nFIXME two\n")
        try repo.write("models/b/MODEL_CARD.md", "# B\nFinished.\n")
        try repo.write(".aims/config.yml", ReportTesting.declaring(["a", "b"]))
        let commit = try repo.commitAll("cards")
        let base = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule(), LateStageRule()],
                                           includePasses: true)
        var findings = base.findings
        findings[0].suppressions = [Suppression(kind: .inSource, justification: "reviewed by the owner",
                                                location: Anchor(path: "models/a/MODEL_CARD.md", line: 1))]
        findings[1].baselineState = .unchanged
        let input = ReportInput(
            toolVersion: base.toolVersion, sourceKind: base.sourceKind, revision: base.revision, commit: base.commit,
            baseCommit: commit, findings: findings, controls: base.controls, project: base.project, rules: base.rules,
            includePasses: true, sourceLine: base.sourceLine, sourceText: base.sourceText)
        let run = try ReportTesting.decode(try ReportTesting.sarif(input, name: "suppressions-baseline")).runs[0]
        XCTAssertEqual(run.results.map(\.kind), ["fail", "fail", "notApplicable", "pass", "notApplicable"])
        XCTAssertEqual(run.results.map(\.level), [.warning, .warning, SARIF.Level.none, SARIF.Level.none, SARIF.Level.none])
        XCTAssertEqual(run.results.map { $0.suppressions?.count }, [1, 0, 0, 0, 0])
        XCTAssertEqual(run.results[0].suppressions?.first?.kind, "inSource")
        XCTAssertEqual(run.results[0].suppressions?.first?.status, "accepted")
        XCTAssertEqual(run.results[0].suppressions?.first?.justification, "reviewed by the owner")
        XCTAssertEqual(run.results.map(\.baselineState), ["new", "unchanged", "unchanged", "unchanged", "unchanged"])
        XCTAssertNotNil(run.baselineGuid)
        XCTAssertEqual(run.results[2].properties?.reason, "stage design-and-development has not reached operation-and-monitoring")
        XCTAssertEqual(run.results[3].properties?.system, "b")
    }

    /// `check --rev B` names itself with the GUID a later `--base B` run gives as its baseline.
    func testBaselineGuidIsTheGuidOfTheBaseRun() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "# A\nFIXME one\n")
        let first = try repo.commitAll("first")
        try repo.write("models/a/MODEL_CARD.md", "# A\nFIXME one\nFIXME two\n")
        try repo.commitAll("second")
        let baseRun = try ReportTesting.input(at: repo.root.path, source: .revision(first), rules: [FixmeRule()])
        let head = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule()])
        let withBase = ReportInput(
            toolVersion: head.toolVersion, sourceKind: head.sourceKind, revision: head.revision, commit: head.commit,
            baseCommit: first, findings: head.findings, controls: head.controls, project: head.project, rules: head.rules)
        let baseGuid = SARIFReporter().log(baseRun).runs[0].automationDetails?.guid
        XCTAssertEqual(SARIFReporter().log(withBase).runs[0].baselineGuid, baseGuid)
    }

    func testPolicyOverridesAreReportedAsRuleConfigurationOverrides() throws {
        let repo = try TestRepository()
        try repo.write(".aims/config.yml", "version: 1\nrules:\n  TST-001: { level: error }\n")
        try repo.write("models/a/MODEL_CARD.md", "# A\nFIXME one\n")
        try repo.commitAll("card")
        let input = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule()])
        let run = try ReportTesting.decode(try ReportTesting.sarif(input, name: "overrides")).runs[0]
        let override = try XCTUnwrap(run.invocations?.first?.ruleConfigurationOverrides?.first)
        XCTAssertEqual(override.descriptor.id, "TST-001")
        XCTAssertEqual(override.descriptor.index, 0)
        XCTAssertEqual(override.configuration.level, .error)
        XCTAssertEqual(run.results.first?.level, .error)
    }
}

/// A test rule of a late stage: not applicable to a system at the default stage.
struct LateStageRule: Rule {
    static let description = RuleDescription(
        id: "TST-002", title: "A monitoring note exists", rationale: "Test rule for a late stage.", fix: "Add it.",
        stage: .operationAndMonitoring, processes: [.operation], controls: ["A.6.2.6"], level: .warning,
        passing: [Example(["models/a/MODEL_CARD.md": "# A\n"])],
        failing: [Example(["models/a/MODEL_CARD.md": "↓# A\n"])])

    func evaluate(_ context: RuleContext) -> Evaluation { .pass }
}
