import Foundation
import TestSupport
import XCTest

/// The pull-request gate: `check --rev HEAD --base main` on feature branches of a real repository.
final class GateTests: XCTestCase {
    private let broken = "---\nlicense: mit\n  tags: [a\n---\n# Card\n"
    private let fine = "---\nlicense: mit\n---\n# Card\n"

    /// main holds one old AIMS-005 finding (models/old); a feature branch starts from it.
    private func repositoryWithOldFinding() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.write(".aims/config.yml", "version: 1\n")
        try repo.write("models/old/MODEL_CARD.md", broken)
        try repo.write("models/new/MODEL_CARD.md", fine)
        try repo.commitAll("main")
        try repo.git("checkout", "-q", "-b", "feature")
        return repo
    }

    private func findings(_ stdout: String) throws -> [(rule: String, path: String, state: String)] {
        let json = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        return (json?["findings"] as? [[String: Any]] ?? []).map {
            ($0["ruleId"] as? String ?? "", $0["path"] as? String ?? "", $0["baselineState"] as? String ?? "")
        }
    }

    func testOnlyTheNewFindingIsNewAndFails() throws {
        let repo = try repositoryWithOldFinding()
        try repo.write("models/new/MODEL_CARD.md", broken)
        try repo.commitAll("break the new card")
        let result = try CLI.run(["check", "--rev", "HEAD", "--base", "main", "--format", "json"], in: repo.root)
        XCTAssertEqual(result.status, 1, result.stderr)
        let aims005 = try findings(result.stdout).filter { $0.rule == "AIMS-005" }
        XCTAssertEqual(aims005.map { "\($0.path) \($0.state)" }, ["models/new/MODEL_CARD.md new", "models/old/MODEL_CARD.md unchanged"])
    }

    func testABranchThatOnlyFixesPassesWithAbsentFindings() throws {
        let repo = try repositoryWithOldFinding()
        try repo.write("models/old/MODEL_CARD.md", fine)
        try repo.commitAll("fix the old card")
        let result = try CLI.run(["check", "--rev", "HEAD", "--base", "main", "--format", "json"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let aims005 = try findings(result.stdout).filter { $0.rule == "AIMS-005" }
        XCTAssertEqual(aims005.map { "\($0.path) \($0.state)" }, ["models/old/MODEL_CARD.md absent"])
    }

    /// A branch that deletes the file of an old finding: the fixed finding is about the base,
    /// so nothing tries to blame a file the checked commit does not have.
    func testAFindingFixedByDeletingItsFileIsReportedWithoutABlameError() throws {
        let repo = try repositoryWithOldFinding()
        try repo.git("rm", "-q", "models/old/MODEL_CARD.md")
        try repo.commitAll("remove the old card")
        let result = try CLI.run(["check", "--rev", "HEAD", "--base", "main", "--format", "json"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("cannot tie findings"), result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let fixed = (json?["findings"] as? [[String: Any]] ?? []).filter {
            $0["ruleId"] as? String == "AIMS-005" && $0["path"] as? String == "models/old/MODEL_CARD.md"
        }
        XCTAssertEqual(fixed.map { $0["baselineState"] as? String }, ["absent"])
        XCTAssertNil(fixed.first?["introducedBy"])
    }

    func testSwitchingTheRuleOffInTheBranchStillFailsUnlessPolicyHead() throws {
        let repo = try repositoryWithOldFinding()
        try repo.write(".aims/config.yml", "version: 1\nrules:\n  AIMS-005: off\n")
        try repo.write("models/new/MODEL_CARD.md", broken)
        try repo.commitAll("silence the rule and break a card")
        let gate = try CLI.run(["check", "--rev", "HEAD", "--base", "main", "--format", "json"], in: repo.root)
        XCTAssertEqual(gate.status, 1, gate.stderr)
        let found = try findings(gate.stdout)
        XCTAssertTrue(found.contains { $0.rule == "AIMS-005" && $0.path == "models/new/MODEL_CARD.md" && $0.state == "new" })
        XCTAssertTrue(found.contains { $0.rule == "AIMS-006" && $0.path == ".aims/config.yml" && $0.state == "new" })
        let head = try CLI.run(["check", "--rev", "HEAD", "--base", "main", "--policy", "head", "--format", "json"], in: repo.root)
        XCTAssertEqual(head.status, 0, head.stderr)
        XCTAssertFalse(try findings(head.stdout).contains { $0.rule == "AIMS-005" && $0.state != "absent" })
    }

    func testTrainingCodeChangeWithoutCardGetsGIT002() throws {
        let repo = try TestRepository()
        try repo.write("models/x/MODEL_CARD.md", fine)
        try repo.write("models/x/train.py", "print('v1')\n")
        try repo.commitAll("main")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("models/x/train.py", "print('v2')\n")
        try repo.commitAll("retrain")
        let result = try CLI.run(["check", "--rev", "HEAD", "--base", "main", "--format", "json", "--fail-on", "none"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let git002 = try findings(result.stdout).filter { $0.rule == "GIT-002" }
        XCTAssertEqual(git002.map { "\($0.path) \($0.state)" }, ["models/x/MODEL_CARD.md new"])
    }

    func testBaseUsesTheMergeBaseNotTheMovedBranchTip() throws {
        let repo = try repositoryWithOldFinding()
        try repo.write("models/feature/MODEL_CARD.md", fine)
        try repo.commitAll("feature work")
        try repo.git("checkout", "-q", "main")
        try repo.write("models/old/MODEL_CARD.md", fine)
        try repo.commitAll("main fixes the old card meanwhile")
        try repo.git("checkout", "-q", "feature")
        let result = try CLI.run(["check", "--rev", "HEAD", "--base", "main", "--format", "json", "--rule", "AIMS-005"], in: repo.root)
        // Against the merge base the old finding is unchanged, not "new": the branch did not cause it.
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try findings(result.stdout).filter { $0.rule == "AIMS-005" }.map(\.state), ["unchanged"])
    }

    func testMissingBaseExitsTwoNamingIt() throws {
        let repo = try repositoryWithOldFinding()
        let result = try CLI.run(["check", "--rev", "HEAD", "--base", "origin/main"], in: repo.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("origin/main"), result.stderr)
        XCTAssertTrue(result.stderr.contains("fetch"), result.stderr)
    }

    func testShallowCloneExitsTwoWithHintUnlessAllowed() throws {
        let repo = try repositoryWithOldFinding()
        try repo.write("models/x/MODEL_CARD.md", fine)
        try repo.commitAll("second")
        let shallow = try TestRepository(cloneOf: repo, depth: 1)
        let refused = try CLI.run(["check", "--rev", "HEAD"], in: shallow.root)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("fetch-depth: 0"), refused.stderr)
        let allowed = try CLI.run(["check", "--rev", "HEAD", "--allow-shallow", "--fail-on", "none"], in: shallow.root)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
    }
}
