import Foundation
import TestSupport
import XCTest

/// SPEC §8 and §2, where reports go: special files are written directly and never replaced,
/// an unwritable target exits 2 and leaves nothing behind, concurrent runs agree, and `check`
/// never writes into the repository.
final class BadInputOutputTests: XCTestCase {
    private func repository() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try repo.write("models/b/MODEL_CARD.md", "---\nlicense: [mit\n---\n# B\n")
        try repo.commitAll("cards")
        return repo
    }

    private let arguments = ["check", "--rev", "HEAD", "--format", "json", "--fail-on", "none"]

    // MARK: special files

    func testSPEC8_outputDevNull_writtenDirectly() throws {
        let repo = try repository()
        let result = try CLI.run(arguments + ["--output", "/dev/null"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
    }

    func testSPEC8_outputDevStdout_writtenToStdoutNeverReplaced() throws {
        let repo = try repository()
        let plain = try CLI.run(arguments, in: repo.root)
        for name in ["/dev/stdout", "/dev/fd/1", "-"] {
            let result = try CLI.run(arguments + ["--output", name], in: repo.root)
            XCTAssertEqual(result.status, 0, "\(name) \(result.stderr)")
            XCTAssertEqual(result.stdout, plain.stdout, name)
        }
        var info = stat()
        XCTAssertEqual(lstat("/dev/stdout", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "/dev/stdout is still the system's link, not a report file")
        // Appending redirection keeps what was there: the report goes through the open descriptor.
        let folder = try BadInput.temporaryFolder("append")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.txt")
        try Data("first line\n".utf8).write(to: log)
        let appended = try runProcess("/bin/sh", ["-c", "\"$0\" \"$@\" >> \"\(log.path)\"", CLI.executable] + arguments + ["--output", "/dev/stdout"],
                                      currentDirectory: repo.root, environment: isolatedGitEnvironment(extra: ["NO_COLOR": "1"]))
        XCTAssertEqual(appended.status, 0, appended.stderr)
        XCTAssertEqual(try String(contentsOf: log, encoding: .utf8), "first line\n" + plain.stdout)
    }

    func testSPEC8_outputFIFO_writtenDirectly() throws {
        let repo = try repository()
        let plain = try CLI.run(arguments, in: repo.root)
        let folder = try BadInput.temporaryFolder("fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("report.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = FIFOReader(path: fifo)
        received.start()
        let result = try CLI.run(arguments + ["--output", fifo], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(received.wait(), plain.stdout)
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["report.fifo"], "no temporary file")
    }

    func testSPEC8_outputFullDevice_exits2WithoutCrashing() throws {
        let repo = try repository()
        let result = try CLI.run(arguments + ["--output", "/dev/full"], in: repo.root)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("aimslint: error: cannot write the report to '/dev/full': No space left on device\n"), result.stderr)
        let shell = { (redirect: String) in
            try runProcess("/bin/sh", ["-c", "\"$0\" \"$@\" \(redirect)", CLI.executable] + self.arguments,
                           currentDirectory: repo.root, environment: isolatedGitEnvironment(extra: ["NO_COLOR": "1"]))
        }
        let stdoutFull = try shell(">/dev/full")
        XCTAssertEqual(stdoutFull.status, 2, stdoutFull.stderr)
        XCTAssertTrue(stdoutFull.stderr.hasSuffix("aimslint: error: cannot write the report to 'standard output': No space left on device\n"),
                      stdoutFull.stderr)
        let stderrFull = try shell("2>/dev/full")
        XCTAssertEqual(stderrFull.status, 0, "a lost log line is not an error")
        let stdoutClosed = try shell(">&-")
        XCTAssertEqual(stdoutClosed.status, 2, stdoutClosed.stderr)
    }

    func testSPEC8_outputSymlink_targetReplacedLinkKept() throws {
        let repo = try repository()
        let plain = try CLI.run(arguments, in: repo.root)
        let folder = try BadInput.temporaryFolder("link")
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.json")
        try Data("old report, longer than nothing at all\n".utf8).write(to: real)
        let link = folder.appendingPathComponent("report.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let result = try CLI.run(arguments + ["--output", link], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.json")
        XCTAssertEqual(try String(contentsOf: real, encoding: .utf8), plain.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["real.json", "report.json"])
    }

    // MARK: unwritable targets

    func testSPEC8_outputUnwritable_exits2AndLeavesNothingBehind() throws {
        let repo = try repository()
        let folder = try BadInput.temporaryFolder("unwritable")
        defer {
            chmod(folder.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        try Data("a file, not a folder\n".utf8).write(to: folder.appendingPathComponent("plain"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a-folder"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("locked"), withIntermediateDirectories: true)
        chmod(folder.appendingPathComponent("locked").path, 0o555)
        var targets = [
            (folder.appendingPathComponent("missing/report.json").path, "the folder '\(folder.path)/missing' is missing or not writable (No such file or directory)"),
            (folder.appendingPathComponent("plain/report.json").path, "Not a directory"),
            (folder.appendingPathComponent("a-folder").path, "it is a folder"),
            ("/proc/aimslint-report.json", "the folder '/proc' is missing or not writable"),
        ]
        if getuid() != 0 {  // root writes into a read-only folder anyway
            targets.append((folder.appendingPathComponent("locked/report.json").path,
                            "the folder '\(folder.path)/locked' is missing or not writable (Permission denied)"))
        }
        let before = try BadInput.fingerprint(of: folder)
        for (target, reason) in targets {
            let result = try CLI.run(arguments + ["--output", target], in: repo.root)
            XCTAssertEqual(result.status, 2, target)
            XCTAssertEqual(result.stdout, "", target)
            XCTAssertTrue(result.stderr.contains("aimslint: error: cannot write the report to '\(target)': \(reason)"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: target) && target.hasSuffix(".json"), target)
        }
        XCTAssertEqual(try BadInput.fingerprint(of: folder), before, "nothing left behind, nothing changed")
    }

    // MARK: concurrent runs, read-only

    func testSPEC8_concurrentRuns_identicalOutputAndRepositoryUntouched() throws {
        let repo = try repository()
        try repo.write("models/c/MODEL_CARD.md", BadInput.goodCard + "\nStaged text.\n")
        try repo.git("add", "models/c/MODEL_CARD.md")
        try repo.write("models/d/MODEL_CARD.md", BadInput.goodCard + "\nUntracked text.\n")
        // `git status` itself may rewrite the index (stat refresh); `--no-optional-locks` keeps it from doing so.
        let status = try repo.git("--no-optional-locks", "status", "--porcelain")
        // The caches under .git/aimslint are the one place allowed to change (SPEC §2); made
        // beforehand, so that creating it does not touch .git's own modification time.
        try FileManager.default.createDirectory(at: repo.root.appendingPathComponent(".git/aimslint"), withIntermediateDirectories: true)
        let before = try BadInput.fingerprint(of: repo.root, skipping: [".git/aimslint"])
        let runs: [[String]] = [
            ["check", "--rev", "HEAD", "--format", "json"], ["check", "--rev", "HEAD", "--format", "json"],
            ["check", "--staged", "--format", "sarif"], ["check", "--staged", "--format", "sarif"],
            ["check", "--worktree", "--format", "json"], ["check", "--worktree", "--format", "json"],
        ]
        let results = ConcurrentRuns(count: runs.count)
        let root = repo.root
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            results.store(try? CLI.run(runs[index], in: root), at: index)
        }
        let outputs = results.values
        for pair in stride(from: 0, to: runs.count, by: 2) {
            let first = try XCTUnwrap(outputs[pair]), second = try XCTUnwrap(outputs[pair + 1])
            XCTAssertEqual(first.status, 1, "\(runs[pair]) \(first.stderr)")
            XCTAssertFalse(first.stdout.isEmpty)
            XCTAssertEqual(first.stdout, second.stdout, "\(runs[pair])")
            XCTAssertEqual(first.status, second.status)
        }
        XCTAssertEqual(try repo.git("--no-optional-locks", "status", "--porcelain"), status)
        XCTAssertEqual(try BadInput.fingerprint(of: repo.root, skipping: [".git/aimslint"]), before)
    }

    func testSPEC8_concurrentRunsToOneOutputFile_completeReportNoLeftovers() throws {
        let repo = try repository()
        let plain = try CLI.run(arguments, in: repo.root)
        let folder = try BadInput.temporaryFolder("shared-output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.json").path
        let results = ConcurrentRuns(count: 4)
        let root = repo.root, command = arguments + ["--output", target]
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            results.store(try? CLI.run(command, in: root), at: index)
        }
        XCTAssertEqual(results.values.map { $0?.status }, [0, 0, 0, 0])
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), plain.stdout, "one whole report, never a mix")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["report.json"])
    }

    func testSPEC8_check_neverWritesIntoTheRepository() throws {
        let repo = try repository()
        try repo.git("remote", "add", "origin", "https://example.com/org/repo.git")
        try repo.git("branch", "base", "HEAD")
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard + "\nEdited, not staged.\n")
        try repo.write("models/e/MODEL_CARD.md", BadInput.goodCard + "\nUntracked.\n")
        // An index whose cached stat data is stale invites a refresh (`git status` would write it).
        let touched = repo.root.appendingPathComponent("models/b/MODEL_CARD.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_800_000_000)], ofItemAtPath: touched.path)
        let before = try BadInput.fingerprint(of: repo.root)
        let sources: [[String]] = [[], ["--staged"], ["--worktree"], ["--rev", "HEAD"], ["--rev", "HEAD", "--base", "base"],
                                   ["--staged", "--include-passes"], ["--rev", "HEAD~0", "--no-blame"]]
        // With --no-cache nothing at all is written; without it, only the caches under .git/aimslint.
        for cache in [["--no-cache"], []] {
            for source in sources {
                for format in ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"] {
                    let result = try CLI.run(["check"] + source + ["--format", format] + cache, in: repo.root)
                    XCTAssertTrue([0, 1].contains(result.status), "\(source) \(format): \(result.stderr)")
                }
            }
            if cache.isEmpty {
                XCTAssertTrue(FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".git/aimslint").path))
                // .git's own entry changes its modification time when aimslint/ is created in it.
                XCTAssertEqual(try BadInput.fingerprint(of: repo.root, skipping: [".git/aimslint"]).filter { !$0.hasPrefix(".git mode=") },
                               before.filter { !$0.hasPrefix(".git mode=") }, "check wrote outside .git/aimslint")
            } else {
                XCTAssertEqual(try BadInput.fingerprint(of: repo.root), before, "check --no-cache wrote into the repository")
            }
        }
    }
}

/// Reads a FIFO to its end on a thread of its own (opening it blocks until the writer comes).
private final class FIFOReader: @unchecked Sendable {
    private let path: String
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(path: String) { self.path = path }

    func start() {
        Thread { [self] in
            if let handle = FileHandle(forReadingAtPath: path) {
                data = (try? handle.readToEnd()) ?? Data()
                try? handle.close()
            }
            done.signal()
        }.start()
    }

    /// The bytes read; after a minute without a writer, opens the FIFO itself to free the reader.
    func wait() -> String {
        if done.wait(timeout: .now() + 60) == .timedOut {
            let unblock = open(path, O_WRONLY | O_NONBLOCK)
            if unblock >= 0 { close(unblock) }
            _ = done.wait(timeout: .now() + 5)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// One result slot per concurrent run.
private final class ConcurrentRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [CLI.Result?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func store(_ value: CLI.Result?, at index: Int) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [CLI.Result?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
