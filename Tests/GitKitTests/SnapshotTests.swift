import Foundation
import GitKit
import TestSupport
import XCTest

/// The three snapshot sources, entry kinds, sizes and content reading.
final class SnapshotTests: XCTestCase {
    /// Commit, index and working tree each see a different set of files.
    func testThreeSnapshotsDiffer() throws {
        let repo = try TestRepository()
        try repo.write(".gitignore", "*.log\n")
        try repo.write("keep.txt", "keep\n")
        try repo.write("gone.txt", "gone\n")
        try repo.write("mod.txt", "m1\n")
        try repo.write("staged-mod.txt", "s1\n")
        let head = try repo.commitAll("first")

        try repo.write("staged.txt", "staged\n")
        try repo.write("staged-mod.txt", "s2 longer\n")
        try repo.git("add", "staged.txt", "staged-mod.txt")
        try repo.write("untracked/new.txt", "untracked\n")
        try repo.remove("gone.txt")
        try repo.write("mod.txt", "m2 changed\n")
        try repo.write("debug.log", "ignored\n")
        let opened = try repo.open()

        let commit = try opened.snapshot(.commit(objectID(head)))
        let index = try opened.snapshot(.index)
        let worktree = try opened.snapshot(.worktree)
        XCTAssertEqual(commit.source, .commit(try objectID(head)))
        XCTAssertEqual(commit.entries.map(\.path), [".gitignore", "gone.txt", "keep.txt", "mod.txt", "staged-mod.txt"])
        XCTAssertEqual(index.entries.map(\.path), [".gitignore", "gone.txt", "keep.txt", "mod.txt", "staged-mod.txt", "staged.txt"])
        XCTAssertEqual(worktree.entries.map(\.path),
                       [".gitignore", "keep.txt", "mod.txt", "staged-mod.txt", "staged.txt", "untracked/new.txt"])

        let blobOf = { (path: String) throws -> ObjectID in try objectID(repo.git("rev-parse", ":\(path)")) }
        XCTAssertEqual(commit.entry(at: "mod.txt"),
                       SnapshotEntry(path: "mod.txt", id: try blobOf("mod.txt"), mode: 0o100644, kind: .file, size: 3))
        XCTAssertEqual(index.entry(at: "staged-mod.txt"),
                       SnapshotEntry(path: "staged-mod.txt", id: try blobOf("staged-mod.txt"), mode: 0o100644, kind: .file, size: 10))
        XCTAssertEqual(commit.entry(at: "staged-mod.txt")?.size, 3)
        XCTAssertEqual(worktree.entry(at: "mod.txt"),
                       SnapshotEntry(path: "mod.txt", id: nil, mode: 0o100644, kind: .file, size: 11))
        XCTAssertEqual(worktree.entry(at: "untracked/new.txt"),
                       SnapshotEntry(path: "untracked/new.txt", id: nil, mode: 0o100644, kind: .file, size: 10))
        XCTAssertEqual(worktree.entry(at: "staged.txt")?.id, try blobOf("staged.txt"))
        XCTAssertNil(worktree.entry(at: "debug.log"))
        XCTAssertNil(worktree.entry(at: "gone.txt"))
        XCTAssertNil(index.entry(at: "untracked/new.txt"))

        XCTAssertEqual(try commit.content(of: XCTUnwrap(commit.entry(at: "mod.txt"))), Data("m1\n".utf8))
        XCTAssertEqual(try index.content(of: XCTUnwrap(index.entry(at: "staged-mod.txt"))), Data("s2 longer\n".utf8))
        XCTAssertEqual(try worktree.content(of: XCTUnwrap(worktree.entry(at: "mod.txt"))), Data("m2 changed\n".utf8))
        XCTAssertEqual(try worktree.content(of: XCTUnwrap(worktree.entry(at: "untracked/new.txt"))), Data("untracked\n".utf8))
    }

