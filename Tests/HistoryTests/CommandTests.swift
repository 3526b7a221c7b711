import Foundation
import TestSupport
import XCTest

/// `aimslint history` end to end: exit codes, stderr log line, --output.
final class CommandTests: XCTestCase {
    private var executable: String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("aimslint").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try XCTUnwrap(executable, "build the aimslint executable first (swift build --build-tests)")
        var environment = isolatedGitEnvironment()
        environment["NO_COLOR"] = "1"
        return try runProcess(binary, arguments, environment: environment)
    }

    private func repository() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.write("models/sentiment/MODEL_CARD.md", card)
        try repo.commitAll("card")
        try repo.write("src/a.py", "1\n")
        try repo.commitAll("code")
        return repo
    }

    func testJSONRunLogsWhatWasEvaluatedAndTheSecondRunUsesTheCache() throws {
        let repo = try repository()
        let first = try run(["history", repo.root.path, "--format", "json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("\"commitsEvaluated\" : 1"), first.stdout)
        XCTAssertTrue(first.stderr.contains("history: 2 commits scanned, 1 evaluated, 0 from the cache"), first.stderr)
        let second = try run(["history", repo.root.path, "--format", "json"])
        XCTAssertTrue(second.stderr.contains("2 commits scanned, 0 evaluated, 2 from the cache"), second.stderr)
        XCTAssertEqual(second.stdout.replacingOccurrences(of: "\"commitsEvaluated\" : 0", with: "\"commitsEvaluated\" : 1"),
                       first.stdout)
    }

    func testShallowCloneExitsTwoUnlessAllowed() throws {
        let clone = try TestRepository(cloneOf: try repository(), depth: 1)
        let refused = try run(["history", clone.root.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("shallow clone"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--allow-shallow"), refused.stderr)
        let allowed = try run(["history", clone.root.path, "--allow-shallow", "--format", "json", "--no-cache"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stdout.contains("\"shallowBoundary\" : \"\(try clone.git("rev-parse", "HEAD"))\""), allowed.stdout)
    }

    func testUsageAndRepositoryErrors() throws {
        let repo = try repository()
        XCTAssertEqual(try run(["history", repo.root.path, "--rule", "NOPE-1"]).status, 64)
        XCTAssertEqual(try run(["history", repo.root.path, "--since", "yesterday"]).status, 64)
        XCTAssertEqual(try run(["history", repo.root.path, "--rev", "missing"]).status, 2)
        XCTAssertEqual(try run(["history", "/nonexistent/folder"]).status, 2)
    }

    func testHTMLOutputFileIsWrittenAndNothingElseChanges() throws {
        let repo = try repository()
        let out = repo.root.deletingLastPathComponent().appendingPathComponent("history.html")
        let result = try run(["history", repo.root.path, "--format", "html", "--output", out.path, "--all-parents"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains("<svg "))
        XCTAssertEqual(try repo.git("status", "--porcelain"), "")
    }
}
