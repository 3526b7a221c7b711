import Foundation
import GitKit
import TestSupport
import XCTest

/// Resolving revisions, merge bases and commit metadata.
final class RevisionTests: XCTestCase {
    func testResolvesRevisionSyntax() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "1\n")
        let first = try repo.commitAll("first")
        try repo.write("a.txt", "2\n")
        let second = try repo.commitAll("second")
        try repo.git("tag", "light", first)
        try repo.git("tag", "-a", "v2", "-m", "release two", second)
        try repo.git("branch", "old", first)
        let opened = try repo.open()

        XCTAssertEqual(try opened.resolveCommit("HEAD"), try objectID(second))
        XCTAssertEqual(try opened.resolveCommit("main"), try objectID(second))
        XCTAssertEqual(try opened.resolveCommit("old"), try objectID(first))
        XCTAssertEqual(try opened.resolveCommit("light"), try objectID(first))
        XCTAssertEqual(try opened.resolveCommit("v2"), try objectID(second), "annotated tag peels to its commit")
        XCTAssertEqual(try opened.resolveCommit("HEAD~1"), try objectID(first))
        XCTAssertEqual(try opened.resolveCommit(String(second.prefix(8)) + "^"), try objectID(first))
        XCTAssertEqual(try opened.resolveCommit(second), try objectID(second))
    }

    func testUnknownRevisionErrors() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "1\n")
        try repo.commitAll("first")
        try repo.git("remote", "add", "origin", "https://example.com/org/repo.git")
        let opened = try repo.open()

        let unknown = assertGitError(.revisionNotFound) { try opened.resolveCommit("nope") }
        XCTAssertEqual(unknown?.description,
                       "bad revision 'nope': not found; check the name with `git branch -a`, `git tag` or `git log`")
        XCTAssertEqual(unknown?.function, "git_revparse_single")

        let remote = assertGitError(.revisionNotFound) { try opened.resolveCommit("origin/mian") }
        XCTAssertEqual(remote?.description,
                       "bad revision 'origin/mian': not found locally; fetch it with `git fetch origin mian` or check the name")

        let noParent = assertGitError(.revisionNotFound) { try opened.resolveCommit("HEAD~1") }
        XCTAssertEqual(noParent?.summary, "bad revision 'HEAD~1': not found")

        let tree = assertGitError(.invalidObject) { try opened.resolveCommit("HEAD^{tree}") }
        XCTAssertEqual(tree?.summary, "bad revision 'HEAD^{tree}': it names a tree, not a commit")
    }

    func testUnbornHeadError() throws {
        let repo = try TestRepository()
        let opened = try repo.open()
        let head = assertGitError(.unbornHead) { try opened.resolveCommit("HEAD") }
        XCTAssertEqual(head?.description,
                       "HEAD has no commits yet (bad revision 'HEAD'); make a first commit, or name an existing revision")
        assertGitError(.unbornHead) { try opened.resolveCommit("main") }
        assertGitError(.revisionNotFound) { try opened.resolveCommit("other") }
    }

    func testMergeBase() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "1\n")
        let base = try repo.commitAll("base")
        try repo.git("checkout", "-q", "-b", "side")
        try repo.write("b.txt", "side\n")
        let side = try repo.commitAll("side")
        try repo.git("checkout", "-q", "main")
        try repo.write("c.txt", "main\n")
        let main = try repo.commitAll("main")
        try repo.git("checkout", "-q", "--orphan", "lonely")
        try repo.write("d.txt", "alone\n")
        let lonely = try repo.commitAll("lonely")
        let opened = try repo.open()

        XCTAssertEqual(try opened.mergeBase(objectID(side), objectID(main)), try objectID(base))
        XCTAssertNil(try opened.mergeBase(objectID(lonely), objectID(main)))
    }

    func testCommitMetadata() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "1\n")
        let first = try repo.commitAll("first")
        try repo.write("a.txt", "2\n")
        let second = try repo.commitAll("Add the second line\n\nBody text\nmore body", author: "Bo Builder", email: "bo@example.com")
        try repo.git("commit", "--allow-empty", "-q", "-m", "east", "--date=2024-03-04T05:06:07+05:30")
        let east = try repo.git("rev-parse", "HEAD")
        try repo.git("commit", "--allow-empty", "-q", "-m", "  wrapped\n  title  \n\nbody", "--date=2024-03-04T05:06:07-07:00")
        let west = try repo.git("rev-parse", "HEAD")
        let opened = try repo.open()

        let info = try opened.commitInfo(objectID(second))
        XCTAssertEqual(info.id, try objectID(second))
        XCTAssertEqual(info.parents, [try objectID(first)])
        XCTAssertEqual(info.tree, try objectID(repo.git("rev-parse", "\(second)^{tree}")))
        XCTAssertEqual(info.author, Signature(name: "Bo Builder", email: "bo@example.com", time: 1_704_153_600, offsetMinutes: 0))
        XCTAssertEqual(info.committer, Signature(name: "Ada Author", email: "ada@example.com", time: 1_704_153_600, offsetMinutes: 0))
        XCTAssertEqual(info.author.iso8601, "2024-01-02T00:00:00+00:00")
        XCTAssertEqual(info.message, "Add the second line\n\nBody text\nmore body\n")
        XCTAssertEqual(info.summary, "Add the second line")
        XCTAssertEqual(try opened.commitInfo(objectID(first)).parents, [])

        let eastInfo = try opened.commitInfo(objectID(east))
        XCTAssertEqual(eastInfo.author.time, 1_709_508_967)
        XCTAssertEqual(eastInfo.author.offsetMinutes, 330)
        XCTAssertEqual(eastInfo.author.iso8601, "2024-03-04T05:06:07+05:30")
        XCTAssertEqual(eastInfo.committer.iso8601, "2024-01-03T00:00:00+00:00")

        let westInfo = try opened.commitInfo(objectID(west))
        XCTAssertEqual(westInfo.author.time, 1_709_553_967)
        XCTAssertEqual(westInfo.author.offsetMinutes, -420)
        XCTAssertEqual(westInfo.author.iso8601, "2024-03-04T05:06:07-07:00")
        XCTAssertEqual(westInfo.summary, "wrapped title")
        XCTAssertEqual(westInfo.author.iso8601, try repo.git("log", "-1", "--format=%aI", west))
    }

    func testSignatureDatesBeforeEpochAndLeapDay() {
        XCTAssertEqual(Signature(name: "", email: "", time: -1, offsetMinutes: 0).iso8601, "1969-12-31T23:59:59+00:00")
        XCTAssertEqual(Signature(name: "", email: "", time: 1_709_164_800, offsetMinutes: -90).iso8601,
                       "2024-02-28T22:30:00-01:30")
        XCTAssertEqual(Signature(name: "", email: "", time: 951_782_400, offsetMinutes: 0).iso8601, "2000-02-29T00:00:00+00:00")
    }
}
