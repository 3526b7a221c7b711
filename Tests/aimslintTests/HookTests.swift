import Foundation
import TestSupport
import XCTest

/// `aimslint hook install` in a real repository, driven by real `git commit` runs.
final class HookTests: XCTestCase {
    private let emptyIntendedUse = "# Tagger\n\n## Intended use\n\n## Limitations\n\nOnly English tickets.\n"
    private let goodIntendedUse = """
        # Tagger

        ## Intended use

        Routes support tickets to the team that owns the product area, for the support staff.

        ## Training data

        Fine-tuned on [example-org/support-tickets](https://huggingface.co/datasets/example-org/support-tickets).

        ## Evaluation

        On the held-out test split of example-org/support-tickets the tagger reaches 0.91 accuracy.

        ## Limitations

        Only English tickets.
        """

    func testHookRefusesABadCardAndLetsTheFixThrough() throws {
        let repo = try TestRepository()
        try repo.write("README.md", "# project\n")
        // The system's inception documents are already committed; the commit under test adds its card.
        let inception = DemoRepository.packageRoot.appendingPathComponent("fixtures/lifecycle/inception/docs/ai/triage")
        for name in ["impact-assessment.md", "risk-assessment.md"] {
            try repo.write("docs/ai/tagger/\(name)", String(contentsOf: inception.appendingPathComponent(name), encoding: .utf8))
        }
        try repo.commitAll("first")
        let install = try CLI.run(["hook", "install"], in: repo.root)
        XCTAssertEqual(install.status, 0, install.stderr)

        try repo.write("models/tagger/MODEL_CARD.md", emptyIntendedUse)
        try repo.git("add", "models/tagger/MODEL_CARD.md")
        let refused = try runProcess("/usr/bin/git", ["commit", "-q", "-m", "card"], currentDirectory: repo.root, environment: isolatedGitEnvironment())
        XCTAssertEqual(refused.status, 1, refused.stdout + refused.stderr)
        XCTAssertTrue((refused.stdout + refused.stderr).contains("MC-002"), refused.stdout + refused.stderr)

        // Unstaged edits do not count: fixing the file without staging it is still refused.
        try repo.write("models/tagger/MODEL_CARD.md", goodIntendedUse)
        let stillRefused = try runProcess("/usr/bin/git", ["commit", "-q", "-m", "card"], currentDirectory: repo.root, environment: isolatedGitEnvironment())
        XCTAssertEqual(stillRefused.status, 1, stillRefused.stdout + stillRefused.stderr)

        try repo.git("add", "models/tagger/MODEL_CARD.md")
        let accepted = try runProcess("/usr/bin/git", ["commit", "-q", "-m", "card"], currentDirectory: repo.root, environment: isolatedGitEnvironment())
        XCTAssertEqual(accepted.status, 0, accepted.stdout + accepted.stderr)
    }

    func testHooksPathIsHonouredAndExistingHooksAreNotClobbered() throws {
        let repo = try TestRepository()
        try repo.git("config", "core.hooksPath", ".githooks")
        try repo.write(".githooks/pre-commit", "#!/bin/sh\necho previous hook ran\n")
        let refused = try CLI.run(["hook", "install"], in: repo.root)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(try repo.read(".githooks/pre-commit"), "#!/bin/sh\necho previous hook ran\n")
        let forced = try CLI.run(["hook", "install", "--force"], in: repo.root)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try repo.read(".githooks/pre-commit").contains("aimslint-hook v1"))
        XCTAssertTrue(try repo.read(".githooks/pre-commit").contains("pre-commit.aimslint-chained"))
        let uninstall = try CLI.run(["hook", "uninstall"], in: repo.root)
        XCTAssertEqual(uninstall.status, 0, uninstall.stderr)
        XCTAssertEqual(try repo.read(".githooks/pre-commit"), "#!/bin/sh\necho previous hook ran\n")
    }
}
