import Foundation
import TestSupport
import XCTest

/// What a newcomer meets first (SPEC §5.1, issue 15): a repository with one well-kept card and
/// no config, `aimslint init` with no arguments, `aimslint check PATH` in a model zoo, and the
/// diff-mode summary.
final class FirstRunTests: XCTestCase {
    private let wellKept = """
        ---
        license: mit
        library_name: transformers
        ---
        # Ticket router

        Version 2.1, released May 2024.

        ## Intended use

        Support agents use it to pre-assign new tickets to a queue; an agent confirms each one. It is
        not intended for deciding refunds.

        ## Training data

        Fine-tuned on [acme/support-tickets-2024](https://huggingface.co/datasets/acme/support-tickets-2024).

        ## Evaluation

        On the held-out test split of acme/support-tickets-2024 the router reaches 0.91 accuracy.

        ## Limitations

        Tickets that mix two languages go to one queue only.
        """

    func testAWellKeptCardAloneExitsZeroAndSaysWhatItLacks() throws {
        let repo = try TestRepository()
        try repo.write("LICENSE", "SPDX-License-Identifier: MIT\n")
        try repo.write("models/router/README.md", wellKept)
        try repo.commitAll("card")
        let result = try CLI.run(["check", "--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("AIMS-007"), "the life cycle documents are listed once, as a note: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("MC-010"), "what the card lacks (machine-readable results) is reported")
        XCTAssertTrue(result.stdout.contains("router (stage not declared, models/router)"), result.stdout)
        XCTAssertFalse(result.stdout.contains(" error "), result.stdout)
    }

    func testAGoodNewCardInAnUndeclaredFolderPassesTheHook() throws {
        let repo = try TestRepository()
        try repo.write(".aims/config.yml", "version: 1\nsystems:\n  - id: ranker\n    root: models/ranker\n    stage: inception\n")
        try repo.write("README.md", "# project\n")
        try repo.commitAll("first")
        XCTAssertEqual(try CLI.run(["hook", "install"], in: repo.root).status, 0)
        try repo.write("models/router/README.md", wellKept)
        try repo.git("add", "models/router/README.md")
        let commit = try runProcess("/usr/bin/git", ["commit", "-q", "-m", "router card"], currentDirectory: repo.root,
                                    environment: isolatedGitEnvironment())
        XCTAssertEqual(commit.status, 0, commit.stdout + commit.stderr)
    }

    func testInitWithoutArgumentsDeclaresEveryInferredSystem() throws {
        let repo = try TestRepository()
        try repo.write("model_cards/AUDIOGEN_MODEL_CARD.md", wellKept)
        try repo.write("model_cards/MUSICGEN_MODEL_CARD.md", wellKept)
        try repo.write("models/router/MODEL_CARD.md", wellKept)
        try repo.commitAll("cards")
        let result = try CLI.run(["init"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("declaring systems 'audiogen', 'musicgen', 'router'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("set each system's stage"), result.stderr)
        let config = try repo.read(".aims/config.yml")
        XCTAssertTrue(config.contains("  - id: audiogen\n    root: model_cards\n    stage: design-and-development   # choose: inception |"), config)
        XCTAssertTrue(config.contains("      model-card: model_cards/AUDIOGEN_MODEL_CARD.md"), config)
        // The config it wrote is valid, and every system is now declared.
        let json = try CLI.run(["check", "--worktree", "--format", "json", "--fail-on", "none"], in: repo.root)
        XCTAssertEqual(json.status, 0, json.stderr)
        let systems = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["systems"] as? [[String: Any]] ?? []
        XCTAssertEqual(systems.compactMap { $0["declared"] as? Bool }, [true, true, true])
        // Never overwrites.
        let again = try CLI.run(["init"], in: repo.root)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("never overwrites"), again.stderr)
        XCTAssertEqual(try repo.read(".aims/config.yml"), config)
    }

    func testCheckPathLimitsTheSystemsAndDocumentsToThatFolder() throws {
        let repo = try TestRepository()
        for name in ["churn", "ranker", "tagger"] {
            try repo.write("models/\(name)/MODEL_CARD.md", "# \(name)\n\nTODO: describe \(name).\n")
        }
        try repo.commitAll("three cards")
        let result = try CLI.run(["check", "--rev", "HEAD", "--format", "json", "models/churn"], in: repo.root)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let systems = (json["systems"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        XCTAssertEqual(systems, ["churn"], result.stderr)
        let paths = Set((json["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
        XCTAssertEqual(paths, ["models/churn/MODEL_CARD.md"], "placeholders of the other cards are not reported")
        // --system limits the systems listed too.
        let bySystem = try CLI.run(["check", "--rev", "HEAD", "--format", "json", "--system", "ranker"], in: repo.root)
        let listed = ((try JSONSerialization.jsonObject(with: Data(bySystem.stdout.utf8)) as? [String: Any])?["systems"]
                      as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        XCTAssertEqual(listed, ["ranker"])
    }

    func testDiffModeSummarySaysWhatIsNewFixedAndUnchanged() throws {
        let repo = try TestRepository()
        try repo.write("models/old/MODEL_CARD.md", "# Old\n\nTODO: finish.\n")
        try repo.write("models/gone/MODEL_CARD.md", "# Gone\n\nFIXME later.\n")
        try repo.commitAll("main")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("models/gone/MODEL_CARD.md", "# Gone\n\nRoutes tickets to queues for the support desk.\n")
        try repo.write("models/new/MODEL_CARD.md", "# New\n\nTBD\n")
        try repo.commitAll("feature")
        let result = try CLI.run(["check", "--rev", "HEAD", "--base", "main", "--fail-on", "warning"], in: repo.root)
        XCTAssertEqual(result.status, 1, result.stderr)
        let summary = result.stdout.split(separator: "\n").first { $0.contains("this change:") }.map(String.init) ?? ""
        XCTAssertTrue(summary.contains(" new, ") && summary.contains(" fixed, ") && summary.contains(" unchanged"), result.stdout)
        XCTAssertFalse(summary.contains(" 0 new"), summary)
        XCTAssertFalse(summary.contains(" 0 fixed"), summary)
    }
}
