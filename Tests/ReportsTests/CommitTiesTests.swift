import Foundation
import Lint
import Reports
import TestSupport
import XCTest

/// `introducedBy` on real histories: blame at the scanned commit, and uncommitted lines of the
/// index and the working tree.
final class CommitTiesTests: XCTestCase {
    private let path = "models/a/MODEL_CARD.md"

    /// c1 adds "FIXME one", c2 edits another line, c3 adds "FIXME two".
    private func history() throws -> (TestRepository, [String]) {
        let repo = try TestRepository()
        try repo.write(path, "# A\n\nIntro.\nFIXME one\n")
        let c1 = try repo.commitAll("card", author: "Ann Example", email: "ann@example.com")
        try repo.write(path, "# A\n\nIntro, rewritten.\nFIXME one\n")
        let c2 = try repo.commitAll("edit the intro", author: "Bob Example", email: "bob@example.com")
        try repo.write(path, "# A\n\nIntro, rewritten.\nFIXME one\nFIXME two\n")
        let c3 = try repo.commitAll("add a second note", author: "Cid Example", email: "cid@example.com")
        return (repo, [c1, c2, c3])
    }

    private func introductions(_ repo: TestRepository, _ source: CheckSource, blame: Bool = true) throws -> [Int: SARIF.Introduction?] {
        let input = try ReportTesting.input(at: repo.root.path, source: source, rules: [FixmeRule()], blame: blame)
        let log = try ReportTesting.decode(try ReportTesting.sarif(input, name: "commit-ties-\(source.name)-\(blame)"))
        var result: [Int: SARIF.Introduction?] = [:]
        for item in log.runs[0].results {
            let line = try XCTUnwrap(item.locations?.first?.physicalLocation?.region?.startLine)
            result[line] = item.properties?.introducedBy
        }
        return result
    }

    func testIntroducedByNamesTheCommitThatLastTouchedTheAnchorLine() throws {
        let (repo, commits) = try history()
        XCTAssertEqual(try introductions(repo, .revision("HEAD")), [
            4: .commit(id: commits[0], author: "Ann Example", date: "2024-01-01T00:00:00+00:00"),
            5: .commit(id: commits[2], author: "Cid Example", date: "2024-01-03T00:00:00+00:00"),
        ])
        XCTAssertEqual(try introductions(repo, .revision("HEAD~1")), [
            4: .commit(id: commits[0], author: "Ann Example", date: "2024-01-01T00:00:00+00:00"),
        ])
    }

    func testWorktreeLinesNotInHeadAreUncommittedAndTheRestBlamedAtTheirHeadLine() throws {
        let (repo, commits) = try history()
        // Two lines inserted above move the old notes down; a third note is new.
        try repo.write(path, "# A\n\nA new first paragraph.\nAnd one more line.\nIntro, rewritten.\nFIXME one\nFIXME two\nFIXME three\n")
        try repo.write("models/b/MODEL_CARD.md", "# B\nFIXME new file\n")
        XCTAssertEqual(try introductions(repo, .worktree), [
            2: .uncommitted,
            6: .commit(id: commits[0], author: "Ann Example", date: "2024-01-01T00:00:00+00:00"),
            7: .commit(id: commits[2], author: "Cid Example", date: "2024-01-03T00:00:00+00:00"),
            8: .uncommitted,
        ])
    }

    func testStagedContentIsComparedWithHeadNotWithTheWorktree() throws {
        let (repo, commits) = try history()
        try repo.write(path, "# A\n\nIntro, rewritten.\nFIXME one, reworded\nFIXME two\n")
        try repo.git("add", path)
        try repo.write(path, "# A\n\nIntro, rewritten.\nFIXME one\nFIXME two\nFIXME worktree only\n")
        XCTAssertEqual(try introductions(repo, .index), [
            4: .uncommitted,
            5: .commit(id: commits[2], author: "Cid Example", date: "2024-01-03T00:00:00+00:00"),
        ])
    }

    func testNoBlameLeavesIntroducedByOut() throws {
        let (repo, _) = try history()
        XCTAssertEqual(try introductions(repo, .revision("HEAD"), blame: false), [4: Optional<SARIF.Introduction>.none, 5: Optional<SARIF.Introduction>.none])
    }

    func testUnbornHeadMakesEveryStagedLineUncommitted() throws {
        let repo = try TestRepository()
        try repo.write(path, "# A\nFIXME first\n")
        try repo.git("add", path)
        XCTAssertEqual(try introductions(repo, .index), [2: .uncommitted])
    }
}
