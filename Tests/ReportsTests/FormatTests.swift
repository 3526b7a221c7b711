import Foundation
import Lint
@testable import Reports
import TestSupport
import XCTest

/// Paths, credentials and escaping across every format.
final class FormatTests: XCTestCase {
    /// A path with a space, a comma, a colon and non-ASCII letters survives every format.
    func testPathsWithSpacesAndNonASCIIRoundTripThroughEveryFormat() throws {
        let path = "models/my model, v2: été/données ü/MODEL_CARD.md"
        let repo = try TestRepository()
        try repo.write(path, "# Modèle\n\nFIXME décrire l'usage prévu\n")
        try repo.commitAll("card")
        let input = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule()])
        XCTAssertEqual(input.findings.map(\.location.path), [path])
        for format in ReportFormat.allCases {
            let text = format == .sarif ? try ReportTesting.sarif(input, name: "unicode-path") : format.render(input)
            XCTAssertEqual(try paths(in: text, format: format), [path], "\(format)")
        }
    }

    /// A newline in a folder name round-trips where the format can carry it, and never breaks a
    /// line-based format (GitHub commands, the Markdown table) into two records.
    func testPathsWithNewlinesStayOneRecord() throws {
        let path = "models/line\nbreak/MODEL_CARD.md"
        let repo = try TestRepository()
        try repo.write(path, "# A\nFIXME here\n")
        try repo.commitAll("card")
        let input = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule()])
        XCTAssertEqual(input.findings.map(\.location.path), [path])
        for format: ReportFormat in [.sarif, .json, .gitlab, .github, .junit] {
            let text = format == .sarif ? try ReportTesting.sarif(input, name: "newline-path") : format.render(input)
            XCTAssertEqual(try paths(in: text, format: format), [path], "\(format)")
        }
        XCTAssertEqual(ReportFormat.github.render(input).split(separator: "\n").count, 1)
        let rows = ReportFormat.markdown.render(input).split(separator: "\n").filter { $0.hasPrefix("| warning") }
        XCTAssertEqual(rows, ["| warning | TST-001 | `models/line break/MODEL_CARD.md:2` | unfinished text: FIXME here | line-break |"], "the inferred system id is a config id: the newline became -")
    }

    /// Reads the finding paths back out of a report the way its consumer would.
    private func paths(in text: String, format: ReportFormat) throws -> [String] {
        let data = Data(text.utf8)
        switch format {
        case .sarif:
            let uris = try ReportTesting.decode(text).runs[0].results.compactMap { $0.locations?.first?.physicalLocation?.artifactLocation.uri }
            XCTAssertTrue(uris.allSatisfy(SARIFURI.isEncodedRelativePath), "\(uris)")
            return uris.compactMap(SARIFURI.decodePath)
        case .json:
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return (json?["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        case .gitlab:
            let issues = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
            return issues.compactMap { ($0["location"] as? [String: Any])?["path"] as? String }
        case .github:
            return text.split(separator: "\n").compactMap { line -> String? in
                guard let start = line.range(of: " file="), let end = line[start.upperBound...].firstIndex(of: ",") else { return nil }
                return unescapeWorkflow(String(line[start.upperBound..<end]))
            }
        case .junit:
            return text.components(separatedBy: " file=\"").dropFirst().compactMap { part in
                part.split(separator: "\"", maxSplits: 1).first.map { unescapeXML(String($0)) }
            }
        case .markdown:
            // The location cell is a code span "`path:line`" with pipes escaped.
            return text.split(separator: "\n").filter { $0.hasPrefix("| warning") }.compactMap { row -> String? in
                guard let open = row.firstIndex(of: "`"), let close = row.lastIndex(of: "`"), open < close else { return nil }
                let span = String(row[row.index(after: open)..<close]).replacingOccurrences(of: "\\|", with: "|")
                return span.range(of: ":", options: .backwards).map { String(span[..<$0.lowerBound]) }
            }
        case .text:
            return text.split(separator: "\n").filter { $0.hasSuffix("MODEL_CARD.md") }.map(String.init)
        }
    }

    private func unescapeWorkflow(_ value: String) -> String {
        value.replacingOccurrences(of: "%2C", with: ",").replacingOccurrences(of: "%3A", with: ":")
            .replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%25", with: "%")
    }

    private func unescapeXML(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#10;", with: "\n")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The command itself, on a repository whose origin carries a user and a token.
    func testCredentialsInTheRemoteNeverAppearInAnyFormat() throws {
        let repo = try TestRepository()
        try repo.write(".aims/config.yml", "version: 1\nsystems:\n  - id: tagger\n    root: models/tagger\n    stage: inception\n")
        try repo.write("models/tagger/MODEL_CARD.md", "---\nlicense: [mit\n---\n# Tagger\n")
        try repo.commitAll("card with broken front matter")
        try repo.git("remote", "add", "origin", ReportTesting.credentialedRemote)
        for format in ReportFormat.allCases {
            let result = try runProcess(ReportTesting.executable, ["check", "--rev", "HEAD", "--include-passes", "--format", format.rawValue],
                                        currentDirectory: repo.root, environment: isolatedGitEnvironment(extra: ["NO_COLOR": "1"]))
            XCTAssertEqual(result.status, 1, "\(format): \(result.stderr)")
            for secret in ["token", "user:", "user@"] {
                XCTAssertFalse(result.stdout.contains(secret), "\(format) prints '\(secret)'")
                XCTAssertFalse(result.stderr.contains(secret), "\(format) logs '\(secret)'")
            }
            if format == .sarif {
                XCTAssertTrue(result.stdout.contains("\"repositoryUri\" : \"https://example.com/org/repo.git\""))
                XCTAssertEqual(SARIFSelfCheck.problems(inJSON: Data(result.stdout.utf8)), [])
                try FileManager.default.createDirectory(at: ReportTesting.sarifOutFolder, withIntermediateDirectories: true)
                try Data(result.stdout.utf8).write(to: ReportTesting.sarifOutFolder.appendingPathComponent("cli-credentials.sarif"))
            }
        }
    }

    /// Even a caller that forgets to strip the remote cannot leak it through SARIF.
    func testRepositoryURIIsNormalisedWithoutUserInformation() {
        XCTAssertEqual(SARIFURI.repositoryURI("https://user:token@example.com/org/repo.git"), "https://example.com/org/repo.git")
        XCTAssertEqual(SARIFURI.repositoryURI("https://ghp_abc@github.com/org/repo"), "https://github.com/org/repo")
        XCTAssertEqual(SARIFURI.repositoryURI("git@github.com:org/repo.git"), "ssh://git@github.com/org/repo.git")
        XCTAssertEqual(SARIFURI.repositoryURI("deploy:secret@host.example:org/repo.git"), "ssh://host.example/org/repo.git")
        XCTAssertEqual(SARIFURI.repositoryURI("ssh://git@host.example:2222/org/repo.git"), "ssh://git@host.example:2222/org/repo.git")
        XCTAssertEqual(SARIFURI.repositoryURI("ssh://alice:pw@host.example/repo"), "ssh://host.example/repo")
        XCTAssertEqual(SARIFURI.repositoryURI("/srv/git/my repo.git"), "file:///srv/git/my%20repo.git")
        XCTAssertEqual(SARIFURI.repositoryURI("me:pw@host.example:org/repo@v1.git"), "ssh://host.example/org/repo@v1.git")
        XCTAssertNil(SARIFURI.repositoryURI("../sibling"))
        XCTAssertNil(SARIFURI.repositoryURI(""))
    }

    func testPathEncoding() {
        XCTAssertEqual(SARIFURI.encodePath("models/my model/données.md"), "models/my%20model/donn%C3%A9es.md")
        XCTAssertEqual(SARIFURI.encodePath("a:b/c%d#e?.md"), "a%3Ab/c%25d%23e%3F.md")
        XCTAssertEqual(SARIFURI.decodePath("models/my%20model/donn%C3%A9es.md"), "models/my model/données.md")
        XCTAssertTrue(SARIFURI.isEncodedRelativePath("a/b%20c.md"))
        XCTAssertFalse(SARIFURI.isEncodedRelativePath("a/b c.md"))
        XCTAssertFalse(SARIFURI.isEncodedRelativePath("/abs/x.md"))
        XCTAssertFalse(SARIFURI.isEncodedRelativePath("https://x/y"))
        XCTAssertFalse(SARIFURI.isEncodedRelativePath("a%2"))
    }

    func testWorkflowCommandEscaping() {
        XCTAssertEqual(GitHubReporter.escapeData("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b")
        XCTAssertEqual(GitHubReporter.escapeProperty("a:b,c%\n"), "a%3Ab%2Cc%25%0A")
    }

    func testGitHubCommandsNameFileLineColumnsAndTitle() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "# A\n  FIXME, 100%: done\n")
        try repo.commitAll("card")
        let input = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule()])
        XCTAssertEqual(ReportFormat.github.render(input),
                       "::warning file=models/a/MODEL_CARD.md,line=2,col=3,endColumn=7,title=TST-001 No FIXME left in a model card"
                       + "::unfinished text:   FIXME, 100%25: done [a]%0AFix: Finish the text.\n")
    }

    func testGitLabFingerprintsAreUniqueAndLineIndependent() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "# A\nFIXME same\nFIXME same\n")
        try repo.commitAll("card")
        let input = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule()])
        let issues = try JSONSerialization.jsonObject(with: Data(ReportFormat.gitlab.render(input).utf8)) as? [[String: Any]] ?? []
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        XCTAssertEqual(fingerprints.count, 2)
        XCTAssertEqual(Set(fingerprints).count, 2)
        XCTAssertEqual(fingerprints.first, input.findings.first?.fingerprint)
        XCTAssertEqual(issues.compactMap { $0["severity"] as? String }, ["minor", "minor"])
        XCTAssertEqual(issues.compactMap { ($0["location"] as? [String: Any])?["lines"] as? [String: Int] }.map { $0["begin"] }, [2, 3])
    }

    func testMarkdownCellsCannotBreakTheTable() {
        XCTAssertEqual(MarkdownReporter.cell("a | b <script> *x*\nnext"), "a \\| b &lt;script&gt; \\*x\\*<br>next")
        XCTAssertEqual(MarkdownReporter.code("a`b|c"), "``a`b\\|c``")
    }

    /// A control fails in JUnit only at or above --fail-on; below it, it passes with the findings
    /// in system-out; a not-applicable control is skipped.
    func testJUnitFollowsTheFailThreshold() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "# A & <B>\nFIXME \"quoted\" & <tagged>\n")
        try repo.write(".aims/config.yml", ReportTesting.declaring(["a"]))
        try repo.commitAll("card")
        let input = try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule(), LateStageRule()])
        let relaxed = JUnitReporter().render(input)
        XCTAssertTrue(relaxed.contains("<testsuite name=\"system a\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\">"), relaxed)
        XCTAssertTrue(relaxed.contains("<system-out>models/a/MODEL_CARD.md:2:1 warning TST-001 unfinished text: FIXME \"quoted\" &amp; &lt;tagged&gt;"), relaxed)
        XCTAssertTrue(relaxed.contains("<skipped message=\"stage design-and-development has not reached operation-and-monitoring\"/>"), relaxed)
        let strict = ReportInput(
            toolVersion: input.toolVersion, sourceKind: input.sourceKind, revision: input.revision, commit: input.commit,
            findings: input.findings, controls: input.controls, project: input.project, rules: input.rules,
            allControls: input.allControls, failThreshold: .warning)
        let failing = JUnitReporter().render(strict)
        XCTAssertTrue(failing.contains("failures=\"1\""), failing)
        XCTAssertTrue(failing.contains("<failure message=\"unfinished text: FIXME &quot;quoted&quot; &amp; &lt;tagged&gt;\" type=\"warning\">"), failing)
    }

    /// The self-check catches what the schema cannot.
    func testSelfCheckFindsBrokenReferencesAndValues() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "# A\nFIXME one\nFIXME two\n")
        try repo.commitAll("card")
        let good = SARIFReporter().log(try ReportTesting.input(at: repo.root.path, source: .revision("HEAD"), rules: [FixmeRule()]))
        XCTAssertEqual(SARIFSelfCheck.problems(in: good), [])
        var broken = good
        broken.runs[0].results[0].ruleIndex = 5
        broken.runs[0].results[0].suppressions = []
        broken.runs[0].results[1].level = .none
        broken.runs[0].results[1].locations?[0].physicalLocation?.artifactLocation.uri = "models/a b.md"
        broken.runs[0].results[1].locations?[0].physicalLocation?.region?.endLine = 0
        broken.runs[0].tool.driver.rules?[0].properties?.tags = (1...11).map { "t\($0)" }
        XCTAssertEqual(SARIFSelfCheck.problems(in: broken), [
            "runs[0]: rule TST-001 has 11 tags (at most 10)",
            "runs[0]: results[0] (TST-001): ruleIndex 5 is outside the 1 rules",
            "runs[0]: results[1] (TST-001): kind fail with level none",
            "runs[0]: results[1] (TST-001): uri models/a b.md is not a percent-encoded relative path",
            "runs[0]: results[1] (TST-001): region 3:1-0:6 is not a valid span",
            "runs[0]: suppressions is on 1 of 2 results (all or none)",
        ])
    }
}
