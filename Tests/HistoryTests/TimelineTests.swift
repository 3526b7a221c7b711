import Foundation
@testable import History
import Lint
import Rules
import TestSupport
import XCTest

/// Timelines on small real histories: when controls are met, lost and met again, and by whom.
final class TimelineTests: XCTestCase {
    private let cardPath = "models/sentiment/MODEL_CARD.md"

    /// Card added in commit 3, emptied in 5, restored in 7.
    private func addEmptyRestore(breakWith broken: Data = Data()) throws -> (TestRepository, [String]) {
        let repo = try TestRepository()
        var commits: [String] = []
        try repo.write("README.md", "# Demo\n")
        commits.append(try repo.commitAll("readme", author: "Ada Author"))
        try repo.write("src/app.py", "print(1)\n")
        commits.append(try repo.commitAll("code", author: "Ben Builder"))
        try repo.write(cardPath, card)
        commits.append(try repo.commitAll("add the card", author: "Chen Li", email: "chen@example.com"))
        try repo.write("src/app.py", "print(2)\n")
        commits.append(try repo.commitAll("more code", author: "Ada Author"))
        try repo.write(cardPath, data: broken)
        commits.append(try repo.commitAll("break the card", author: "Dana Doe", email: "dana@example.com"))
        try repo.write("notes.txt", "later\n")
        commits.append(try repo.commitAll("notes", author: "Ada Author"))
        try repo.write(cardPath, card)
        commits.append(try repo.commitAll("restore the card", author: "Eve Editor", email: "eve@example.com"))
        return (repo, commits)
    }

    func testCardAddedEmptiedRestoredGivesTransitionsAtThreeFiveSeven() throws {
        let (repo, commits) = try addEmptyRestore()
        let report = try scan(repo).report
        let filled = try report.control("sentiment", "T-FILLED")
        XCTAssertEqual(summary(filled), [
            "\(commits[2]) Chen Li 2024-01-03T00:00:00+00:00 absent→pass",
            "\(commits[4]) Dana Doe 2024-01-05T00:00:00+00:00 pass→fail",
            "\(commits[6]) Eve Editor 2024-01-07T00:00:00+00:00 fail→pass",
        ])
        XCTAssertEqual(filled.firstMet?.commit.commit, commits[2])
        XCTAssertEqual(filled.lastLost?.commit.commit, commits[4])
        XCTAssertEqual(filled.state, ControlState(status: .pass))
        XCTAssertEqual(filled.transitions[1].reason, "the model card is empty")
        XCTAssertEqual(filled.flips, 2)
        let present = try report.control("sentiment", "T-CARD")
        XCTAssertEqual(summary(present), ["\(commits[2]) Chen Li 2024-01-03T00:00:00+00:00 absent→pass"])
        XCTAssertEqual(report.commitsScanned, 7)
        XCTAssertEqual(report.oldest?.commit, commits[0])
        XCTAssertEqual(report.newest?.commit, commits[6])
        XCTAssertNil(report.shallowBoundary)
    }

    /// The acceptance test with the shipped model card rules; runs once MC-001/MC-002 are merged.
    func testModelCardRulesFirstMetAndTransitions() throws {
        try XCTSkipIf(RuleCatalog.description(for: "MC-002") == nil, "MC rules are not in this build yet")
        let (repo, commits) = try addEmptyRestore()
        let report = try scan(repo, rules: RuleCatalog.rules).report
        let use = try report.control("sentiment", "MC-002")
        XCTAssertEqual(use.transitions.map(\.commit.commit), [commits[2], commits[4], commits[6]])
        XCTAssertEqual(use.transitions.map(\.commit.author), ["Chen Li", "Dana Doe", "Eve Editor"])
        XCTAssertEqual(use.transitions.map(\.to), [.pass, .fail, .pass])
        XCTAssertEqual(use.firstMet?.commit.date, "2024-01-03T00:00:00+00:00")
        let card = try report.control("sentiment", "MC-001")
        XCTAssertEqual(card.firstMet?.commit.commit, commits[2])
        XCTAssertEqual(card.firstMet?.commit.author, "Chen Li")
        XCTAssertTrue(Set(card.transitions.map(\.commit.commit)).isSubset(of: [commits[2], commits[4], commits[6]]))
    }

    func testUnreadableCardFailsItsControlsWithTheReasonUntilRestored() throws {
        let (repo, commits) = try addEmptyRestore(breakWith: Data([0x23, 0x00, 0x01, 0xFF, 0x0A]))
        let report = try scan(repo).report
        let readable = try report.control(nil, "AIMS-005")
        XCTAssertEqual(readable.transitions.map(\.commit.commit), [commits[0], commits[4], commits[6]])
        XCTAssertEqual(readable.transitions.map(\.to), [.pass, .fail, .pass])
        XCTAssertEqual(readable.lastLost?.commit.author, "Dana Doe")
        XCTAssertTrue(readable.transitions[1].reason?.contains(cardPath) == true, "\(readable.transitions[1].reason ?? "nil")")
        let present = try report.control("sentiment", "T-CARD")
        XCTAssertEqual(present.transitions.map(\.commit.commit), [commits[2], commits[4], commits[6]])
        XCTAssertEqual(present.transitions.map(\.to), [.pass, .fail, .pass])
        XCTAssertEqual(present.transitions[1].reason?.hasPrefix("\(cardPath) cannot be parsed:"), true)
    }

