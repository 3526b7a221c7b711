import Foundation
import TestSupport
import XCTest

/// SPEC §8, the document rows: malformed, hostile, binary, oversized, linked and LFS-stored
/// artifacts each become one finding with its exact location, and every other file is still
/// checked. Every test runs the real binary on a real repository.
final class BadInputDocumentTests: XCTestCase {
    // MARK: malformed front matter, config or JSON

    private func malformedRepository() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "---\nlicense: mit\n  tags: [a\n---\n# A\n")
        try repo.write("data/survey/croissant.json", "{\n  \"name\": \"survey\",\n  \"license\" \"cc-by-4.0\"\n}\n")
        try repo.write("models/c/risk-register.yml", "risks:\n  - id: R1\n    owner: [x\n")
        try repo.write("models/b/MODEL_CARD.md", BadInput.goodCard)
        try repo.commitAll("documents")
        return repo
    }

    func testSPEC8_malformedFrontMatterAndJSON_AIMS005WithLineAndColumn_otherFilesStillChecked() throws {
        let repo = try malformedRepository()
        for source in [["--rev", "HEAD"], ["--staged"], ["--worktree"]] {
            let (result, json) = try BadInput.checkJSON(source + ["--base", "none"], in: repo.root)
            XCTAssertEqual(result.status, 1, "\(source) \(result.stderr)")
            let unreadable = BadInput.findings(json).filter { $0.rule == "AIMS-005" }
            XCTAssertEqual(unreadable.map(\.description), [
                "data/survey/croissant.json:3:13 AIMS-005 Croissant file data/survey/croissant.json cannot be checked: expected ':' after the key \"license\", found '\"'",
                "models/a/MODEL_CARD.md:3:7 AIMS-005 model card models/a/MODEL_CARD.md cannot be checked: invalid YAML: mapping values are not allowed in this context",
                "models/c/risk-register.yml:4:1 AIMS-005 risk assessment models/c/risk-register.yml cannot be checked: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3)",
            ], "\(source)")
            // The body of the broken card and the other card are still checked.
            let places = Set(BadInput.findings(json).map(\.place))
            XCTAssertTrue(places.isSuperset(of: ["models/a/MODEL_CARD.md:5:1 MC-002", "models/b/MODEL_CARD.md:4:1 MC-004"]), "\(places)")
        }
        let text = try CLI.run(["check", "--rev", "HEAD"], in: repo.root)
        XCTAssertTrue(text.stdout.contains("models/a/MODEL_CARD.md:3:7 error AIMS-005 "), text.stdout)
    }

    func testSPEC8_malformedConfigAndWaivers_AIMS001WithLineAndColumn_otherFilesStillChecked() throws {
        let repo = try malformedRepository()
        try repo.write(".aims/config.yml", "version: 1\nsystems:\n  - id: a\n    root: models/a\n    stage: deployment\n  - id: b\n    root: \"models/b\n")
        try repo.write(".aims/waivers.yml", """
            waivers:
              - rule: MC-003
                path: models/b/MODEL_CARD.md
                expires: 2024-13-45
                reason: Reviewed by hand.
                owner: "@ml"
                colour: red

            """)
        try repo.commitAll("broken policy")
        let (result, json) = try BadInput.checkJSON(["--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(BadInput.findings(json).filter { $0.rule == "AIMS-001" }.map(\.description), [
            ".aims/config.yml:8:1 AIMS-001 config is not valid YAML: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 7)",
            ".aims/waivers.yml:4:14 AIMS-001 `expires` must be a date written YYYY-MM-DD",
            ".aims/waivers.yml:7:5 AIMS-001 unknown key 'colour' in a waiver; expected expires, owner, path, reason, rule, system",
        ])
        XCTAssertTrue(result.stderr.contains("aimslint: error: .aims/config.yml:8:1: config is not valid YAML"), result.stderr)
        XCTAssertTrue(result.stderr.contains("aimslint: error: .aims/waivers.yml:4:14: `expires` must be a date"), result.stderr)
        let places = Set(BadInput.findings(json).map(\.place))
        XCTAssertTrue(places.isSuperset(of: [
            "models/a/MODEL_CARD.md:3:7 AIMS-005", "data/survey/croissant.json:3:13 AIMS-005", "models/b/MODEL_CARD.md:4:1 MC-004",
        ]), "\(places)")
    }

    // MARK: YAML alias bomb, deeply nested JSON

    /// Nine aliases per level, twelve levels: 9^12 nodes once expanded.
    private static func aliasBomb(key: String = "x") -> String {
        var lines = ["\(key)0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...12 {
            lines.append("\(key)\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testSPEC8_yamlAliasBomb_boundedTimeAndAIMS005() throws {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", "---\n" + Self.aliasBomb() + "---\n# A\n")
        try repo.write("models/a/risk-register.yml", Self.aliasBomb())
        try repo.write(".aims/waivers.yml", "waivers:\n" + Self.aliasBomb(key: "  - y"))
        // Duplicated collection keys sharing a deep prefix: Yams' key sort is exponential in depth.
        let nested = String(repeating: "[", count: 40) + "e" + String(repeating: "]", count: 40)
        try repo.write("models/c/risk-register.yml", ["a", "b", "a", "b"].map { "[\(nested), \($0)]: 1" }.joined(separator: "\n") + "\n")
        try repo.write("models/b/MODEL_CARD.md", BadInput.goodCard)
        try repo.commitAll("bombs")
        let started = Date()
        let (result, json) = try BadInput.checkJSON(["--rev", "HEAD"], in: repo.root)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "an alias bomb must be refused quickly")
        XCTAssertEqual(result.status, 2, result.stderr)
        let bomb = "YAML aliases expand to more than 100000 nodes; this looks like an alias bomb"
        let findings = BadInput.findings(json).filter { $0.message.contains(bomb) }
        XCTAssertEqual(findings.map(\.place), [
            ".aims/waivers.yml:7:14 AIMS-001", "models/a/MODEL_CARD.md:7:10 AIMS-005", "models/a/risk-register.yml:6:10 AIMS-005",
        ])
        XCTAssertEqual(BadInput.findings(json).filter { $0.path == "models/c/risk-register.yml" }.map(\.description), [
            "models/c/risk-register.yml:1:9 AIMS-005 risk assessment models/c/risk-register.yml cannot be checked: a mapping key nests more than 8 levels deep; keys must be plain values",
        ])
        XCTAssertTrue(BadInput.findings(json).map(\.place).contains("models/b/MODEL_CARD.md:4:1 MC-004"))
        XCTAssertLessThan(Self.peakChildMemoryMiB(), 1024, "memory stays bounded")
    }

    func testSPEC8_deeplyNestedJSONAndYAML_boundedTimeAndAIMS005() throws {
        let repo = try TestRepository()
        try repo.write("data/deep/croissant.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        try repo.write("data/objects/croissant.json", String(repeating: "{\"a\":", count: 50_000))
        try repo.write("models/a/MODEL_CARD.md", "---\nx: " + String(repeating: "[", count: 50_000) + "\n---\n# A\n")
        try repo.write("models/a/risk-register.yml", String(repeating: "- ", count: 20_000) + "x\n")
        try repo.write("models/b/MODEL_CARD.md", BadInput.goodCard)
        try repo.commitAll("deep")
        let started = Date()
        let (result, json) = try BadInput.checkJSON(["--rev", "HEAD"], in: repo.root)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "deep nesting must be refused quickly")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(BadInput.findings(json).filter { $0.rule == "AIMS-005" }.map(\.description), [
            "data/deep/croissant.json:1:129 AIMS-005 Croissant file data/deep/croissant.json cannot be checked: JSON nests deeper than 128 levels",
            "data/objects/croissant.json:1:641 AIMS-005 Croissant file data/objects/croissant.json cannot be checked: JSON nests deeper than 128 levels",
            // libyaml's own limit (1000 levels) stops these first; the location is libyaml's mark.
            "models/a/MODEL_CARD.md:2:5 AIMS-005 model card models/a/MODEL_CARD.md cannot be checked: YAML nests deeper than 128 levels",
            "models/a/risk-register.yml:1:1999 AIMS-005 risk assessment models/a/risk-register.yml cannot be checked: YAML nests deeper than 128 levels",
        ])
        XCTAssertTrue(BadInput.findings(json).map(\.place).contains("models/b/MODEL_CARD.md:4:1 MC-004"))
        XCTAssertLessThan(Self.peakChildMemoryMiB(), 1024, "memory stays bounded")
    }

    /// The largest resident size any child process of this test run reached, in MiB.
    private static func peakChildMemoryMiB() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_CHILDREN, &usage)
        #else
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #endif
        #if canImport(Darwin)
        return Int(usage.ru_maxrss) / (1024 * 1024)
        #else
        return Int(usage.ru_maxrss) / 1024
        #endif
    }

    // MARK: binary, invalid UTF-8, over 5 MiB

    func testSPEC8_binaryInvalidUTF8AndOversized_AIMS005() throws {
        let repo = try TestRepository()
        try repo.write("models/bin/MODEL_CARD.md", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]))
        try repo.write("models/utf/MODEL_CARD.md", data: Data("# U\n\nvalid line\n".utf8) + Data([0xFF, 0xFE]) + Data(" bad\n".utf8))
        try repo.write("models/utf16/MODEL_CARD.md", data: Data([0xFF, 0xFE]) + "# W\n".data(using: .utf16LittleEndian)!)
        let big = "# Big\n\n" + String(repeating: String(repeating: "x", count: 99) + "\n", count: 55_000)
        try repo.write("models/big/MODEL_CARD.md", big)
        try repo.write("data/big/croissant.json", "[" + String(repeating: "1,", count: 2_700_000) + "1]")
        try repo.write("models/ok/MODEL_CARD.md", BadInput.goodCard)
        try repo.commitAll("bad bytes")
        let bigSize = big.utf8.count
        let jsonSize = 2 + 2_700_000 * 2 + 1
        for source in [["--rev", "HEAD"], ["--staged", "--base", "none"], ["--worktree"]] {
            let (result, json) = try BadInput.checkJSON(source, in: repo.root)
            XCTAssertEqual(result.status, 1, "\(source) \(result.stderr)")
            XCTAssertEqual(BadInput.findings(json).filter { $0.rule == "AIMS-005" }.map(\.description), [
                "data/big/croissant.json:1:1 AIMS-005 Croissant file data/big/croissant.json cannot be checked: is \(jsonSize) bytes, over the 5 MiB limit for documents",
                "models/big/MODEL_CARD.md:1:1 AIMS-005 model card models/big/MODEL_CARD.md cannot be checked: is \(bigSize) bytes, over the 5 MiB limit for documents",
                "models/bin/MODEL_CARD.md:1:1 AIMS-005 model card models/bin/MODEL_CARD.md cannot be checked: file contains NUL bytes and looks binary, not text",
                "models/utf/MODEL_CARD.md:4:1 AIMS-005 model card models/utf/MODEL_CARD.md cannot be checked: invalid UTF-8 byte 0xFF; save the file as UTF-8",
                "models/utf16/MODEL_CARD.md:1:1 AIMS-005 model card models/utf16/MODEL_CARD.md cannot be checked: file is UTF-16 encoded; save it as UTF-8",
            ], "\(source)")
            XCTAssertTrue(BadInput.findings(json).map(\.place).contains("models/ok/MODEL_CARD.md:4:1 MC-004"), "\(source)")
        }
    }

    // MARK: symlinks

    func testSPEC8_symlinkNamedLikeAnArtifact_neverFollowedOutOfTheRepository() throws {
        let secret = "TOP-SECRET-OUTSIDE-\(UUID().uuidString)"
        let outside = try BadInput.temporaryFolder("outside")
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("---\nlicense: mit\n---\n# \(secret)\n\n## Intended use\n\n\(secret)\n".utf8)
            .write(to: outside.appendingPathComponent("MODEL_CARD.md"))
        let repo = try TestRepository()
        try repo.write("models/inside/MODEL_CARD.md", BadInput.goodCard)
        let fm = FileManager.default
        try fm.createDirectory(at: repo.root.appendingPathComponent("models/abs"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: repo.path("models/abs/MODEL_CARD.md"), withDestinationPath: outside.path + "/MODEL_CARD.md")
        try fm.createDirectory(at: repo.root.appendingPathComponent("models/rel"), withIntermediateDirectories: true)
        let upwards = String(repeating: "../", count: 4) + outside.lastPathComponent + "/MODEL_CARD.md"
        try fm.createSymbolicLink(atPath: repo.path("models/rel/DATASHEET.md"), withDestinationPath: upwards)
        XCTAssertTrue(fm.fileExists(atPath: repo.path("models/rel/DATASHEET.md")), "the relative link resolves on disk")
        // A folder link: nothing behind it may be listed or read.
        try fm.createSymbolicLink(atPath: repo.path("models/folder"), withDestinationPath: outside.path)
        // A link to a file of the same repository is followed.
        try fm.createDirectory(at: repo.root.appendingPathComponent("models/copy"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: repo.path("models/copy/MODEL_CARD.md"), withDestinationPath: "../inside/MODEL_CARD.md")
        try repo.commitAll("links")

        let leaving = "is a symbolic link that leaves the repository; links are never followed outside it"
        for source in [["--rev", "HEAD"], ["--staged", "--base", "none"], ["--worktree"]] {
            let (result, json) = try BadInput.checkJSON(source, in: repo.root)
            XCTAssertEqual(result.status, 1, "\(source) \(result.stderr)")
            XCTAssertEqual(BadInput.findings(json).filter { $0.rule == "AIMS-005" }.map(\.description), [
                "models/abs/MODEL_CARD.md:1:1 AIMS-005 model card models/abs/MODEL_CARD.md cannot be checked: \(leaving)",
                "models/rel/DATASHEET.md:1:1 AIMS-005 datasheet models/rel/DATASHEET.md cannot be checked: \(leaving)",
            ], "\(source)")
            let paths = Set(BadInput.findings(json).map(\.path))
            XCTAssertFalse(paths.contains { $0.hasPrefix("models/folder/") }, "\(paths)")
            XCTAssertTrue(BadInput.findings(json).map(\.place).contains("models/copy/MODEL_CARD.md:4:1 MC-004"), "\(source)")
            for format in ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"] {
                let report = try CLI.run(["check"] + source + ["--format", format, "--include-passes"], in: repo.root)
                XCTAssertFalse(report.stdout.contains(secret), "\(source) \(format)")
                XCTAssertFalse(report.stderr.contains(secret), "\(source) \(format)")
            }
        }
    }

    // MARK: Git LFS pointers

    func testSPEC8_lfsPointer_GIT003() throws {
        let repo = try TestRepository()
        let pointer = """
            version https://git-lfs.github.com/spec/v1
            oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
            size 48213

            """
        try repo.write("models/vision/MODEL_CARD.md", pointer)
        try repo.write("data/images/croissant.json", pointer)
        try repo.commitAll("lfs")
        let (result, json) = try BadInput.checkJSON(["--rev", "HEAD", "--fail-on", "warning"], in: repo.root)
        XCTAssertEqual(result.status, 1, result.stderr)
        let lfs = BadInput.findings(json).filter { $0.rule == "GIT-003" }
        XCTAssertEqual(lfs.map(\.description), [
            "data/images/croissant.json:1:1 GIT-003 Croissant file data/images/croissant.json is a Git LFS pointer, so its content cannot be checked",
            "models/vision/MODEL_CARD.md:1:1 GIT-003 model card models/vision/MODEL_CARD.md is a Git LFS pointer, so its content cannot be checked",
        ])
        XCTAssertEqual((json["findings"] as? [[String: Any]])?.filter { $0["ruleId"] as? String == "GIT-003" }
            .compactMap { $0["level"] as? String }, ["warning", "warning"])
        XCTAssertEqual(BadInput.findings(json).filter { $0.rule == "AIMS-005" }, [], "a pointer is not an unreadable file")
    }
}
