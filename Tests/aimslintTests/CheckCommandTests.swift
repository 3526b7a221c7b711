import Foundation
import TestSupport
import XCTest

/// End-to-end tests of `aimslint check` against real repositories: sources, exit codes, errors.
final class CheckCommandTests: XCTestCase {
    private let goodCard = """
        ---
        license: mit
        ---
        # Tagger

        ## Intended use

        Tags support tickets by product area so that they reach the right team quickly.
        """

    /// --rev HEAD, --staged and --worktree each list exactly their own artifacts.
    func testThreeSourcesListTheirOwnArtifacts() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", goodCard)
        try repo.write("models/gone/MODEL_CARD.md", goodCard)
        try repo.commitAll("two cards")
        try repo.write("models/staged/MODEL_CARD.md", goodCard)
        try repo.git("add", "models/staged/MODEL_CARD.md")
        try repo.write("models/untracked/MODEL_CARD.md", goodCard)
        try repo.remove("models/gone/MODEL_CARD.md")

        func artifacts(_ flag: String) throws -> [String] {
            let result = try CLI.run(["check", flag, "--format", "json", "--fail-on", "none"], in: repo.root)
            XCTAssertEqual(result.status, 0, result.stderr)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let systems = json?["systems"] as? [[String: Any]] ?? []
            return systems.flatMap { ($0["artifacts"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }.sorted()
        }
        XCTAssertEqual(try artifacts("--rev=HEAD"), ["models/a/MODEL_CARD.md", "models/gone/MODEL_CARD.md"])
        XCTAssertEqual(try artifacts("--staged"), ["models/a/MODEL_CARD.md", "models/gone/MODEL_CARD.md", "models/staged/MODEL_CARD.md"])
        XCTAssertEqual(try artifacts("--worktree"), ["models/a/MODEL_CARD.md", "models/staged/MODEL_CARD.md", "models/untracked/MODEL_CARD.md"])
    }

    func testNotARepositoryExitsTwoWithOneLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aimslint-norepo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["check", folder.path], environment: ["GIT_CEILING_DIRECTORIES": folder.deletingLastPathComponent().path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(lines.first?.contains("not a git repository") == true || lines.first?.contains("not a repository") == true, result.stderr)
    }

    func testUnknownRevisionExitsTwo() throws {
        let repo = try TestRepository()
        try repo.write("README.md", "# x\n")
        try repo.commitAll("first")
        let result = try CLI.run(["check", "--rev", "origin/mian"], in: repo.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("origin/mian"), result.stderr)
    }

    func testUnbornHeadExitsTwo() throws {
        let repo = try TestRepository()
        let result = try CLI.run(["check", "--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("no commits yet"), result.stderr)
    }

    func testUsageErrorExits64() throws {
        let repo = try TestRepository()
        let result = try CLI.run(["check", "--staged", "--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 64)
        let unknownRule = try CLI.run(["check", "--rule", "XX-001"], in: repo.root)
        XCTAssertEqual(unknownRule.status, 64)
    }

    func testInvalidConfigExitsTwoNamingFileLineAndColumn() throws {
        let repo = try TestRepository()
        try repo.write(".aims/config.yml", "version: 1\nsystems:\n  - id: a\n    root: models/a\n    stag: deployment\nrules:\n  MC-999: off\n")
        try repo.write("models/a/MODEL_CARD.md", goodCard)
        try repo.commitAll("config")
        let result = try CLI.run(["check", "--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(".aims/config.yml:5:5: unknown key 'stag'"), result.stderr)
        XCTAssertTrue(result.stderr.contains(".aims/config.yml:7:3: unknown rule id 'MC-999'"), result.stderr)
        XCTAssertTrue(result.stdout.contains("AIMS-001"), result.stdout)
    }

    func testNoConfigStillChecksAndHintsOnce() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "---\nlicense: [mit\n---\n# A\n")
        try repo.commitAll("card")
        let result = try CLI.run(["check", "--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("AIMS-005"), result.stdout)
        XCTAssertEqual(result.stderr.components(separatedBy: "aimslint init").count - 1, 1, result.stderr)
    }

    func testJSONIsByteIdenticalAcrossRuns() throws {
        let demo = try DemoRepository.build()
        let first = try CLI.run(["check", "--rev", "HEAD", "--format", "json", demo.path])
        let second = try CLI.run(["check", "--rev", "HEAD", "--format", "json", demo.path])
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertFalse(first.stdout.isEmpty)
        XCTAssertEqual(first.stdout, second.stdout)
    }

    func testOutputFileIsWrittenAtomicallyAndUnwritableTargetExitsTwo() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", goodCard)
        try repo.commitAll("card")
        let target = repo.root.appendingPathComponent("out/report.json")
        let missingFolder = try CLI.run(["check", "--rev", "HEAD", "--format", "json", "--output", target.path], in: repo.root)
        XCTAssertEqual(missingFolder.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let written = try CLI.run(["check", "--rev", "HEAD", "--format", "json", "--fail-on", "none", "--output", target.path], in: repo.root)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stdout, "")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, ["report.json"])
        let devNull = try CLI.run(["check", "--rev", "HEAD", "--fail-on", "none", "--output", "/dev/null"], in: repo.root)
        XCTAssertEqual(devNull.status, 0, devNull.stderr)
    }
    /// Saved history answers (`.git/aimslint/answers-v1/`) change nothing in the report: a
    /// first run writes them, a second run reads them, `--no-cache` neither reads nor writes.
    func testSavedHistoryAnswersGiveTheSameReportAndNoCacheWritesNothing() throws {
        let repo = try TestRepository()
        let config = "version: 1\nsystems:\n  - id: churn\n    root: models/churn\n    stage: operation-and-monitoring\n"
        try repo.write(".aims/config.yml", config)
        try repo.write("models/churn/MODEL_CARD.md", "# Churn\n")
        try repo.write("models/churn/train.py", "print('train')\n")
        try repo.commitAll("card and code")
        try repo.write("models/churn/train.py", "print('train with the new features')\n")
        try repo.commitAll("new features")
        let answers = repo.root.appendingPathComponent(".git/aimslint/answers-v1")
        let arguments = ["check", "--rev", "HEAD", "--format", "json", "--fail-on", "none"]
        let plain = try CLI.run(arguments + ["--no-cache"], in: repo.root)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("GIT-001"), plain.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: answers.path))
        let first = try CLI.run(arguments, in: repo.root)
        XCTAssertTrue(FileManager.default.fileExists(atPath: answers.path))
        let second = try CLI.run(arguments, in: repo.root)
        XCTAssertEqual(first.stdout, plain.stdout)
        XCTAssertEqual(second.stdout, plain.stdout)
    }
}

/// The demo history of fixtures/demo, replayed by the same script the README's command uses.
enum DemoRepository {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func build() throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("aimslint-demo-\(UUID().uuidString)")
        let result = try runProcess("/bin/bash", [packageRoot.appendingPathComponent("scripts/build-fixture-repo.sh").path,
                                                  packageRoot.appendingPathComponent("fixtures/demo").path, out.path],
                                    environment: isolatedGitEnvironment())
        XCTAssertEqual(result.status, 0, result.stderr)
        return out
    }

}
