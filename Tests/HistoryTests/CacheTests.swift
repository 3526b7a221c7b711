import Foundation
@testable import History
import GitKit
import Lint
import TestSupport
import XCTest

/// The cache under `<git dir>/aimslint/`, and shallow clones.
final class CacheTests: XCTestCase {
    private let cardPath = "models/sentiment/MODEL_CARD.md"

    private func history(commits: Int) throws -> TestRepository {
        let repo = try TestRepository()
        try repo.write(cardPath, card)
        try repo.write("models/sentiment/weights.bin", "w0")
        try repo.commitAll("card")
        for index in 1..<commits {
            if index % 3 == 0 { try repo.write(cardPath, card + "\nRevision \(index).\n") }
            try repo.write("src/file\(index).py", "x = \(index)\n")
            try repo.commitAll("change \(index)", author: index % 2 == 0 ? "Ada Author" : "Ben Builder")
        }
        return repo
    }

    func testOneNewCommitIsTheOnlyOneEvaluatedAndTheAnswerMatchesNoCache() throws {
        let repo = try history(commits: 6)
        let cold = try scan(repo, cache: true)
        XCTAssertEqual(cold.commitsFromCache, 0)
        XCTAssertEqual(cold.report.commitsScanned, 6)
        XCTAssertNil(cold.cacheProblem)

        // A commit that touches no document, but moves the clock on (T-FRESH reads the date).
        try repo.write("src/late.py", "late = 1\n")
        try repo.commitAll("late code")
        let warm = try scan(repo, cache: true)
        XCTAssertEqual(warm.report.commitsEvaluated, 1)
        XCTAssertEqual(warm.commitsFromCache, 6)
        let uncached = try scan(repo, cache: false)
        XCTAssertEqual(uncached.report.commitsScanned, 7)
        XCTAssertEqual(warm.report.withoutRunCounters, uncached.report.withoutRunCounters)
        XCTAssertEqual(HistoryFormat.json.render(warm.report.withoutRunCounters),
                       HistoryFormat.json.render(uncached.report.withoutRunCounters))

        // A commit that empties the card.
        try repo.write(cardPath, "")
        let emptied = try repo.commitAll("empty the card", author: "Dana Doe")
        let warmAgain = try scan(repo, cache: true)
        XCTAssertEqual(warmAgain.report.commitsEvaluated, 1)
        XCTAssertEqual(warmAgain.commitsFromCache, 7)
        XCTAssertEqual(warmAgain.report.withoutRunCounters, try scan(repo, cache: false).report.withoutRunCounters)
        XCTAssertEqual(try warmAgain.report.control("sentiment", "T-FILLED").lastLost?.commit.commit, emptied)

        let exact = try scan(repo, cache: true)
        XCTAssertEqual(exact.report.commitsEvaluated, 0)
        XCTAssertEqual(exact.commitsFromCache, 8)
        XCTAssertEqual(exact.report, warmAgain.report.with(evaluated: 0))
    }

    func testAnotherVersionIgnoresTheCache() throws {
        let repo = try history(commits: 4)
        _ = try scan(repo, cache: true, version: "1.0")
        XCTAssertEqual(try scan(repo, cache: true, version: "1.0").commitsFromCache, 4)
        let upgraded = try scan(repo, cache: true, version: "1.1")
        XCTAssertEqual(upgraded.commitsFromCache, 0)
        XCTAssertEqual(upgraded.report.commitsEvaluated, 4)
    }

    func testTheCacheLivesInTheGitFolderOnlyAndNoCacheWritesNothing() throws {
        let repo = try history(commits: 3)
        let folder = repo.root.appendingPathComponent(".git/aimslint")
        _ = try scan(repo, cache: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
        _ = try scan(repo, cache: true)
        let versions = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("history-v1").path)
        XCTAssertEqual(versions.count, 1)
        let files = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("history-v1/\(versions[0])").path)
        XCTAssertEqual(files, ["fp-\(try repo.git("rev-parse", "HEAD")).json"])
        XCTAssertEqual(try repo.git("status", "--porcelain", "--ignored"), "")
    }

    func testACorruptCacheFileIsAMiss() throws {
        let repo = try history(commits: 3)
        _ = try scan(repo, cache: true)
        let folder = repo.root.appendingPathComponent(".git/aimslint/history-v1")
        let version = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let file = folder.appendingPathComponent("\(version)/fp-\(try repo.git("rev-parse", "HEAD")).json")
        try Data("{\"truncated".utf8).write(to: file)
        let run = try scan(repo, cache: true)
        XCTAssertEqual(run.commitsFromCache, 0)
        XCTAssertEqual(run.report.commitsEvaluated, 3)
    }

    func testShallowCloneNeedsAllowShallowAndThenSaysWhereHistoryStops() throws {
        let source = try history(commits: 6)
        let clone = try TestRepository(cloneOf: source, depth: 3)
        XCTAssertThrowsError(try scan(clone)) { error in
            guard case HistoryError.shallow = error else { return XCTFail("\(error)") }
            XCTAssertTrue((error as? HistoryError)?.hint.contains("--allow-shallow") == true)
        }
        let run = try scan(clone, allowShallow: true)
        let boundary = try clone.git("rev-parse", "HEAD~2")
        XCTAssertEqual(run.report.shallowBoundary, boundary)
        XCTAssertEqual(run.report.commitsScanned, 3)
        XCTAssertEqual(try run.report.control("sentiment", "T-CARD").firstMet?.commit.commit, boundary)
        let all = try scan(clone, firstParent: false, allowShallow: true)
        XCTAssertEqual(all.report.shallowBoundary, boundary)
        XCTAssertEqual(all.report.commitsScanned, 3)
    }
}

extension HistoryReport {
    func with(evaluated: Int) -> HistoryReport {
        var copy = self
        copy.commitsEvaluated = evaluated
        return copy
    }
}