    func testFirstMetIsTheCommitThatAddedTheCard() throws {
        let (repo, _) = try addEmptyRestore()
        let added = try repo.git("log", "--diff-filter=A", "--format=%H", "--", cardPath)
        let report = try scan(repo).report
        XCTAssertEqual(try report.control("sentiment", "T-CARD").firstMet?.commit.commit, added)
        if RuleCatalog.description(for: "MC-001") != nil {
            let shipped = try scan(repo, rules: RuleCatalog.rules).report
            XCTAssertEqual(try shipped.control("sentiment", "MC-001").firstMet?.commit.commit, added)
        }
    }

    func testMergeOnTheFirstParentLineIsCreditedToTheMergeAndToTheBranchCommitWithAllParents() throws {
        let repo = try TestRepository()
        try repo.write("README.md", "# Demo\n")
        try repo.commitAll("readme")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write(cardPath, card)
        let branchCommit = try repo.commitAll("card on a branch", author: "Fay Feature")
        try repo.git("checkout", "-q", "main")
        try repo.write("src/app.py", "print(1)\n")
        try repo.commitAll("code on main")
        try repo.git("merge", "--no-ff", "-q", "-m", "merge feature", "feature")
        let merge = try repo.git("rev-parse", "HEAD")
        let firstParent = try scan(repo).report
        XCTAssertEqual(firstParent.commitsScanned, 3)
        XCTAssertEqual(try firstParent.control("sentiment", "T-CARD").firstMet?.commit.commit, merge)
        let all = try scan(repo, firstParent: false).report
        XCTAssertEqual(all.commitsScanned, 4)
        XCTAssertFalse(all.firstParent)
        let control = try all.control("sentiment", "T-CARD")
        XCTAssertEqual(control.firstMet?.commit.commit, branchCommit)
        XCTAssertEqual(control.transitions.map(\.commit.commit), [branchCommit, merge])
        XCTAssertEqual(control.state.status, .pass)
    }

    func testMovedSystemAndRenamedCardKeepTheirControlHistory() throws {
        let repo = try TestRepository()
        try repo.write(cardPath, card)
        try repo.write("models/sentiment/weights.bin", "w1")
        let first = try repo.commitAll("card")
        try FileManager.default.createDirectory(at: repo.root.appendingPathComponent("services"), withIntermediateDirectories: true)
        try repo.git("mv", "models/sentiment", "services/sentiment")
        try repo.commitAll("move the system")
        try repo.write(".aims/config.yml", "version: 1\nsystems:\n  - id: ranker\n    root: models/ranker\n    stage: inception\n")
        try repo.write("models/ranker/MODEL_CARD.md", card)
        let ranker = try repo.commitAll("declare ranker")
        try FileManager.default.createDirectory(at: repo.root.appendingPathComponent("models/ranker/docs"), withIntermediateDirectories: true)
        try repo.git("mv", "models/ranker/MODEL_CARD.md", "models/ranker/docs/model_card.md")
        try repo.commitAll("rename the ranker card")
        let report = try scan(repo).report
        for rule in ["T-CARD", "T-FILLED"] {
            XCTAssertEqual(try report.control("sentiment", rule).transitions.map(\.commit.commit), [first], rule)
            XCTAssertEqual(try report.control("ranker", rule).transitions.map(\.commit.commit), [ranker], rule)
        }
        XCTAssertNil(report.controls.first { $0.key.system == "models-sentiment" || $0.key.system == "docs" })
    }

    func testDateBasedControlsFlipAtCommitsThatTouchNoDocument() throws {
        let repo = try TestRepository()
        var commits: [String] = []
        try repo.write(cardPath, card)
        try repo.write("models/sentiment/weights.bin", "w1")
        commits.append(try repo.commitAll("card and weights"))
        for day in 2...5 {
            try repo.write("src/file\(day).py", "x = \(day)\n")
            commits.append(try repo.commitAll("code \(day)"))
        }
        try repo.write("models/sentiment/weights.bin", "w2")
        commits.append(try repo.commitAll("retrain", author: "Gus Trainer"))
        try repo.write(cardPath, card + "\nRetrained.\n")
        commits.append(try repo.commitAll("card update", author: "Hana Writer"))
        let report = try scan(repo).report
        XCTAssertEqual(try report.control("sentiment", "T-FRESH").transitions.map(\.commit.commit),
                       [commits[0], commits[4], commits[6]])
        XCTAssertEqual(try report.control("sentiment", "T-FRESH").transitions.map(\.to), [.pass, .fail, .pass])
        let stale = try report.control("sentiment", "T-STALE")
        XCTAssertEqual(stale.transitions.map(\.commit.commit), [commits[0], commits[5], commits[6]])
        XCTAssertEqual(stale.transitions.map(\.commit.author), ["Ada Author", "Gus Trainer", "Hana Writer"])
        XCTAssertEqual(stale.transitions.map(\.to), [.pass, .fail, .pass])
    }

    func testRemovedSystemEndsAbsent() throws {
        let repo = try TestRepository()
        try repo.write(cardPath, card)
        try repo.commitAll("card")
        try repo.remove("models/sentiment")
        let removal = try repo.commitAll("remove", author: "Ivy Remover")
        let control = try scan(repo).report.control("sentiment", "T-CARD")
        XCTAssertEqual(control.state.status, .absent)
        XCTAssertEqual(control.transitions.last?.commit.commit, removal)
        XCTAssertEqual(control.transitions.last?.from, .pass)
        XCTAssertEqual(control.lastLost?.commit.author, "Ivy Remover")
    }

    func testBadRevisionIsAGitError() throws {
        let repo = try TestRepository()
        try repo.write("README.md", "x\n")
        try repo.commitAll("one")
        XCTAssertThrowsError(try scan(repo, revision: "nope")) { error in
            XCTAssertTrue("\(error)".contains("bad revision 'nope'"), "\(error)")
        }
    }
}
