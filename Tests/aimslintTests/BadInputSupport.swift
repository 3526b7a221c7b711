import Foundation
import TestSupport
import XCTest

/// Helpers for the SPEC §8 suite (BadInput*Tests): runs of the real binary read back as JSON,
/// findings as `path:line:col RULE`, and fingerprints of a whole repository folder.
enum BadInput {
    /// A model card that passes the model card rules' basic checks, so tests can tell which
    /// findings come from the bad input alone.
    static let goodCard = """
        ---
        license: mit
        ---
        # Tagger

        ## Intended use

        Tags support tickets by product area so that they reach the right team quickly.
        """

    /// A finding as the tests compare it.
    struct Located: Hashable, CustomStringConvertible {
        let rule: String
        let path: String
        let line: Int
        let column: Int
        let message: String

        var description: String { "\(path):\(line):\(column) \(rule) \(message)" }
        /// `path:line:col RULE`, the part that must match exactly.
        var place: String { "\(path):\(line):\(column) \(rule)" }
    }

    /// `aimslint check ARGS --format json`, decoded (the run must not fail to produce a report).
    static func checkJSON(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                          file: StaticString = #filePath, line: UInt = #line) throws -> (CLI.Result, [String: Any]) {
        let result = try CLI.run(["check"] + arguments + ["--format", "json"], in: folder, environment: environment)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let json = try XCTUnwrap(object, "no JSON report; stderr: \(result.stderr)", file: file, line: line)
        return (result, json)
    }

    /// The findings of a JSON report.
    static func findings(_ json: [String: Any]) -> [Located] {
        (json["findings"] as? [[String: Any]] ?? []).map { finding in
            let region = finding["region"] as? [String: Any] ?? [:]
            return Located(rule: finding["ruleId"] as? String ?? "", path: finding["path"] as? String ?? "",
                           line: region["startLine"] as? Int ?? 0, column: region["startColumn"] as? Int ?? 0,
                           message: finding["message"] as? String ?? "")
        }
    }

    /// The JSON report's notices.
    static func notices(_ json: [String: Any]) -> [String] {
        json["notices"] as? [String] ?? []
    }

    /// The notification texts of a SARIF report's first invocation.
    static func sarifNotifications(_ sarif: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let run = (object?["runs"] as? [[String: Any]])?.first
        let invocation = (run?["invocations"] as? [[String: Any]])?.first
        let notifications = invocation?["toolExecutionNotifications"] as? [[String: Any]] ?? []
        return notifications.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
    }

    /// A listing of every file, link and folder under `root` with its size, mode, modification
    /// time and a hash of its content (or link target): equal listings mean nothing was written.
    /// `skipping` leaves out paths (relative to `root`) that may legitimately change.
    static func fingerprint(of root: URL, skipping: [String] = []) throws -> [String] {
        let base = root.resolvingSymlinksInPath().path
        var lines: [String] = []
        var stack = [base]
        while let folder = stack.popLast() {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let full = folder + "/" + name
                let relative = String(full.dropFirst(base.count + 1))
                if skipping.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) { continue }
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                #if canImport(Darwin)
                let modified = info.st_mtimespec
                #else
                let modified = info.st_mtim
                #endif
                var line = "\(relative) mode=\(String(info.st_mode, radix: 8)) size=\(info.st_size) mtime=\(modified.tv_sec).\(modified.tv_nsec)"
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    stack.append(full)
                case S_IFLNK:
                    line += " -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
                case S_IFREG:
                    let data = try Data(contentsOf: URL(fileURLWithPath: full))
                    line += " content=\(data.hashValueStable)"
                default:
                    break
                }
                lines.append(line)
            }
        }
        return lines.sorted()
    }

    /// A fresh empty folder under the temporary directory (symlinks resolved), removed by the caller.
    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aimslint-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// Runs git outside a TestRepository (clones with options TestRepository does not offer).
    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let result = try runProcess("/usr/bin/git", arguments, currentDirectory: folder, environment: isolatedGitEnvironment())
        guard result.status == 0 else {
            throw TestSupportError(command: "git " + arguments.joined(separator: " "), status: result.status, stderr: result.stderr)
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The loose object file of an object id in a repository's `.git` folder.
    static func looseObject(_ id: String, gitDirectory: URL) -> URL {
        gitDirectory.appendingPathComponent("objects/\(id.prefix(2))/\(id.dropFirst(2))")
    }
}

extension Data {
    /// FNV-1a over the bytes: stable across runs, unlike `hashValue`.
    var hashValueStable: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in self {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
