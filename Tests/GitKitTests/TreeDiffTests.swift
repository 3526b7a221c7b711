import Foundation
import GitKit
import TestSupport
import XCTest

/// Tree-to-tree comparison: exact results, filters, renames, and skipping unchanged subtrees.
final class TreeDiffTests: XCTestCase {
    private var repo: TestRepository!
    private var first: ObjectID!

    override func setUpWithError() throws {
        repo = try TestRepository()
        try repo.write("README.md", "readme\n")
        try repo.write("models/a/card.md", "card a\n")
        try repo.write("models/b/card.md", "card b\n")
        try repo.write("models/ab/card.md", "card ab\n")
        try repo.write("data/x.csv", "1,2\n")
        try repo.write("data/deep/y.csv", "3,4\n")
        first = try objectID(repo.commitAll("first"))
    }

    override func tearDown() {
        repo = nil
    }

    private func blob(_ revision: String) throws -> ObjectID {
        try objectID(repo.git("rev-parse", revision))
    }

    func testOneChangedFolderReportsExactlyThatFile() throws {
        try repo.write("models/a/card.md", "card a, edited\n")
        let second = try objectID(repo.commitAll("edit a"))
        let changes = try repo.open().treeDiff(from: first, to: second)
        XCTAssertEqual(changes, [
            TreeChange(status: .modified, oldPath: "models/a/card.md", newPath: "models/a/card.md",
                       oldID: try blob("\(first.hex):models/a/card.md"), newID: try blob("\(second.hex):models/a/card.md"),
                       newMode: 0o100644),
        ])
        XCTAssertEqual(changes.first?.path, "models/a/card.md")
    }

    /// Unchanged subtrees are never opened: with their tree objects deleted, the diff still works,
    /// while a full listing of the same commit fails on them.
    func testUnchangedSubtreesAreNotRead() throws {
        try repo.write("models/a/card.md", "card a, edited\n")
        let second = try objectID(repo.commitAll("edit a"))
        try repo.deleteLooseObject(repo.git("rev-parse", "\(second.hex):data"))
        try repo.deleteLooseObject(repo.git("rev-parse", "\(second.hex):models/b"))
        let opened = try repo.open()
        XCTAssertEqual(try opened.treeDiff(from: first, to: second).map(\.path), ["models/a/card.md"])
        assertGitError(.objectMissing) { try opened.snapshot(.commit(second)) }
    }

    /// Folders the filter rules out are not opened either.
    func testFilteredFoldersAreNotRead() throws {
        try repo.write("models/a/card.md", "card a, edited\n")
        try repo.write("data/x.csv", "9,9\n")
        let second = try objectID(repo.commitAll("edit both"))
        try repo.deleteLooseObject(repo.git("rev-parse", "\(second.hex):data"))
        try repo.deleteLooseObject(repo.git("rev-parse", "\(first.hex):data"))
        let opened = try repo.open()
        XCTAssertEqual(try opened.treeDiff(from: first, to: second, filter: PathFilter(prefixes: ["models"])).map(\.path),
                       ["models/a/card.md"])
        let error = assertGitError(.objectMissing) { try opened.treeDiff(from: first, to: second) }
        XCTAssertTrue(error?.description.contains(try repo.git("rev-parse", "\(first.hex):data")) ?? false, "\(String(describing: error))")
    }

    func testPrefixesRespectFolderBoundaries() throws {
        try repo.write("models/a/card.md", "edited a\n")
        try repo.write("models/ab/card.md", "edited ab\n")
        try repo.write("data/deep/y.csv", "5,6\n")
        try repo.write("README.md", "new readme\n")
        let second = try objectID(repo.commitAll("edit many"))
        let opened = try repo.open()
        XCTAssertEqual(try opened.treeDiff(from: first, to: second, filter: PathFilter(prefixes: ["models/a"])).map(\.path),
                       ["models/a/card.md"])
        XCTAssertEqual(try opened.treeDiff(from: first, to: second, filter: PathFilter(prefixes: ["./models/ab/", "README.md"])).map(\.path),
                       ["README.md", "models/ab/card.md"])
        XCTAssertEqual(try opened.treeDiff(from: first, to: second, filter: PathFilter(prefixes: ["data/deep/y.csv"])).map(\.path),
                       ["data/deep/y.csv"])
        let markdown = PathFilter(prefixes: [], matches: { $0.hasSuffix(".md") })
        XCTAssertEqual(try opened.treeDiff(from: first, to: second, filter: markdown).map(\.path),
                       ["README.md", "models/a/card.md", "models/ab/card.md"])
        XCTAssertEqual(try opened.treeDiff(from: first, to: second, filter: PathFilter(prefixes: ["nothing"])), [])
        XCTAssertEqual(try opened.treeDiff(from: first, to: second).count, 4)
        XCTAssertEqual(try opened.treeDiff(from: second, to: second), [])
    }

