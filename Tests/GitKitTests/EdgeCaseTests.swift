import Foundation
import GitKit
import TestSupport
import XCTest

/// Odd but legal input: nothing here may crash or hang.
final class EdgeCaseTests: XCTestCase {
    func testOddRevisions() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "1\n")
        try repo.commitAll("first")
        let opened = try repo.open()
        for revision in ["", " ", "HEAD..", "^", "@{", "a\nb", "HEAD:a.txt", "0000000"] {
            XCTAssertThrowsError(try opened.resolveCommit(revision), revision) { error in
                XCTAssertFalse("\(error)".contains("\n"), "\(error)")
                XCTAssertTrue(error is GitError)
            }
        }
    }

    func testBlameOutsideTheFile() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "1\n2\n")
        let head = try objectID(repo.commitAll("first"))
        let opened = try repo.open()
        let clipped = try? opened.blame(path: "a.txt", at: head, lines: 2...10)
        XCTAssertEqual(clipped?.map(\.lines), [2...2])
        XCTAssertEqual(try opened.blame(path: "a.txt", at: head, lines: 0...1).map(\.lines), [1...1])
        XCTAssertEqual(try opened.blame(path: "a.txt", at: head, lines: 5...9), [])
    }

    func testTreeEntriesThroughAFile() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "1\n")
        let head = try objectID(repo.commitAll("first"))
        XCTAssertEqual(try repo.open().treeEntries(commit: head, under: "a.txt/x"), [])
    }

    func testWorktreeOfUnbornRepository() throws {
        let repo = try TestRepository()
        try repo.write("draft/card.md", "draft\n")
        try repo.write("staged.md", "staged\n")
        try repo.git("add", "staged.md")
        let opened = try repo.open()
        XCTAssertEqual(try opened.snapshot(.index).entries.map(\.path), ["staged.md"])
        XCTAssertEqual(try opened.snapshot(.worktree).entries.map(\.path), ["draft/card.md", "staged.md"])
        XCTAssertEqual(try opened.treeDiff(from: nil, to: nil), [])
    }

    func testEmptyFileAndEmptyRepositoryListing() throws {
        let repo = try TestRepository()
        try repo.write("empty", "")
        let head = try objectID(repo.commitAll("first"))
        let snapshot = try repo.open().snapshot(.commit(head))
        XCTAssertEqual(snapshot.entries.map(\.size), [0])
        XCTAssertEqual(try snapshot.content(of: XCTUnwrap(snapshot.entries.first)), Data())
        XCTAssertEqual(try snapshot.content(maxBytes: 0, of: XCTUnwrap(snapshot.entries.first)), Data())
    }
}