    func testEntryKindsSymlinksAndSubmodules() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "hello\n")
        try repo.write("run.sh", "#!/bin/sh\n")
        try repo.makeExecutable("run.sh")
        try repo.symlink("link", to: "a.txt")
        try repo.symlink("escape", to: "/etc/passwd")
        let first = try repo.commitAll("first")
        try repo.git("update-index", "--add", "--cacheinfo", "160000,\(first),sub")
        try repo.git("commit", "-q", "-m", "add gitlink")
        let head = try objectID(repo.git("rev-parse", "HEAD"))
        let opened = try repo.open()

        for source in [SnapshotSource.commit(head), .index, .worktree] {
            let snapshot = try opened.snapshot(source)
            XCTAssertEqual(snapshot.entries.map(\.path), ["a.txt", "escape", "link", "run.sh", "sub"], "\(source)")
            XCTAssertEqual(snapshot.entries.map(\.kind), [.file, .symlink, .symlink, .executable, .submodule], "\(source)")
            XCTAssertEqual(snapshot.entries.map(\.mode), [0o100644, 0o120000, 0o120000, 0o100755, 0o160000], "\(source)")
            XCTAssertEqual(snapshot.entries.map(\.size), [6, 11, 5, 10, 0], "\(source)")
            XCTAssertEqual(snapshot.entry(at: "sub")?.id, try objectID(first), "\(source)")
            // A symlink's content is its target, never the file it points to.
            XCTAssertEqual(try snapshot.content(of: XCTUnwrap(snapshot.entry(at: "escape"))), Data("/etc/passwd".utf8))
            XCTAssertEqual(try snapshot.content(of: XCTUnwrap(snapshot.entry(at: "link"))), Data("a.txt".utf8))
            let gitlink = try XCTUnwrap(snapshot.entry(at: "sub"))
            let error = assertGitError(.invalidObject) { try snapshot.content(of: gitlink) }
            XCTAssertEqual(error?.summary, "'sub' is a submodule (gitlink) and has no content to read")
        }
    }

    /// Untracked symlinks to files and folders outside are listed as symlinks and never followed.
    func testWorktreeNeverLeavesTheWorkingTree() throws {
        let outside = try TemporaryFolder()
        try Data("secret\n".utf8).write(to: outside.url.appendingPathComponent("secret.txt"))
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        try repo.symlink("outside", to: outside.url.path)
        try repo.symlink("secret-link", to: outside.url.path + "/secret.txt")
        let worktree = try repo.open().snapshot(.worktree)

        XCTAssertEqual(worktree.entries.map(\.path), ["a.txt", "outside", "secret-link"])
        XCTAssertEqual(worktree.entry(at: "outside")?.kind, .symlink)
        XCTAssertEqual(try worktree.content(of: XCTUnwrap(worktree.entry(at: "secret-link"))),
                       Data((outside.url.path + "/secret.txt").utf8))
        // Even a hand-made entry through the symlinked folder is refused.
        let sneaky = SnapshotEntry(path: "outside/secret.txt", id: nil, mode: 0o100644, kind: .file, size: 7)
        assertGitError(.io) { try worktree.content(of: sneaky) }
        let upwards = SnapshotEntry(path: "../x", id: nil, mode: 0o100644, kind: .file, size: 1)
        assertGitError(.io) { try worktree.content(of: upwards) }
    }

    func testWorktreeRefusesFifo() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        XCTAssertEqual(mkfifo(repo.path("pipe"), 0o644), 0)
        let worktree = try repo.open().snapshot(.worktree)
        XCTAssertNil(worktree.entry(at: "pipe"), "a FIFO is not listed")
        let fifo = SnapshotEntry(path: "pipe", id: nil, mode: 0o100644, kind: .file, size: 0)
        assertGitError(.io) { try worktree.content(of: fifo) }
    }

    func testContentSizeLimit() throws {
        let repo = try TestRepository()
        try repo.write("big.txt", String(repeating: "x", count: 100))
        try repo.write("small.txt", "tiny")
        let head = try objectID(repo.commitAll("first"))
        try repo.write("big.txt", String(repeating: "y", count: 200))
        let opened = try repo.open()
        for snapshot in [try opened.snapshot(.commit(head)), try opened.snapshot(.worktree)] {
            let big = try XCTUnwrap(snapshot.entry(at: "big.txt"))
            XCTAssertNil(try snapshot.content(maxBytes: 50, of: big))
            XCTAssertEqual(try snapshot.content(maxBytes: 500, of: big)?.count, Int(big.size))
            XCTAssertEqual(try snapshot.content(maxBytes: 4, of: XCTUnwrap(snapshot.entry(at: "small.txt"))), Data("tiny".utf8))
        }
    }

    /// Paths are sorted as bytes, the way git sorts them, including Unicode and spaces.
    func testByteOrderAndUnusualNames() throws {
        let repo = try TestRepository()
        let names = ["a-b", "a.b", "a/b", "a0", "Zeta", "é/x", "with space.md", "ü.txt", "z\u{0301}.txt"]
        for name in names { try repo.write(name, name) }
        let head = try objectID(repo.commitAll("first"))
        let opened = try repo.open()
        let expected = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let fromGit = try repo.git("-c", "core.quotePath=false", "ls-tree", "-r", "--name-only", "HEAD")
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(expected, fromGit)
        for source in [SnapshotSource.commit(head), .index, .worktree] {
            let snapshot = try opened.snapshot(source)
            XCTAssertEqual(snapshot.entries.map(\.path), expected, "\(source)")
            for name in names { XCTAssertEqual(snapshot.entry(at: name)?.path, name) }
            XCTAssertNil(snapshot.entry(at: "a"))
        }
    }

    func testTreeEntriesUnderPrefix() throws {
        let repo = try TestRepository()
        try repo.write("models/a/card.md", "a\n")
        try repo.write("models/a/deep/x.txt", "x\n")
        try repo.write("models/ab/card.md", "ab\n")
        try repo.write("README.md", "r\n")
        let head = try objectID(repo.commitAll("first"))
        let opened = try repo.open()
        XCTAssertEqual(try opened.treeEntries(commit: head, under: "models/a").map(\.path),
                       ["models/a/card.md", "models/a/deep/x.txt"])
        XCTAssertEqual(try opened.treeEntries(commit: head, under: "models/a/").map(\.path),
                       ["models/a/card.md", "models/a/deep/x.txt"])
        XCTAssertEqual(try opened.treeEntries(commit: head, under: "README.md"),
                       [SnapshotEntry(path: "README.md", id: try objectID(repo.git("rev-parse", "HEAD:README.md")),
                                      mode: 0o100644, kind: .file, size: 2)])
        XCTAssertEqual(try opened.treeEntries(commit: head, under: "nothing/here"), [])
        XCTAssertEqual(try opened.treeEntries(commit: head, under: nil).count, 4)
    }

    func testFilteredSnapshots() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "a\n")
        try repo.write("models/a/weights.bin", "w\n")
        try repo.write("models/ab/MODEL_CARD.md", "ab\n")
        try repo.write("docs/MODEL_CARD.md", "d\n")
        try repo.write("README.md", "r\n")
        let head = try objectID(repo.commitAll("first"))
        try repo.write("models/a/new.md", "untracked\n")
        let opened = try repo.open()
        let folder = PathFilter(prefixes: ["models/a"])
        let cards = PathFilter(prefixes: [], matches: { $0.hasSuffix("/MODEL_CARD.md") })
        XCTAssertEqual(try opened.snapshot(.commit(head), filter: folder).entries.map(\.path),
                       ["models/a/MODEL_CARD.md", "models/a/weights.bin"])
        XCTAssertEqual(try opened.snapshot(.index, filter: folder).entries.map(\.path),
                       ["models/a/MODEL_CARD.md", "models/a/weights.bin"])
        XCTAssertEqual(try opened.snapshot(.worktree, filter: folder).entries.map(\.path),
                       ["models/a/MODEL_CARD.md", "models/a/new.md", "models/a/weights.bin"])
        for source in [SnapshotSource.commit(head), .index, .worktree] {
            XCTAssertEqual(try opened.snapshot(source, filter: cards).entries.map(\.path),
                           ["docs/MODEL_CARD.md", "models/a/MODEL_CARD.md", "models/ab/MODEL_CARD.md"], "\(source)")
        }
        // Folders outside the filter are not opened at all.
        try repo.deleteLooseObject(repo.git("rev-parse", "HEAD:docs"))
        XCTAssertEqual(try repo.open().snapshot(.commit(head), filter: folder).entries.count, 2)
    }

    /// A hook run by `git commit -a` reads the temporary index git names in GIT_INDEX_FILE.
    func testAlternateIndexFile() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        let other = repo.root.deletingLastPathComponent().appendingPathComponent("other-index")
        try FileManager.default.copyItem(atPath: repo.path(".git/index"), toPath: other.path)
        try repo.write("b.txt", "b\n")
        try repo.git("add", "b.txt")
        XCTAssertEqual(try repo.open().snapshot(.index).entries.map(\.path), ["a.txt", "b.txt"])
        let withOther = try Repository.discover(from: repo.root.path, indexFile: other.path)
        XCTAssertEqual(try withOther.snapshot(.index).entries.map(\.path), ["a.txt"])
        XCTAssertEqual(try withOther.snapshot(.worktree).entries.map(\.path), ["a.txt", "b.txt"])
        XCTAssertNil(try withOther.snapshot(.worktree).entry(at: "b.txt")?.id, "untracked relative to that index")
        assertGitError(.io) { try Repository.discover(from: repo.root.path, indexFile: other.path + "-missing") }
    }

    func testIndexSizeForRacilyCleanOrCacheinfoEntries() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "hello\n")
        try repo.commitAll("first")
        let blob = try repo.git("rev-parse", "HEAD:a.txt")
        // An entry added without a stat (size 0 in the index) still gets its real size.
        try repo.git("update-index", "--add", "--cacheinfo", "100644,\(blob),copy.txt")
        let index = try repo.open().snapshot(.index)
        XCTAssertEqual(index.entry(at: "copy.txt")?.size, 6)
        XCTAssertEqual(index.entry(at: "a.txt")?.size, 6)
    }

    func testConflictedIndexListsOurs() throws {
        let repo = try TestRepository()
        try repo.write("c.txt", "base\n")
        try repo.commitAll("base")
        try repo.git("checkout", "-q", "-b", "theirs")
        try repo.write("c.txt", "theirs\n")
        try repo.commitAll("theirs")
        try repo.git("checkout", "-q", "main")
        try repo.write("c.txt", "ours!\n")
        try repo.commitAll("ours")
        XCTAssertThrowsError(try repo.git("merge", "theirs"))
        let opened = try repo.open()
        let index = try opened.snapshot(.index)
        XCTAssertEqual(index.entries.map(\.path), ["c.txt"])
        XCTAssertEqual(try index.content(of: XCTUnwrap(index.entry(at: "c.txt"))), Data("ours!\n".utf8))
        let worktree = try opened.snapshot(.worktree)
        XCTAssertNil(worktree.entry(at: "c.txt")?.id)
        XCTAssertTrue(String(decoding: try worktree.content(of: XCTUnwrap(worktree.entry(at: "c.txt"))), as: UTF8.self)
            .contains("<<<<<<<"))
    }
}
