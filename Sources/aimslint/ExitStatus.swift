import ArgumentParser
import Foundation
import GitKit

/// The documented exit codes (SPEC §2). They never change meaning between releases.
enum ExitStatus {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let toolError = ExitCode(2)
    static let usage = ExitCode(64)
}

/// Writes to standard error (logs, hints and errors never go to stdout).
///
/// A failing standard error (closed, or `2>/dev/full`) loses the message but never crashes the
/// run: `FileHandle.write(_:)` would trap there, so the throwing form is used and its error dropped.
enum Console {
    static func error(_ message: String) {
        emit("aimslint: error: \(message)\n")
    }

    static func hint(_ message: String) {
        emit("aimslint: hint: \(message)\n")
    }

    static func log(_ message: String) {
        emit("aimslint: \(message)\n")
    }

    private static func emit(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }

    /// Text from a repository or a config (a path, an id) made safe to echo: control characters
    /// become visible escapes (`\n`, `\x1B`), so no value can start a new line that a CI runner
    /// reads as a command, or reach a terminal as an escape sequence.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (to anything).
    static func wantsColor(for handle: Int32) -> Bool {
        if ProcessInfo.processInfo.environment["NO_COLOR"] != nil { return false }
        return isatty(handle) == 1
    }
}

/// Opens the repository holding `path` for a command: on failure the one-line error goes to
/// stderr and the command exits 2.
func openRepository(_ path: String, indexFile: String? = nil) throws -> Repository {
    do {
        return try Repository.discover(from: path, indexFile: indexFile)
    } catch {
        Console.error("\(error)")
        throw ExitStatus.toolError
    }
}
