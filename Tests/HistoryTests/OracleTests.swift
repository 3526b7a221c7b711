import Foundation
@testable import History
import GitKit
import Lint
import TestSupport
import XCTest

/// The incremental walk must agree, commit by commit, with a full `check` of that commit.
final class OracleTests: XCTestCase {
    /// A history with every kind of change the evaluator treats differently.
    private func mixedHistory() throws -> TestRepository {
        let repo = try TestRepository()
        let config = "version: 1\nsystems:\n  - id: ranker\n    root: models/ranker\n    stage: inception\n"
        let steps: [(String, (TestRepository) throws -> Void)] = [
            ("readme", { try $0.write("README.md", "# Demo\n") }),
            ("sentiment card", { try $0.write("models/sentiment/MODEL_CARD.md", card) }),
            ("weights", { try $0.write("models/sentiment/weights.bin", "w1") }),
            ("datasheet", { try $0.write("data/reviews/DATASHEET.md", "# Reviews\n\nCollected in 2023.\n") }),
            ("code", { try $0.write("src/app.py", "print(1)\n") }),
            ("config", { try $0.write(".aims/config.yml", config) }),
            ("ranker card", { try $0.write("models/ranker/MODEL_CARD.md", "# Ranker\n") }),
            ("empty card", { try $0.write("models/sentiment/MODEL_CARD.md", "") }),
            ("bad config", { try $0.write(".aims/config.yml", config + "colour: blue\n") }),
            ("fix config", { try $0.write(".aims/config.yml", config) }),
            ("binary card", { try $0.write("models/ranker/MODEL_CARD.md", data: Data([0, 1, 2, 0xFF])) }),
            ("restore", { try $0.write("models/sentiment/MODEL_CARD.md", card) }),
            ("other md", { try $0.write("docs/guide.md", "# Guide\n") }),
            ("move", { try FileManager.default.createDirectory(at: $0.root.appendingPathComponent("services"), withIntermediateDirectories: true); try $0.git("mv", "models/sentiment", "services/sentiment") }),
            ("retrain", { try $0.write("services/sentiment/weights.bin", "w2") }),
            ("ranker fixed", { try $0.write("models/ranker/MODEL_CARD.md", "# Ranker\n\nRanks.\n") }),
            ("licence", { try $0.write("LICENSE", "MIT\n") }),
            ("hub readme", { try $0.write("models/hub/README.md", "---\nlicense: mit\nlibrary_name: x\n---\n# Hub\n") }),
            ("quiet 1", { try $0.write("src/b.py", "1\n") }),
            ("quiet 2", { try $0.write("src/c.py", "1\n") }),
            ("quiet 3", { try $0.write("src/d.py", "1\n") }),
            ("remove ranker", { try $0.remove("models/ranker") }),
            ("touch card", { try $0.write("services/sentiment/MODEL_CARD.md", card + "\nMore.\n") }),
        ]
        for (index, (message, step)) in steps.enumerated() {
            try step(repo)
            try repo.commitAll(message, author: ["Ada Author", "Ben Builder", "Chen Li"][index % 3])
            if message == "code" {
                // A side branch merged back: the merge brings a card for a third system.
                try repo.git("checkout", "-q", "-b", "side")
                try repo.write("models/side/MODEL_CARD.md", card)
                try repo.commitAll("side card", author: "Fay Feature")
                try repo.git("checkout", "-q", "main")
                try repo.git("merge", "--no-ff", "-q", "-m", "merge side", "side")
            }
        }
        return repo
    }

    func testEveryCommitMatchesAFullCheck() throws {
        let repo = try mixedHistory()
        let report = try scan(repo).report
        let opened = try Repository.discover(from: repo.root.path)
        let checker = Checker(repository: opened, engine: Engine(rules: allRules))
        let commits = try repo.git("rev-list", "--first-parent", "--reverse", "HEAD").split(separator: "\n").map(String.init)
        XCTAssertEqual(report.commitsScanned, commits.count)
        XCTAssertLessThan(report.commitsEvaluated, commits.count + 1)
        for (index, commit) in commits.enumerated() {
            let checked = try checker.check(.revision(commit))
            let unreadable = ProjectPrints(project: checked.result.project, entries: []).unreadable
            var expected: [ControlKey: ControlStatusName] = [:]
            for control in checked.result.controls {
                var status: ControlStatusName
                switch control.status {
                case .pass: status = .pass
                case .fail: status = .fail
                case .notApplicable: status = .notApplicable
                }
                if status == .pass, let subject = control.subject, unreadable[subject] != nil { status = .fail }
                expected[ControlKey(system: control.subject, rule: control.ruleID)] = status
            }
            var actual: [ControlKey: ControlStatusName] = [:]
            for control in report.controls {
                let status = control.status(at: index + 1)
                if status != .absent { actual[control.key] = status }
            }
            XCTAssertEqual(actual, expected, "commit \(index + 1) \(commit.prefix(7))")
        }
    }

    func testCachedContinuationMatchesAtEveryStep() throws {
        let repo = try mixedHistory()
        let commits = try repo.git("rev-list", "--first-parent", "--reverse", "HEAD").split(separator: "\n").map(String.init)
        for cut in stride(from: 3, to: commits.count, by: 5) {
            _ = try scan(repo, revision: commits[cut], cache: true)
        }
        let warm = try scan(repo, cache: true)
        XCTAssertEqual(warm.report.withoutRunCounters, try scan(repo).report.withoutRunCounters)
        XCTAssertGreaterThan(warm.commitsFromCache, 0)
    }
}
