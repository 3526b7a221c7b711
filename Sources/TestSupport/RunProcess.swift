import Foundation

/// A failure while building a test repository or running a helper program.
///
/// Carries the command line and the program's stderr so a failing test says what git complained about.
public struct TestSupportError: Error, CustomStringConvertible {
    /// What was being done, e.g. "git commit -m first".
    public let command: String
    /// The exit status, or nil when the program could not be started at all.
    public let status: Int32?
    /// The program's stderr, or a description of why it could not run.
    public let stderr: String

    public init(command: String, status: Int32?, stderr: String) {
        self.command = command
        self.status = status
        self.stderr = stderr
    }

    public var description: String {
        let trimmed = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if let status {
            return "`\(command)` exited with status \(status): \(trimmed)"
        }
        return "`\(command)` could not run: \(trimmed)"
    }
}

/// Runs a program to completion and returns its exit status, stdout and stderr.
///
/// Output goes through temporary files rather than pipes: a pipe fills up at 64 KiB and a child
/// writing a large report to stdout while we wait on stderr would deadlock. `executable` is an
/// absolute path or a name looked up in `PATH`. `environment` nil inherits ours.
public func runProcess(
    _ executable: String,
    _ arguments: [String],
    currentDirectory: URL? = nil,
    environment: [String: String]? = nil,
    stdin: Data? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let commandLine = ([executable] + arguments).joined(separator: " ")
    let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("aimslint-run-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }

    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try resolveExecutable(executable, environment: environment))
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    if let environment { process.environment = environment }

    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let inHandle = try FileHandle(forReadingFrom: inURL)
    defer {
        try? outHandle.close()
        try? errHandle.close()
        try? inHandle.close()
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = inHandle
    do {
        try process.run()
    } catch {
        throw TestSupportError(command: commandLine, status: nil, stderr: "\(error)")
    }
    process.waitUntilExit()

    let out = (try? Data(contentsOf: outURL)) ?? Data()
    let err = (try? Data(contentsOf: errURL)) ?? Data()
    return (process.terminationStatus,
            String(decoding: out, as: UTF8.self),
            String(decoding: err, as: UTF8.self))
}

/// Finds `name` in `PATH` unless it already contains a slash.
private func resolveExecutable(_ name: String, environment: [String: String]?) throws -> String {
    if name.contains("/") { return name }
    let path = environment?["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw TestSupportError(command: name, status: nil, stderr: "not found in PATH \(path)")
}

/// The environment every test git command runs in, so no user or machine setting leaks in.
///
/// Drops every inherited `GIT_*` variable (a test run from inside a git hook would otherwise
/// inherit `GIT_DIR` and `GIT_INDEX_FILE`), ignores system and global config, points `HOME`
/// at an empty folder, fixes names, e-mails, locale and time zone, and turns off signing.
/// Settings go in through `GIT_CONFIG_COUNT` so they apply to every git subcommand.
public func isolatedGitEnvironment(extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { key, _ in
        !key.hasPrefix("GIT_") && key != "EMAIL" && key != "XDG_CONFIG_HOME"
    }
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("aimslint-test-home").path
    try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let settings: [(String, String)] = [
        ("commit.gpgsign", "false"),
        ("tag.gpgsign", "false"),
        ("init.defaultBranch", "main"),
        ("core.autocrlf", "false"),
        ("advice.detachedHead", "false"),
        ("protocol.file.allow", "always"),
        ("maintenance.auto", "false"),
        ("gc.auto", "0"),
    ]
    environment["HOME"] = home
    environment["XDG_CONFIG_HOME"] = home
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["GIT_AUTHOR_NAME"] = "Ada Author"
    environment["GIT_AUTHOR_EMAIL"] = "ada@example.com"
    environment["GIT_COMMITTER_NAME"] = "Ada Author"
    environment["GIT_COMMITTER_EMAIL"] = "ada@example.com"
    environment["LC_ALL"] = "C"
    environment["LANG"] = "C"
    environment["TZ"] = "UTC"
    environment["GIT_CONFIG_COUNT"] = String(settings.count)
    for (index, setting) in settings.enumerated() {
        environment["GIT_CONFIG_KEY_\(index)"] = setting.0
        environment["GIT_CONFIG_VALUE_\(index)"] = setting.1
    }
    for (key, value) in extra { environment[key] = value }
    return environment
}
