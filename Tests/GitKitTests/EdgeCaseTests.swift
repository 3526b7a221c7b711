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

/// A Repository and its Snapshots may be shared between threads: every libgit2 call is serialised.
final class ConcurrencyTests: XCTestCase {
    func testConcurrentReads() throws {
        let repo = try TestRepository()
        for index in 0..<20 { try repo.write("dir\(index % 4)/f\(index).txt", "content \(index)\n") }
        let head = try objectID(repo.commitAll("first"))
        let opened = try repo.open()
        let snapshot = try opened.snapshot(.commit(head))
        let expected = try snapshot.entries.map { try snapshot.content(of: $0) }
        let results = ResultBox(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            let entry = snapshot.entries[iteration % snapshot.entries.count]
            let data = try? snapshot.content(of: entry)
            let changes = try? opened.treeDiff(from: nil, to: head, filter: PathFilter(prefixes: ["dir\(iteration % 4)"]))
            let walked = (try? opened.walk(from: head, firstParent: true)).map { Array($0) }
            results.set(iteration, data == expected[iteration % snapshot.entries.count] && changes?.count == 5 && walked == [head])
        }
        XCTAssertEqual(results.all, Array(repeating: true, count: 64))
    }
}

/// Collects per-iteration results from concurrent work.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool]
    init(count: Int) { values = Array(repeating: false, count: count) }
    func set(_ index: Int, _ value: Bool) { lock.lock(); values[index] = value; lock.unlock() }
    var all: [Bool] { lock.lock(); defer { lock.unlock() }; return values }
}