    func testExactRenames() throws {
        try FileManager.default.createDirectory(atPath: repo.path("models/c"), withIntermediateDirectories: true)
        try repo.git("mv", "models/b/card.md", "models/c/card.md")
        try repo.remove("data/x.csv")
        try repo.write("data/z.csv", "new\n")
        let second = try objectID(repo.commitAll("rename"))
        let opened = try repo.open()
        let cardB = try blob("\(first.hex):models/b/card.md")
        XCTAssertEqual(try opened.treeDiff(from: first, to: second, detectRenames: true), [
            TreeChange(status: .deleted, oldPath: "data/x.csv", newPath: nil, oldID: try blob("\(first.hex):data/x.csv"), newID: nil),
            TreeChange(status: .added, oldPath: nil, newPath: "data/z.csv", oldID: nil, newID: try blob("\(second.hex):data/z.csv"), newMode: 0o100644),
            TreeChange(status: .renamed, oldPath: "models/b/card.md", newPath: "models/c/card.md", oldID: cardB, newID: cardB, newMode: 0o100644),
        ])
        XCTAssertEqual(try opened.treeDiff(from: first, to: second).map(\.status), [.deleted, .added, .deleted, .added])
        XCTAssertEqual(try opened.treeDiff(from: first, to: second).map(\.path),
                       ["data/x.csv", "data/z.csv", "models/b/card.md", "models/c/card.md"])
    }

    func testEmptyFilesAreNotPairedAsRenames() throws {
        try repo.write("empty-a", "")
        let second = try objectID(repo.commitAll("empty"))
        try repo.git("mv", "empty-a", "empty-b")
        let third = try objectID(repo.commitAll("move empty"))
        XCTAssertEqual(try repo.open().treeDiff(from: second, to: third, detectRenames: true).map(\.status), [.deleted, .added])
    }

    func testTypeAndModeChanges() throws {
        try repo.remove("README.md")
        try repo.symlink("README.md", to: "models/a/card.md")
        try repo.makeExecutable("data/x.csv")
        try repo.remove("models/b")
        try repo.write("models/b", "now a file\n")
        let second = try objectID(repo.commitAll("types"))
        let changes = try repo.open().treeDiff(from: first, to: second)
        XCTAssertEqual(changes.map(\.path), ["README.md", "data/x.csv", "models/b", "models/b/card.md"])
        XCTAssertEqual(changes.map(\.status), [.typeChanged, .modified, .added, .deleted])
        XCTAssertEqual(changes[1].oldID, changes[1].newID, "a mode flip keeps the blob")
    }

    func testAgainstEmptyTree() throws {
        let opened = try repo.open()
        let added = try opened.treeDiff(from: nil, to: first)
        XCTAssertEqual(added.map(\.path),
                       ["README.md", "data/deep/y.csv", "data/x.csv", "models/a/card.md", "models/ab/card.md", "models/b/card.md"])
        XCTAssertTrue(added.allSatisfy { $0.status == .added && $0.oldPath == nil && $0.oldID == nil })
        let removed = try opened.treeDiff(from: first, to: nil, filter: PathFilter(prefixes: ["data"]))
        XCTAssertEqual(removed.map(\.path), ["data/deep/y.csv", "data/x.csv"])
        XCTAssertTrue(removed.allSatisfy { $0.status == .deleted && $0.newPath == nil })
        XCTAssertEqual(try opened.treeDiff(from: nil, to: nil), [])
    }

    /// The same changes git reports, on a larger random-looking edit.
    func testAgreesWithGitNameStatus() throws {
        for index in 0..<40 { try repo.write("bulk/\(index % 7)/f\(index).txt", "v1 \(index)\n") }
        let base = try objectID(repo.commitAll("bulk"))
        for index in stride(from: 0, to: 40, by: 3) { try repo.write("bulk/\(index % 7)/f\(index).txt", "v2 \(index)\n") }
        for index in stride(from: 1, to: 40, by: 5) { try repo.remove("bulk/\(index % 7)/f\(index).txt") }
        for index in 40..<45 { try repo.write("bulk/new/f\(index).txt", "new \(index)\n") }
        let next = try objectID(repo.commitAll("churn"))
        let fromGit = try repo.git("-c", "core.quotePath=false", "diff", "--no-renames", "--name-status", base.hex, next.hex)
            .split(separator: "\n").map { line -> String in
                let parts = line.split(separator: "\t")
                return "\(parts[0]) \(parts[1])"
            }
            .sorted()
        let letters: [TreeChange.Status: String] = [.added: "A", .deleted: "D", .modified: "M", .typeChanged: "T", .renamed: "R"]
        let ours = try repo.open().treeDiff(from: base, to: next).map { "\(letters[$0.status] ?? "?") \($0.path)" }.sorted()
        XCTAssertEqual(ours, fromGit)
        XCTAssertEqual(ours.count, 11 + 8 + 5)
    }
}
