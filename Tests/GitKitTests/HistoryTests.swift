import Foundation
import GitKit
import TestSupport
import XCTest

/// Revision walks, blame and shallow clones.
final class HistoryTests: XCTestCase {
    /// main: c1 - c2 - c3 - merge;  feature (from c2): f1 - f2, merged with --no-ff.
    private func makeMergedHistory() throws -> (TestRepository, [String: String]) {
        let repo = try TestRepository()
        var ids: [String: String] = [:]
        try repo.write("a.txt", "1\n")
        ids["c1"] = try repo.commitAll("c1")
        try repo.write("a.txt", "2\n")
        ids["c2"] = try repo.commitAll("c2")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("f.txt", "f1\n")
        ids["f1"] = try repo.commitAll("f1")
        try repo.write("f.txt", "f2\n")
        ids["f2"] = try repo.commitAll("f2")
        try repo.git("checkout", "-q", "main")
        try repo.write("a.txt", "3\n")
        ids["c3"] = try repo.commitAll("c3")
        try repo.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature")
        ids["merge"] = try repo.git("rev-parse", "HEAD")
        return (repo, ids)
    }

    func testFirstParentWalkOldestFirst() throws {
        let (repo, ids) = try makeMergedHistory()
        let opened = try repo.open()
        let tip = try objectID(ids["merge"] ?? "")
        let walk = try opened.walk(from: tip, firstParent: true)
        let names = Dictionary(uniqueKeysWithValues: ids.map { (ObjectID(hex: $1)!, $0) })
        XCTAssertEqual(walk.map { names[$0] ?? $0.hex }, ["c1", "c2", "c3", "merge"])
        XCTAssertNil(walk.error)
        let newest = try opened.walk(from: tip, firstParent: true, order: .topologicalNewestFirst)
        XCTAssertEqual(newest.map { names[$0] ?? $0.hex }, ["merge", "c3", "c2", "c1"])
        XCTAssertEqual(try repo.git("rev-list", "--first-parent", "--reverse", ids["merge"] ?? ""),
                       try opened.walk(from: tip, firstParent: true).map(\.hex).joined(separator: "\n"))
    }

    func testFullWalkIsTopological() throws {
        let (repo, ids) = try makeMergedHistory()
        let opened = try repo.open()
        let tip = try objectID(ids["merge"] ?? "")
        let names = Dictionary(uniqueKeysWithValues: ids.map { (ObjectID(hex: $1)!, $0) })
        let order = try opened.walk(from: tip, firstParent: false).map { names[$0] ?? $0.hex }
        // libgit2's topological order (first parent's line first); git's --topo-order may differ
        // on the order of independent lines, but every parent comes before its children.
        XCTAssertEqual(order, ["c1", "c2", "c3", "f1", "f2", "merge"])
        let newest = try opened.walk(from: tip, firstParent: false, order: .topologicalNewestFirst).map { names[$0] ?? $0.hex }
        XCTAssertEqual(newest, ["merge", "f2", "f1", "c3", "c2", "c1"])
    }

    /// A commit missing in the middle of history is reported, not taken for the end of the walk.
    func testWalkSurfacesMissingCommit() throws {
        let (repo, ids) = try makeMergedHistory()
        try repo.deleteLooseObject(ids["c2"] ?? "")
        let walk = try repo.open().walk(from: try objectID(ids["merge"] ?? ""), firstParent: true)
        var seen: [ObjectID] = []
        while let id = walk.next() { seen.append(id) }
        XCTAssertNotNil(walk.error, "walk yielded \(seen) and no error")
        XCTAssertEqual(walk.error?.code, .objectMissing)
        XCTAssertEqual(walk.error?.function, "git_revwalk_next")
        XCTAssertNil(walk.next(), "a failed walk stays finished")
    }

