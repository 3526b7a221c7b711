import Foundation
import TestSupport
import XCTest

/// SPEC §8, the repository rows: what is not a usable repository or revision exits 2 with one
/// line naming what was tried; shallow clones, bare repositories, linked worktrees and
/// submodules get the documented treatment. Every test runs the real binary.
final class BadInputRepositoryTests: XCTestCase {
    // MARK: not a repository / unborn HEAD / bad revision

    func testSPEC8_notARepository_exits2WithOneLine() throws {
        let folder = try BadInput.temporaryFolder("norepo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["check", folder.path],
                                 environment: ["GIT_CEILING_DIRECTORIES": folder.deletingLastPathComponent().path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr,
                       "aimslint: error: not a git repository (or any parent folder): '\(folder.path)'; run inside a repository or pass a path to one\n")

        let missing = folder.appendingPathComponent("nowhere").path
        let absent = try CLI.run(["check", missing])
        XCTAssertEqual(absent.status, 2)
        XCTAssertEqual(absent.stderr,
                       "aimslint: error: not a git repository: '\(missing)' does not exist; pass a folder inside a git repository\n")
    }

    func testSPEC8_unbornHead_exits2WithOneLine() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        let result = try CLI.run(["check", "--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr,
                       "aimslint: error: HEAD has no commits yet (bad revision 'HEAD'); make a first commit, or name an existing revision\n")
    }

    func testSPEC8_badRevision_exits2NamingIt() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try repo.commitAll("card")
        for revision in ["origin/mian", "HEAD~9", "v9.9.9"] {
            let result = try CLI.run(["check", "--rev", revision], in: repo.root)
            XCTAssertEqual(result.status, 2, revision)
            XCTAssertEqual(result.stdout, "", revision)
            XCTAssertEqual(result.stderr,
                           "aimslint: error: bad revision '\(revision)': not found; check the name with `git branch -a`, `git tag` or `git log`\n")
        }
    }

    // MARK: shallow clones

    private func shallowClone() throws -> (origin: TestRepository, clone: TestRepository) {
        let origin = try TestRepository()
        try origin.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try origin.commitAll("card")
        try origin.write("models/a/MODEL_CARD.md", BadInput.goodCard + "\n\nMore words about the tagger.\n")
        try origin.commitAll("more")
        try origin.write("models/a/MODEL_CARD.md", BadInput.goodCard + "\n\nEven more words about the tagger.\n")
        try origin.commitAll("even more")
        return (origin, try TestRepository(cloneOf: origin, depth: 1))
    }

    func testSPEC8_shallowClone_exits2WithFetchDepthHint() throws {
        let (_, clone) = try shallowClone()
        for arguments in [["check"], ["check", "--rev", "HEAD"], ["check", "--staged"]] {
            let result = try CLI.run(arguments, in: clone.root)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertEqual(result.stderr, """
                aimslint: error: '\(clone.root.path)' is a shallow clone, so history-based facts would be wrong
                aimslint: hint: fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout), or pass --allow-shallow

                """, "\(arguments)")
        }
    }

    func testSPEC8_shallowCloneAllowed_reportStatesWhereHistoryStops() throws {
        let (_, clone) = try shallowClone()
        let boundary = try clone.git("rev-parse", "HEAD")
        let expected = "shallow clone: history stops at \(boundary); older commits are not read, so introducedBy and file ages may be too recent"

        let (result, json) = try BadInput.checkJSON(["--rev", "HEAD", "--allow-shallow"], in: clone.root)
        XCTAssertEqual(result.status, 1, "the card's own findings, not a tool error: \(result.stderr)")
        XCTAssertEqual(BadInput.notices(json), ["no .aims/config.yml; systems inferred, run `aimslint init`", expected])
        XCTAssertTrue(result.stderr.contains("aimslint: note: \(expected)\n"), result.stderr)

        let sarif = try CLI.run(["check", "--rev", "HEAD", "--allow-shallow", "--format", "sarif"], in: clone.root)
        XCTAssertEqual(sarif.status, 1, sarif.stderr)
        XCTAssertTrue(try BadInput.sarifNotifications(sarif.stdout).contains(expected), sarif.stdout)
    }

    // MARK: --base not present locally

