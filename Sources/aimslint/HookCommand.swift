import ArgumentParser
import Foundation
import GitKit

/// `aimslint hook install|uninstall`: a native git pre-commit hook in the folder git really uses.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove the git pre-commit hook that runs `aimslint check --staged`.",
        subcommands: [Install.self, Uninstall.self])

    static let marker = "# aimslint-hook v1"
    static let chainedSuffix = ".aimslint-chained"

    /// The hooks folder git uses: `core.hooksPath` (relative to the working tree) or `<common dir>/hooks`.
    static func hooksFolder(_ repository: Repository) -> String {
        if let configured = repository.configString("core.hooksPath"), !configured.isEmpty {
            if configured.hasPrefix("/") { return configured }
            if configured.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
                return home + configured.dropFirst(1)
            }
            return (repository.workingDirectory ?? repository.gitDirectory) + "/" + configured
        }
        return repository.commonDirectory + "/hooks"
    }

    static func executablePath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    static func script(executable: String, chained: Bool) -> String {
        let quoted = "'" + executable.replacingOccurrences(of: "'", with: "'\\''") + "'"
        var text = """
            #!/bin/sh
            \(marker)
            # Installed by `aimslint hook install`; `aimslint hook uninstall` removes it.
            # Checks the staged content only; only findings the commit makes worse block it.

            """
        if chained {
            text += """
                hook_dir=$(dirname "$0")
                "$hook_dir/pre-commit\(chainedSuffix)" "$@" || exit $?

                """
        }
        text += """
            aimslint=\(quoted)
            [ -x "$aimslint" ] || aimslint=$(command -v aimslint) || { echo "aimslint hook: aimslint not found; reinstall the hook" >&2; exit 1; }
            exec "$aimslint" check --staged --brief --fail-on error

            """
        return text
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Install the pre-commit hook (an existing hook is kept and chained only with --force).")

        @Argument(help: "A folder inside the repository (default: the current folder).")
        var path: String = "."

        @Flag(name: .long, help: "Replace an existing pre-commit hook, keeping it as pre-commit\(HookCommand.chainedSuffix) and running it first.")
        var force = false

        func run() throws {
            let repository = try HookCommand.open(path)
            let folder = HookCommand.hooksFolder(repository)
            let hook = folder + "/pre-commit"
            let manager = FileManager.default
            var chained = manager.fileExists(atPath: hook + HookCommand.chainedSuffix)
            if let existing = manager.contents(atPath: hook), !String(decoding: existing, as: UTF8.self).contains(HookCommand.marker) {
                guard force else {
                    Console.error("\(hook) already exists and is not aimslint's; rerun with --force to keep it as pre-commit\(HookCommand.chainedSuffix) and chain it")
                    throw ExitStatus.toolError
                }
                guard rename(hook, hook + HookCommand.chainedSuffix) == 0 else {
                    Console.error("cannot move the existing hook aside: \(String(cString: strerror(errno)))")
                    throw ExitStatus.toolError
                }
                chained = true
            }
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try ReportWriter.write(HookCommand.script(executable: HookCommand.executablePath(), chained: chained), to: hook)
                chmod(hook, 0o755)
            } catch {
                Console.error("\(error)")
                throw ExitStatus.toolError
            }
            Console.log("installed \(hook)\(chained ? " (runs the previous hook first)" : "")")
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove aimslint's pre-commit hook and restore a chained one.")

        @Argument(help: "A folder inside the repository (default: the current folder).")
        var path: String = "."

        func run() throws {
            let repository = try HookCommand.open(path)
            let hook = HookCommand.hooksFolder(repository) + "/pre-commit"
            guard let existing = FileManager.default.contents(atPath: hook) else {
                Console.log("no pre-commit hook at \(hook); nothing to do")
                return
            }
            guard String(decoding: existing, as: UTF8.self).contains(HookCommand.marker) else {
                Console.error("\(hook) is not aimslint's hook; leaving it alone")
                throw ExitStatus.toolError
            }
            unlink(hook)
            if FileManager.default.fileExists(atPath: hook + HookCommand.chainedSuffix) {
                rename(hook + HookCommand.chainedSuffix, hook)
                Console.log("removed aimslint's hook and restored the previous one")
            } else {
                Console.log("removed \(hook)")
            }
        }
    }

    static func open(_ path: String) throws -> Repository { try openRepository(path) }
}