    func testWalkFromMissingTip() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "1\n")
        try repo.commitAll("c1")
        let absent = try objectID("1234567890123456789012345678901234567890")
        let error = assertGitError(.objectMissing) { try repo.open().walk(from: absent, firstParent: true) }
        XCTAssertTrue(error?.description.contains(absent.hex) ?? false)
    }

    func testBlameFindsTheLastCommitPerLine() throws {
        let repo = try TestRepository()
        try repo.write("card.md", "one\ntwo\nthree\nfour\n")
        let first = try objectID(repo.commitAll("first"))
        try repo.write("card.md", "one\nTWO\nthree\nfour\n")
        let second = try objectID(repo.commitAll("second", author: "Bo Builder", email: "bo@example.com"))
        try repo.write("other.txt", "unrelated\n")
        let third = try objectID(repo.commitAll("third"))
        let opened = try repo.open()
        let ada = Signature(name: "Ada Author", email: "ada@example.com", time: 1_704_067_200, offsetMinutes: 0)
        let bo = Signature(name: "Bo Builder", email: "bo@example.com", time: 1_704_153_600, offsetMinutes: 0)

        XCTAssertEqual(try opened.blame(path: "card.md", at: third, lines: 1...4), [
            BlameHunk(lines: 1...1, commit: first, author: ada),
            BlameHunk(lines: 2...2, commit: second, author: bo),
            BlameHunk(lines: 3...4, commit: first, author: ada),
        ])
        XCTAssertEqual(try opened.blame(path: "card.md", at: third, lines: 2...3), [
            BlameHunk(lines: 2...2, commit: second, author: bo),
            BlameHunk(lines: 3...3, commit: first, author: ada),
        ])
        XCTAssertEqual(try opened.blame(path: "card.md", at: first, lines: 2...2), [
            BlameHunk(lines: 2...2, commit: first, author: ada),
        ])
        XCTAssertEqual(try opened.blame(path: "card.md", at: third, lines: 4...4).map(\.lines), [4...4])
        assertGitError(.other) { try opened.blame(path: "missing.md", at: third, lines: 1...1) }
    }

    /// The batched first-parent blame gives, line for line, what `git blame --first-parent`
    /// gives: through edits, insertions, a deletion, an exact rename and a merged side branch.
    func testBlameAgreesWithGitBlameFirstParent() throws {
        let repo = try TestRepository()
        try repo.write("card.md", "# Card\nowner: ada\nmodel: m1\nscope: triage\nmetric: f1\nlimits: none\n")
        try repo.write("config.yml", "systems:\n  - id: a\n    stage: design\n")
        try repo.commitAll("first")
        try repo.write("card.md", "# Card\nowner: bo\nmodel: m1\nscope: triage\nmetric: f1\nlimits: none\n")
        try repo.commitAll("second", author: "Bo Builder", email: "bo@example.com")
        try repo.git("mv", "card.md", "docs-card.md")
        try repo.git("commit", "-q", "-m", "rename")
        try repo.git("checkout", "-q", "-b", "side")
        try repo.write("docs-card.md", "# Card\nowner: bo\nmodel: m1\nscope: triage\nmetric: auc 0.91\nlimits: none\n")
        try repo.write("config.yml", "systems:\n  - id: a\n    stage: verification\n")
        try repo.commitAll("side edit", author: "Cy Side", email: "cy@example.com")
        try repo.git("checkout", "-q", "main")
        try repo.write("extra.txt", "unrelated\n")
        try repo.commitAll("main edit")
        try repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
        try repo.write("docs-card.md", "# Card\nowner: bo\nmodel: m2\nnew: line\nscope: triage\nmetric: auc 0.91\n")
        try repo.write("config.yml", "systems:\n  - id: a\n    stage: verification\n  - id: b\n")
        let tip = try objectID(repo.commitAll("last"))
        let opened = try repo.open()

        let blamed = try opened.blame(["docs-card.md": Set(1...6), "config.yml": Set(1...4)], at: tip)
        for (path, count) in [("docs-card.md", 6), ("config.yml", 4)] {
            let ours = try XCTUnwrap(blamed[path]).get()
            // Porcelain headers: "<40 hex> <original line> <final line>[ <group size>]".
            let porcelain = try repo.git("blame", "--first-parent", "--porcelain", "HEAD", "--", path)
            var theirs: [Int: String] = [:]
            for line in porcelain.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.count >= 3, fields[0].count == 40, let final = Int(fields[2]) { theirs[final] = String(fields[0]) }
            }
            XCTAssertEqual(theirs.count, count, path)
            XCTAssertEqual(ours.mapValues(\.commit.hex), theirs, path)
        }
        // The merged side branch's line names the merge; the renamed file's old lines reach "first".
        let merge = try repo.git("rev-parse", "HEAD~1")
        XCTAssertEqual(try blamed["docs-card.md"]?.get()[6]?.commit.hex, merge)
        XCTAssertEqual(try blamed["docs-card.md"]?.get()[1]?.commit.hex, try repo.git("rev-parse", "HEAD~5"))
        XCTAssertEqual(try blamed["docs-card.md"]?.get()[2]?.author.name, "Bo Builder")
        // Lines past the end are left out; an absent path is an error for that path only.
        let mixed = try opened.blame(["config.yml": [4, 9], "gone.md": [1]], at: tip)
        XCTAssertEqual(try mixed["config.yml"]?.get().keys.sorted(), [4])
        XCTAssertThrowsError(try mixed["gone.md"]?.get())
    }

    func testShallowCloneBoundary() throws {
        let source = try TestRepository()
        for index in 1...3 {
            try source.write("a.txt", "\(index)\n")
            try source.commitAll("c\(index)")
        }
        XCTAssertFalse(try source.open().isShallow)
        XCTAssertEqual(try source.open().shallowBoundary(), [])

        let clone = try TestRepository(cloneOf: source, depth: 1)
        let opened = try clone.open()
        let head = try objectID(clone.git("rev-parse", "HEAD"))
        XCTAssertTrue(opened.isShallow)
        XCTAssertEqual(opened.shallowBoundary(), [head])
        let walk = try opened.walk(from: head, firstParent: true)
        XCTAssertEqual(Array(walk), [head])
        XCTAssertNil(walk.error)
        XCTAssertEqual(try opened.commitInfo(head).parents.count, 1, "the commit still names its parent")
        let error = assertGitError(.revisionNotFound) { try opened.resolveCommit("HEAD~1") }
        XCTAssertEqual(error?.hint, "this is a shallow clone; fetch full history with `git fetch --unshallow` or check the name")
    }

    /// libgit2 1.5 does not read `.git/shallow`; walks, merge bases and blame must stop at the boundary anyway.
    func testShallowCloneWithMergeHistory() throws {
        let (source, ids) = try makeMergedHistory()
        try source.write("a.txt", "4\n")
        let last = try source.commitAll("c4")
        let clone = try TestRepository(cloneOf: source, depth: 3)
        let opened = try clone.open()
        let names = Dictionary(uniqueKeysWithValues: (ids.map { ($1, $0) } + [(last, "c4")]).map { (ObjectID(hex: $0)!, $1) })
        let tip = try objectID(last)
        // depth 3 from c4: c4, merge, c3 and f2; the boundary is c3 and f2 (their parents are absent).
        XCTAssertEqual(opened.shallowBoundary().map { names[$0] ?? $0.hex }.sorted(), ["c3", "f2"])
        let full = try opened.walk(from: tip, firstParent: false)
        XCTAssertEqual(full.map { names[$0] ?? $0.hex }, ["c3", "f2", "merge", "c4"])
        XCTAssertNil(full.error)
        let line = try opened.walk(from: tip, firstParent: true, order: .topologicalNewestFirst)
        XCTAssertEqual(line.map { names[$0] ?? $0.hex }, ["c4", "merge", "c3"])
        XCTAssertEqual(try opened.mergeBase(tip, objectID(ids["f2"] ?? "")), try objectID(ids["f2"] ?? ""))
        XCTAssertEqual(try opened.mergeBase(objectID(ids["c3"] ?? ""), objectID(ids["f2"] ?? "")), nil)
    }

    func testBlameInShallowClone() throws {
        let source = try TestRepository()
        try source.write("card.md", "one\ntwo\n")
        try source.commitAll("first")
        try source.write("card.md", "one\nTWO\n")
        try source.commitAll("second")
        try source.write("card.md", "one\nTWO\nthree\n")
        let third = try objectID(source.commitAll("third"))
        let clone = try TestRepository(cloneOf: source, depth: 2)
        let opened = try clone.open()
        let second = try objectID(clone.git("rev-parse", "HEAD~1"))
        // Lines older than the boundary are blamed on the boundary commit, as `git blame` does.
        XCTAssertEqual(try opened.blame(path: "card.md", at: third, lines: 1...3).map { "\($0.lines) \($0.commit.short)" },
                       ["1...2 \(second.short)", "3...3 \(third.short)"])
    }
}

