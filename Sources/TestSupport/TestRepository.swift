import Foundation

/// A real git repository in a fresh temporary folder, built with the git CLI and a fixed, isolated environment.
///
/// Everything git records is fixed: author and committer are "Ada Author <ada@example.com>" and the
/// n-th commit made through this object is dated 2024-01-01T00:00:00Z + n days, so commit ids are
/// the same on every run and machine. The repository lives in `<temp>/aimslint-<uuid>/repo` (or
/// `repo.git` when bare); the surrounding folder is free for linked worktrees or clones and is
/// removed with everything in it when the object goes away.
public final class TestRepository {
    /// The working tree, or the repository folder itself when bare.
    public let root: URL
    /// The temporary folder holding `root`, removed in `deinit`.
    private let container: URL
    /// Commits made so far; sets the next commit's date.
    private var commitCount = 0

    /// The date of commit 0, 2024-01-01T00:00:00Z, in unix seconds.
    private static let firstCommitTime: Int64 = 1_704_067_200
    private static let gitExecutable = "/usr/bin/git"
    /// Subcommands that create commits and so move the fixed clock on by one day.
    private static let committingSubcommands: Set<String> = [
        "commit", "merge", "cherry-pick", "revert", "am", "pull", "rebase",
    ]

    public init(bare: Bool = false, initialBranch: String = "main") throws {
        container = try Self.makeContainer()
        root = container.appendingPathComponent(bare ? "repo.git" : "repo", isDirectory: true)
        var arguments = ["init", "--quiet", "--initial-branch=\(initialBranch)"]
        if bare { arguments.append("--bare") }
        arguments.append(root.path)
        try Self.runGit(arguments, in: container, environment: isolatedGitEnvironment())
    }

    /// `git clone` of `other`; with `depth`, clones through a file:// URL because git ignores
    /// `--depth` for plain local paths.
    public init(cloneOf other: TestRepository, depth: Int? = nil, bare: Bool = false) throws {
        container = try Self.makeContainer()
        root = container.appendingPathComponent(bare ? "repo.git" : "repo", isDirectory: true)
        var arguments = ["clone", "--quiet"]
        if bare { arguments.append("--bare") }
        var source = other.root.path
        if let depth {
            arguments.append("--depth=\(depth)")
            source = other.root.absoluteURL.absoluteString
        }
        arguments += [source, root.path]
        try Self.runGit(arguments, in: container, environment: isolatedGitEnvironment())
    }

    deinit {
        try? FileManager.default.removeItem(at: container)
    }

    /// Writes UTF-8 text to `path` (relative to `root`), creating parent folders.
    public func write(_ path: String, _ text: String) throws {
        try write(path, data: Data(text.utf8))
    }

    /// Writes bytes to `path` (relative to `root`), creating parent folders.
    public func write(_ path: String, data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Removes a file or folder (relative to `root`).
    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Reads a file (relative to `root`) as UTF-8 text.
    public func read(_ path: String) throws -> String {
        let data = try Data(contentsOf: root.appendingPathComponent(path))
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs git in `root` and returns its stdout without the final newline.
    @discardableResult
    public func git(_ args: String...) throws -> String {
        try git(args)
    }

    /// Runs git in `root` and returns its stdout without the final newline.
    ///
    /// Commits made this way (commit, merge, cherry-pick, …) get the same fixed dates as `commitAll`.
    @discardableResult
    public func git(_ args: [String]) throws -> String {
        let output = try Self.runGit(args, in: root, environment: environmentForNextCommit())
        if let subcommand = Self.subcommand(of: args), Self.committingSubcommands.contains(subcommand) {
            commitCount += 1
        }
        return output
    }

    /// `git add -A` then commit; returns the new commit id (40 hex).
    ///
    /// `author`/`email` set the author only; the committer stays "Ada Author <ada@example.com>".
    @discardableResult
    public func commitAll(
        _ message: String, author: String = "Ada Author", email: String = "ada@example.com"
    ) throws -> String {
        try Self.runGit(["add", "-A"], in: root, environment: isolatedGitEnvironment())
        var environment = environmentForNextCommit()
        environment["GIT_AUTHOR_NAME"] = author
        environment["GIT_AUTHOR_EMAIL"] = email
        try Self.runGit(["commit", "--quiet", "--allow-empty", "-m", message], in: root, environment: environment)
        commitCount += 1
        return try Self.runGit(["rev-parse", "HEAD"], in: root, environment: isolatedGitEnvironment())
    }

    /// The absolute path of `relative` inside `root`.
    public func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    private func environmentForNextCommit() -> [String: String] {
        let seconds = Self.firstCommitTime + Int64(commitCount) * 86_400
        let date = "\(seconds) +0000"
        return isolatedGitEnvironment(extra: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
    }

    /// The git subcommand in an argument list, skipping global options such as `-c key=value`.
    private static func subcommand(of args: [String]) -> String? {
        var index = 0
        while index < args.count {
            let argument = args[index]
            if argument == "-c" || argument == "-C" {
                index += 2
            } else if argument.hasPrefix("-") {
                index += 1
            } else {
                return argument
            }
        }
        return nil
    }

    /// A fresh folder under the temporary directory, with symlinks resolved so paths compare
    /// equal to what git and libgit2 report.
    private static func makeContainer() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("aimslint-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    @discardableResult
    private static func runGit(_ args: [String], in folder: URL, environment: [String: String]) throws -> String {
        let result = try runProcess(gitExecutable, args, currentDirectory: folder, environment: environment)
        guard result.status == 0 else {
            throw TestSupportError(
                command: (["git"] + args).joined(separator: " "), status: result.status, stderr: result.stderr)
        }
        var output = result.stdout
        if output.hasSuffix("\n") { output.removeLast() }
        return output
    }
}
