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
        defer { try? FileManager.default.removeItem(at: demo) }
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

extension CheckCommandTests {
    /// `check --staged` saves the base's rule outcomes at HEAD (results-v1); a later run takes
    /// them back for unchanged subjects only, and its report is the report of a run without
    /// any cache — after a document edit, an added model file (a rule that reads the change
    /// set) and an added document (files that exist differ: nothing is taken back).
    func testSavedRuleOutcomesGiveTheSameStagedReportAsNoCache() throws {
        let root = try DemoRepository.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let results = root.appendingPathComponent(".git/aimslint/results-v1")
        let arguments = ["check", "--staged", "--format", "json", "--fail-on", "none"]
        func stage(_ path: String, appending text: String) throws {
            let url = root.appendingPathComponent(path)
            let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (old + text).write(to: url, atomically: true, encoding: .utf8)
            let added = try runProcess("/usr/bin/env", ["git", "add", "--", path], currentDirectory: root, environment: isolatedGitEnvironment())
            XCTAssertEqual(added.status, 0, added.stderr)
        }
        _ = try CLI.run(arguments + ["--no-cache"], in: root)
        XCTAssertFalse(FileManager.default.fileExists(atPath: results.path), "--no-cache writes nothing")
        for (path, text) in [("models/sentiment/MODEL_CARD.md", "\nReviewed again.\n"),
                             ("models/churn/weights.bin", "new weights\n"),
                             ("models/vision/notes.md", "# Notes\n")] {
            try stage(path, appending: text)
            let plain = try CLI.run(arguments + ["--no-cache"], in: root)
            XCTAssertEqual(plain.status, 0, plain.stderr)
            let first = try CLI.run(arguments, in: root)
            let second = try CLI.run(arguments, in: root)
            XCTAssertEqual(first.stdout, plain.stdout, "after staging \(path), first run")
            XCTAssertEqual(second.stdout, plain.stdout, "after staging \(path), run with saved outcomes")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: results.path))
    }

    /// Proof that outcomes are taken back, and only where the subject is unchanged: a saved
    /// outcome altered by hand shows up for an untouched system, not for the edited one.
    func testSavedRuleOutcomesAreTakenOnlyForUnchangedSubjects() throws {
        let root = try DemoRepository.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let card = root.appendingPathComponent("models/sentiment/MODEL_CARD.md")
        try (try String(contentsOf: card, encoding: .utf8) + "\nReviewed again.\n").write(to: card, atomically: true, encoding: .utf8)
        let added = try runProcess("/usr/bin/env", ["git", "add", "--", "models/sentiment/MODEL_CARD.md"], currentDirectory: root,
                                   environment: isolatedGitEnvironment())
        XCTAssertEqual(added.status, 0, added.stderr)
        let arguments = ["check", "--staged", "--format", "json", "--fail-on", "none"]
        let plain = try CLI.run(arguments, in: root)
        try editSavedOutcomes(in: root) { saved in
            var outcomes = try XCTUnwrap(saved["outcomes"] as? [String: [String: [String: Any]]])
            var altered = 0
            for (subject, rules) in outcomes where subject == "system:churn" || subject == "system:sentiment" {
                for (rule, outcome) in rules {
                    guard var findings = outcome["findings"] as? [[String: Any]], !findings.isEmpty else { continue }
                    for index in findings.indices { findings[index]["message"] = "ALTERED \(subject)" }
                    var changed = outcome
                    changed["findings"] = findings
                    outcomes[subject]?[rule] = changed
                    altered += 1
                }
            }
            XCTAssertGreaterThan(altered, 1)
            saved["outcomes"] = outcomes
        }

        let again = try CLI.run(arguments, in: root)
        XCTAssertTrue(again.stdout.contains("ALTERED system:churn"), "the untouched system's saved outcome is taken")
        XCTAssertFalse(again.stdout.contains("ALTERED system:sentiment"), "the edited system is evaluated again")
        XCTAssertFalse(plain.stdout.contains("ALTERED"))
    }

    /// A damaged saved file is a miss, never a wrong report: garbage, a header without its
    /// outcomes, and a valid header over broken outcomes each give the `--no-cache` report
    /// (and the run writes a good file again).
    func testDamagedSavedOutcomesAreAMiss() throws {
        let root = try DemoRepository.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let edited = "models/sentiment/MODEL_CARD.md"
        let card = root.appendingPathComponent(edited)
        try (try String(contentsOf: card, encoding: .utf8) + "\nReviewed again.\n").write(to: card, atomically: true, encoding: .utf8)
        let added = try runProcess("/usr/bin/env", ["git", "add", "--", edited], currentDirectory: root, environment: isolatedGitEnvironment())
        XCTAssertEqual(added.status, 0, added.stderr)
        let arguments = ["check", "--staged", "--format", "json", "--fail-on", "none"]
        let reference = try CLI.run(arguments + ["--no-cache"], in: root)
        XCTAssertEqual(reference.status, 0, reference.stderr)
        _ = try CLI.run(arguments, in: root)
        let folder = root.appendingPathComponent(".git/aimslint/results-v1")
        let keyFolder = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).first)
        let file = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: keyFolder, includingPropertiesForKeys: nil)
            .first { $0.pathExtension == "json" })
        let good = try Data(contentsOf: file)
        let newline = try XCTUnwrap(good.firstIndex(of: 0x0A))
        let damaged: [(String, Data)] = [
            ("garbage", Data("not json at all\n{".utf8)),
            ("header only", Data(good[..<newline])),
            ("broken outcomes", Data(good[...newline]) + Data("{\"key\": 1".utf8)),
        ]
        for (name, bytes) in damaged {
            try bytes.write(to: file)
            let run = try CLI.run(arguments, in: root)
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            XCTAssertEqual(run.stdout, reference.stdout, name)
            // The same file again (its set of rule ids is written in hash order: compare the
            // header, which holds no set, and the length).
            let rewritten = try Data(contentsOf: file)
            XCTAssertEqual(rewritten.prefix(newline + 1), good.prefix(newline + 1), "\(name): the ledger is saved again")
            XCTAssertEqual(rewritten.count, good.count, "\(name): the outcomes are saved again")
        }
    }

    /// Rewrites the outcomes (the second line) of the one saved file of a repository's result
    /// cache with `edit`; the header line (the ledger) stays as written.
    private func editSavedOutcomes(in root: URL, _ edit: (inout [String: Any]) throws -> Void) throws {
        let folder = root.appendingPathComponent(".git/aimslint/results-v1")
        let keyFolder = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).first)
        let file = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: keyFolder, includingPropertiesForKeys: nil)
            .first { $0.pathExtension == "json" })
        let data = try Data(contentsOf: file)
        let newline = try XCTUnwrap(data.firstIndex(of: 0x0A), "a header line, then the outcomes")
        let header = try XCTUnwrap(JSONSerialization.jsonObject(with: data[..<newline]) as? [String: Any])
        XCTAssertNotNil(header["ledger"])
        var outcomes = try XCTUnwrap(JSONSerialization.jsonObject(with: data[(newline + 1)...]) as? [String: Any])
        try edit(&outcomes)
        try (Data(data[...newline]) + JSONSerialization.data(withJSONObject: outcomes)).write(to: file)
    }

    /// Repository-wide document rules (placeholders, wording) keep their findings per document:
    /// a staged edit of one card evaluates that card again and takes every other document's
    /// findings from the saved entry — checked by altering the saved findings by hand.
    func testSavedDocumentFindingsAreTakenOnlyForUnchangedDocuments() throws {
        let root = try DemoRepository.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let edited = "models/sentiment/MODEL_CARD.md"
        let card = root.appendingPathComponent(edited)
        try (try String(contentsOf: card, encoding: .utf8) + "\nReviewed again.\n").write(to: card, atomically: true, encoding: .utf8)
        let added = try runProcess("/usr/bin/env", ["git", "add", "--", edited], currentDirectory: root,
                                   environment: isolatedGitEnvironment())
        XCTAssertEqual(added.status, 0, added.stderr)
        let arguments = ["check", "--staged", "--format", "json", "--fail-on", "none"]
        let reference = try CLI.run(arguments + ["--no-cache"], in: root)
        let plain = try CLI.run(arguments, in: root)
        XCTAssertEqual(plain.stdout, reference.stdout, "saved per-document findings give the --no-cache report")
        try editSavedOutcomes(in: root) { saved in
            var documents = try XCTUnwrap(saved["documents"] as? [String: Any])
            var byRule = try XCTUnwrap(documents["findings"] as? [String: [String: [[String: Any]]]])
            var altered: Set<String> = []
            for (rule, paths) in byRule {
                for (path, findings) in paths {
                    byRule[rule]?[path] = findings.map { finding in
                        var changed = finding
                        changed["message"] = "ALTERED \(path)"
                        return changed
                    }
                    altered.insert(path)
                }
            }
            XCTAssertTrue(altered.contains(edited), "the base's card had document findings (TERM-001)")
            XCTAssertTrue(altered.contains("models/churn/model_card.md"), "an untouched card had document findings (MC-008)")
            documents["findings"] = byRule
            saved["documents"] = documents
        }

        let again = try CLI.run(arguments, in: root)
        XCTAssertTrue(again.stdout.contains("ALTERED models/churn/model_card.md"), "an untouched document's findings are taken")
        XCTAssertFalse(again.stdout.contains("ALTERED \(edited)"), "the edited document is evaluated again")
        XCTAssertFalse(reference.stdout.contains("ALTERED"))
    }
}