    func testSPEC8_baseNotPresentLocally_exits2NamingRefAndFetch() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try repo.commitAll("card")
        let cases = [
            ("origin/main", "git fetch origin main"),
            ("upstream/release-1", "git fetch upstream release-1"),
            ("main2", "git fetch origin main2"),
        ]
        for (base, fetch) in cases {
            let result = try CLI.run(["check", "--rev", "HEAD", "--base", base], in: repo.root)
            XCTAssertEqual(result.status, 2, base)
            XCTAssertEqual(result.stdout, "", base)
            XCTAssertTrue(result.stderr.hasSuffix(
                "aimslint: error: the base '\(base)' is not available locally; fetch it with `\(fetch)` (in CI, check out with full history: `fetch-depth: 0`)\n"),
                result.stderr)
            XCTAssertFalse(result.stderr.contains("error: bad revision"), result.stderr)
        }
    }

    // MARK: bare repository, linked worktree, submodules

    func testSPEC8_bareRepository_works() throws {
        let origin = try TestRepository()
        try origin.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try origin.write("models/b/MODEL_CARD.md", "---\nlicense: [mit\n---\n# B\n")
        try origin.commitAll("cards")
        let bare = try TestRepository(cloneOf: origin, bare: true)

        let (fromOrigin, originJSON) = try BadInput.checkJSON(["--rev", "HEAD"], in: origin.root)
        let (fromBare, bareJSON) = try BadInput.checkJSON([bare.root.path])
        XCTAssertEqual(fromBare.status, 1, fromBare.stderr)
        XCTAssertEqual(fromBare.status, fromOrigin.status)
        XCTAssertEqual(BadInput.findings(bareJSON), BadInput.findings(originJSON))
        XCTAssertTrue(BadInput.findings(bareJSON).map(\.place).contains("models/b/MODEL_CARD.md:3:1 AIMS-005"))
        let source = bareJSON["source"] as? [String: Any]
        XCTAssertEqual(source?["kind"] as? String, "revision")
        XCTAssertEqual(source?["commit"] as? String, try origin.git("rev-parse", "HEAD"))
    }

    func testSPEC8_linkedWorktree_works() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try repo.commitAll("card")
        let linked = repo.root.deletingLastPathComponent().appendingPathComponent("linked")
        try repo.git("worktree", "add", "--quiet", "-b", "feature", linked.path)
        // Only the linked worktree's copy is broken, and only its index holds the staged datasheet.
        try Data("---\nlicense: [mit\n---\n# A\n".utf8).write(to: linked.appendingPathComponent("models/a/MODEL_CARD.md"))
        try FileManager.default.createDirectory(at: linked.appendingPathComponent("data/d"), withIntermediateDirectories: true)
        try Data("{\"name\" 1}".utf8).write(to: linked.appendingPathComponent("data/d/croissant.json"))
        try BadInput.git(["add", "data/d/croissant.json"], in: linked)

        let (worktree, worktreeJSON) = try BadInput.checkJSON([], in: linked)
        XCTAssertEqual(worktree.status, 1, worktree.stderr)
        let places = BadInput.findings(worktreeJSON).map(\.place)
        XCTAssertTrue(places.contains("models/a/MODEL_CARD.md:3:1 AIMS-005"), "\(places)")
        XCTAssertTrue(places.contains("data/d/croissant.json:1:9 AIMS-005"), "\(places)")
        XCTAssertEqual((worktreeJSON["source"] as? [String: Any])?["kind"] as? String, "worktree")

        let (staged, stagedJSON) = try BadInput.checkJSON(["--staged"], in: linked)
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(BadInput.findings(stagedJSON).filter { $0.rule == "AIMS-005" }.map(\.place), ["data/d/croissant.json:1:9 AIMS-005"])

        // The main worktree is untouched by all of it.
        let (main, mainJSON) = try BadInput.checkJSON([], in: repo.root)
        XCTAssertEqual(main.status, 1, main.stderr)
        XCTAssertEqual(BadInput.findings(mainJSON).filter { $0.rule == "AIMS-005" }, [])
    }

    func testSPEC8_submoduleEntries_skippedWithANote() throws {
        let library = try TestRepository()
        try library.write("README.md", "# library\n")
        let libraryCommit = try library.commitAll("library")
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try repo.commitAll("card")
        try repo.git("-c", "protocol.file.allow=always", "submodule", "add", "--quiet", library.root.path, "vendor/lib")
        // A gitlink named like an artifact is still a submodule, not a document.
        // (No working tree folder backs it, so `git add -A` would drop it: commit the index as is.)
        try repo.git("update-index", "--add", "--cacheinfo", "160000,\(libraryCommit),models/b/MODEL_CARD.md")
        try repo.git("commit", "--quiet", "-m", "submodules")
        XCTAssertEqual(try repo.git("ls-tree", "-r", "--name-only", "HEAD").split(separator: "\n"),
                       [".gitmodules", "models/a/MODEL_CARD.md", "models/b/MODEL_CARD.md", "vendor/lib"])
        let note = "skipped 2 submodule(s), which are other repositories: models/b/MODEL_CARD.md, vendor/lib; check each in its own repository"

        for source in [["--rev", "HEAD"], ["--staged"], ["--worktree"]] {
            let (result, json) = try BadInput.checkJSON(source + ["--fail-on", "none"], in: repo.root)
            XCTAssertEqual(result.status, 0, "\(source) \(result.stderr)")
            XCTAssertTrue(BadInput.notices(json).contains(note), "\(source) \(BadInput.notices(json))")
            XCTAssertTrue(result.stderr.contains("aimslint: note: \(note)\n"), result.stderr)
            let paths = Set(BadInput.findings(json).map(\.path))
            XCTAssertEqual(paths, ["models/a/MODEL_CARD.md"], "\(source)")
        }
        let sarif = try CLI.run(["check", "--rev", "HEAD", "--format", "sarif", "--fail-on", "none"], in: repo.root)
        XCTAssertTrue(try BadInput.sarifNotifications(sarif.stdout).contains(note))
    }
}
