import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import XCTest

/// SPEC §8, what reports print: odd paths come out right in every format (percent-encoded in
/// SARIF), and credentials in remote URLs never come out at all.
final class BadInputReportTests: XCTestCase {
    static let formats = ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"]

    // MARK: paths with spaces, Unicode and newlines

    private let oddPaths = ["models/my model/MODEL_CARD.md", "models/modèle ü/MODEL_CARD.md", "models/new\nline/MODEL_CARD.md"]

    private func oddRepository() throws -> TestRepository {
        let repo = try TestRepository()
        for path in oddPaths { try repo.write(path, "---\nlicense: [mit\n---\n# A\n") }
        try repo.commitAll("odd paths")
        XCTAssertEqual(try repo.git("ls-files", "-z").split(separator: "\0").map(String.init).sorted(), oddPaths.sorted())
        return repo
    }

    private func report(_ format: String, in repo: TestRepository) throws -> String {
        let result = try CLI.run(["check", "--rev", "HEAD", "--format", format], in: repo.root)
        XCTAssertEqual(result.status, 1, "\(format): \(result.stderr)")
        return result.stdout
    }

    func testSPEC8_oddPaths_exactInJSONAndGitLab() throws {
        let repo = try oddRepository()
        let (_, json) = try BadInput.checkJSON(["--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(BadInput.findings(json).filter { $0.rule == "AIMS-005" }.map(\.place),
                       oddPaths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\($0):3:1 AIMS-005" })
        let gitlab = try JSONSerialization.jsonObject(with: Data(report("gitlab", in: repo).utf8)) as? [[String: Any]] ?? []
        let paths = Set(gitlab.compactMap { ($0["location"] as? [String: Any])?["path"] as? String })
        XCTAssertEqual(paths, Set(oddPaths))
    }

    func testSPEC8_oddPaths_percentEncodedInSARIF() throws {
        let repo = try oddRepository()
        let sarif = try report("sarif", in: repo)
        let object = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let results = ((object?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let uris = Set(results.flatMap { result in
            (result["locations"] as? [[String: Any]] ?? []).compactMap {
                (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
            }
        })
        XCTAssertEqual(uris, ["models/my%20model/MODEL_CARD.md", "models/mod%C3%A8le%20%C3%BC/MODEL_CARD.md", "models/new%0Aline/MODEL_CARD.md"])
        XCTAssertEqual(uris.compactMap { $0.removingPercentEncoding }.sorted(), oddPaths.sorted())
    }

    func testSPEC8_oddPaths_oneFindingPerLineInText() throws {
        let repo = try oddRepository()
        let lines = try report("text", in: repo).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.contains("models/my model/MODEL_CARD.md:3:1 error AIMS-005 model card models/my model/MODEL_CARD.md cannot be checked: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2) [my-model]"))
        XCTAssertTrue(lines.contains("models/modèle ü/MODEL_CARD.md"), "Unicode is printed as is")
        XCTAssertTrue(lines.contains(#""models/new\nline/MODEL_CARD.md""#), "a newline is quoted as git quotes it")
        XCTAssertTrue(lines.contains(#""models/new\nline/MODEL_CARD.md":3:1 error AIMS-005 model card models/new\nline/MODEL_CARD.md cannot be checked: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2) [new-line]"#))
        XCTAssertFalse(lines.contains("line/MODEL_CARD.md"), "no finding is split over two lines")

        let brief = try CLI.run(["check", "--rev", "HEAD", "--brief"], in: repo.root)
        XCTAssertTrue(brief.stdout.split(separator: "\n").contains { $0.hasPrefix(#""models/new\nline/MODEL_CARD.md":3:1 error AIMS-005 "#) },
                      brief.stdout)
    }

    func testSPEC8_oddPaths_escapedInGitHubJUnitAndMarkdown() throws {
        let repo = try oddRepository()
        let github = try report("github", in: repo).split(separator: "\n").map(String.init)
        let files = Set(github.compactMap { line -> String? in
            guard let start = line.range(of: "file="), let end = line[start.upperBound...].firstIndex(of: ",") else { return nil }
            return String(line[start.upperBound..<end])
        })
        XCTAssertEqual(files, ["models/my model/MODEL_CARD.md", "models/modèle ü/MODEL_CARD.md", "models/new%0Aline/MODEL_CARD.md"])
        // One workflow command per finding, whatever the rule set finds in this repository.
        let json = try JSONSerialization.jsonObject(with: Data(try report("json", in: repo).utf8)) as? [String: Any] ?? [:]
        XCTAssertEqual(github.count, (json["findings"] as? [Any])?.count)
        XCTAssertTrue(github.allSatisfy { line in ["::error file=", "::warning file=", "::notice file="].contains { line.hasPrefix($0) } },
                      "every line is one command")

        let junit = try report("junit", in: repo)
        let document = try XMLDocument(data: Data(junit.utf8))
        let fileAttributes = Set(try document.nodes(forXPath: "//testcase/@file").compactMap(\.stringValue))
        XCTAssertEqual(fileAttributes, Set(oddPaths), "XML attributes keep the newline (&#10;)")

        // Markdown (a PR comment) keeps one table row per finding; a code span cannot hold a line
        // break, so the Markdown reporter shows it as a space (its own choice, see FormatTests).
        let rows = try report("markdown", in: repo).split(separator: "\n").filter { $0.hasPrefix("| error | AIMS-005 ") }
        XCTAssertEqual(rows.count, 3)
        XCTAssertTrue(rows.contains { $0.contains("`models/modèle ü/MODEL_CARD.md:3`") }, "\(rows)")
        XCTAssertTrue(rows.contains { $0.contains("`models/my model/MODEL_CARD.md:3`") }, "\(rows)")
        XCTAssertTrue(rows.contains { $0.contains("`models/new line/MODEL_CARD.md:3`") && $0.contains("models/new<br>line/MODEL\\_CARD.md") }, "\(rows)")
    }

    // MARK: credentials in remote URLs

    func testSPEC8_remoteURLCredentials_neverPrintedInAnyFormat() throws {
        let remotes = [
            ("https://ada:s3cr3t-T0KEN@git.example.com/org/repo.git", "https://git.example.com/org/repo.git", ["s3cr3t-T0KEN", "ada:"]),
            ("https://ghp_s3cr3tT0KEN@github.com/org/repo.git", "https://github.com/org/repo.git", ["ghp_s3cr3tT0KEN"]),
            ("https://oauth2:glpat-s3cr3t@gitlab.example.com/org/repo", "https://gitlab.example.com/org/repo", ["glpat-s3cr3t", "oauth2"]),
            ("ssh://robot-7:s3cr3t-pass@git.example.com/org/repo.git", "ssh://git.example.com/org/repo.git", ["s3cr3t-pass", "robot-7"]),
            ("robot-7:s3cr3t-pass@git.example.com:org/repo.git", "ssh://git.example.com/org/repo.git", ["s3cr3t-pass", "robot-7"]),
        ]
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try repo.write("models/b/MODEL_CARD.md", "---\nlicense: [mit\n---\n# B\n")
        try repo.commitAll("cards")
        try repo.git("remote", "add", "origin", remotes[0].0)
        for (remote, shown, secrets) in remotes {
            try repo.git("remote", "set-url", "origin", remote)
            for format in Self.formats {
                for extra in [[], ["--include-passes"]] {
                    let result = try CLI.run(["check", "--rev", "HEAD", "--format", format] + extra, in: repo.root)
                    XCTAssertEqual(result.status, 1, "\(format): \(result.stderr)")
                    for secret in secrets {
                        XCTAssertFalse(result.stdout.contains(secret), "\(remote) leaked into \(format)")
                        XCTAssertFalse(result.stderr.contains(secret), "\(remote) leaked into stderr (\(format))")
                    }
                }
            }
            let sarif = try CLI.run(["check", "--rev", "HEAD", "--format", "sarif"], in: repo.root)
            let object = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
            let provenance = ((object?["runs"] as? [[String: Any]])?.first?["versionControlProvenance"] as? [[String: Any]])?.first
            XCTAssertEqual(provenance?["repositoryUri"] as? String, shown, remote)
            // Error paths print no remote either.
            let failing = try CLI.run(["check", "--rev", "HEAD", "--base", "origin/main"], in: repo.root)
            XCTAssertEqual(failing.status, 2)
            for secret in secrets { XCTAssertFalse(failing.stderr.contains(secret), failing.stderr) }
        }
    }
}
