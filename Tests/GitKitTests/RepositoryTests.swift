import Foundation
import GitKit
import TestSupport
import XCTest

/// Opening repositories: discovery, bare repositories, linked worktrees, HEAD state, config and remotes.
final class RepositoryTests: XCTestCase {
    func testDiscoversFromNestedFolder() throws {
        let repo = try TestRepository()
        try repo.write("models/a/deep/file.txt", "x\n")
        try repo.commitAll("first")
        let opened = try Repository.discover(from: repo.path("models/a/deep"))
        XCTAssertEqual(opened.workingDirectory, repo.root.path)
        XCTAssertEqual(opened.gitDirectory, repo.root.path + "/.git")
        XCTAssertFalse(opened.isBare)
        XCTAssertFalse(opened.isShallow)
        XCTAssertFalse(opened.isHeadUnborn)
        XCTAssertEqual(opened.currentBranch, "main")
        // A file path works too: its folder is searched from.
        XCTAssertEqual(try Repository.discover(from: repo.path("models/a/deep/file.txt")).workingDirectory,
                       repo.root.path)
    }

    func testNotARepositoryNamesThePath() throws {
        let folder = try TemporaryFolder()
        let error = assertGitError(.notARepository) { try Repository.discover(from: folder.url.path) }
        XCTAssertEqual(error?.description,
                       "not a git repository (or any parent folder): '\(folder.url.path)'; run inside a repository or pass a path to one")
        let missing = folder.url.path + "/nope"
        let second = assertGitError(.notARepository) { try Repository.discover(from: missing) }
        XCTAssertEqual(second?.summary, "not a git repository: '\(missing)' does not exist")
    }

    func testBareRepository() throws {
        let source = try TestRepository()
        try source.write("README.md", "hi\n")
        let head = try source.commitAll("first")
        let bare = try TestRepository(cloneOf: source, bare: true)
        let opened = try bare.open()
        XCTAssertTrue(opened.isBare)
        XCTAssertNil(opened.workingDirectory)
        XCTAssertEqual(opened.gitDirectory, bare.root.path)
        XCTAssertEqual(opened.currentBranch, "main")
        XCTAssertEqual(try opened.resolveCommit("HEAD"), try objectID(head))
        XCTAssertEqual(try opened.snapshot(.commit(objectID(head))).entries.map(\.path), ["README.md"])
        assertGitError(.other) { try opened.snapshot(.index) }
        assertGitError(.other) { try opened.snapshot(.worktree) }
    }

    func testLinkedWorktree() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        let first = try repo.commitAll("first")
        let linked = repo.root.deletingLastPathComponent().appendingPathComponent("linked")
        try repo.git("worktree", "add", "-q", "-b", "feature", linked.path)
        try FileManager.default.createDirectory(at: linked.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("new\n".utf8).write(to: linked.appendingPathComponent("sub/new.txt"))

        let opened = try Repository.discover(from: linked.appendingPathComponent("sub").path)
        XCTAssertEqual(opened.workingDirectory, linked.path)
        XCTAssertEqual(opened.gitDirectory, repo.root.path + "/.git/worktrees/linked")
        XCTAssertFalse(opened.isBare)
        XCTAssertEqual(opened.currentBranch, "feature")
        XCTAssertEqual(try opened.resolveCommit("HEAD"), try objectID(first))
        XCTAssertEqual(try opened.snapshot(.index).entries.map(\.path), ["a.txt"])
        XCTAssertEqual(try opened.snapshot(.worktree).entries.map(\.path), ["a.txt", "sub/new.txt"])
        // The main working tree still reports its own branch.
        XCTAssertEqual(try repo.open().currentBranch, "main")
    }

    func testUnbornAndDetachedHead() throws {
        let repo = try TestRepository(initialBranch: "trunk")
        let fresh = try repo.open()
        XCTAssertTrue(fresh.isHeadUnborn)
        XCTAssertNil(fresh.currentBranch)
        XCTAssertEqual(try fresh.snapshot(.index).entries, [])

        try repo.write("a.txt", "a\n")
        let first = try repo.commitAll("first")
        try repo.commitAll("second")
        let opened = try repo.open()
        XCTAssertFalse(opened.isHeadUnborn)
        XCTAssertEqual(opened.currentBranch, "trunk")
        try repo.git("checkout", "-q", "--detach", first)
        XCTAssertNil(try repo.open().currentBranch)
    }

    func testConfigAndRemoteURLWithoutCredentials() throws {
        let repo = try TestRepository()
        try repo.git("remote", "add", "origin", "https://user:token@example.com/org/repo.git")
        try repo.git("remote", "add", "mirror", "git@example.com:org/repo.git")
        try repo.git("config", "core.hooksPath", ".githooks")
        let opened = try repo.open()
        XCTAssertEqual(opened.remoteURL(), "https://example.com/org/repo.git")
        XCTAssertEqual(opened.remoteURL("mirror"), "git@example.com:org/repo.git")
        XCTAssertNil(opened.remoteURL("upstream"))
        XCTAssertEqual(opened.configString("core.hooksPath"), ".githooks")
        XCTAssertNil(opened.configString("aimslint.nothing"))
    }

    func testCredentialRedaction() {
        let cases: [(String, String)] = [
            ("https://user:token@example.com/org/repo.git", "https://example.com/org/repo.git"),
            ("https://ghp_abc123@github.com/org/repo", "https://github.com/org/repo"),
            ("http://u:p%40ss@host:8080/x?y=1", "http://host:8080/x?y=1"),
            ("https://example.com/org/repo.git", "https://example.com/org/repo.git"),
            ("ssh://git@example.com/org/repo.git", "ssh://git@example.com/org/repo.git"),
            ("ssh://git:secret@example.com:22/org/repo.git", "ssh://example.com:22/org/repo.git"),
            ("git@example.com:org/repo.git", "git@example.com:org/repo.git"),
            ("deploy:secret@example.com:org/repo.git", "example.com:org/repo.git"),
            ("/srv/git/repo.git", "/srv/git/repo.git"),
            ("file:///srv/git/repo@2.git", "file:///srv/git/repo@2.git"),
            ("https://host/path/with@sign", "https://host/path/with@sign"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(CredentialRedaction.strip(input), expected, input)
        }
    }

    func testObjectIDParsing() throws {
        let id = try objectID("0123456789ABCDEF0123456789abcdef01234567")
        XCTAssertEqual(id.hex, "0123456789abcdef0123456789abcdef01234567")
        XCTAssertEqual(id.short, "0123456")
        XCTAssertNil(ObjectID(hex: "0123"))
        XCTAssertNil(ObjectID(hex: "g123456789abcdef0123456789abcdef01234567"))
        let encoded = try JSONEncoder().encode([id])
        XCTAssertEqual(String(decoding: encoded, as: UTF8.self), "[\"0123456789abcdef0123456789abcdef01234567\"]")
        XCTAssertEqual(try JSONDecoder().decode([ObjectID].self, from: encoded), [id])
        XCTAssertThrowsError(try JSONDecoder().decode([ObjectID].self, from: Data("[\"zz\"]".utf8)))
    }
}