/// What happens when objects are missing (partial clones, corruption): errors name the id.
final class MissingObjectTests: XCTestCase {
    func testMissingBlob() throws {
        let repo = try TestRepository()
        try repo.write("kept.txt", "kept\n")
        try repo.write("lost.txt", "lost\n")
        let head = try objectID(repo.commitAll("first"))
        let lostHex = try repo.git("rev-parse", "HEAD:lost.txt")
        try repo.deleteLooseObject(lostHex)
        let opened = try repo.open()
        let lost = try objectID(lostHex)

        let snapshot = try opened.snapshot(.commit(head))
        XCTAssertEqual(snapshot.entries.map(\.path), ["kept.txt", "lost.txt"])
        XCTAssertEqual(snapshot.entry(at: "lost.txt")?.size, -1)
        XCTAssertEqual(snapshot.entry(at: "kept.txt")?.size, 5)
        XCTAssertEqual(try snapshot.content(of: XCTUnwrap(snapshot.entry(at: "kept.txt"))), Data("kept\n".utf8))
        let error = assertGitError(.objectMissing) { try snapshot.content(of: XCTUnwrap(snapshot.entry(at: "lost.txt"))) }
        XCTAssertEqual(error?.description,
                       "blob \(lostHex) is missing from the object database; the clone may be partial or corrupt; run `git fsck` or fetch the object")
        assertGitError(.objectMissing) { try opened.blob(lost) }
        assertGitError(.objectMissing) { try opened.blobSize(lost) }
        XCTAssertEqual(try opened.blobSize(XCTUnwrap(snapshot.entry(at: "kept.txt")?.id)), 5)
    }

    func testMissingCommitAndTree() throws {
        let repo = try TestRepository()
        try repo.write("dir/a.txt", "a\n")
        let head = try objectID(repo.commitAll("first"))
        let opened = try repo.open()
        let absent = try objectID("00000000000000000000000000000000000000aa")
        let error = assertGitError(.objectMissing) { try opened.commitInfo(absent) }
        XCTAssertTrue(error?.description.contains(absent.hex) ?? false)
        assertGitError(.objectMissing) { try opened.snapshot(.commit(absent)) }
        assertGitError(.objectMissing) { try opened.treeDiff(from: absent, to: head) }

        let treeHex = try repo.git("rev-parse", "HEAD:dir")
        try repo.deleteLooseObject(treeHex)
        let reopened = try repo.open()
        let treeError = assertGitError(.objectMissing) { try reopened.snapshot(.commit(head)) }
        XCTAssertEqual(treeError?.summary, "tree \(treeHex) is missing from the object database")
    }
}
