import Foundation
import TestSupport
import XCTest

/// `aimslint baseline`, `check --baseline` and waivers, through the real binary.
final class BaselineAndWaiverTests: XCTestCase {
    private let broken = "---\nlicense: mit\n  tags: [a\n---\n# Card\n"

    private func repository() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.write(".aims/config.yml", "version: 1\n")
        try repo.write("models/a/MODEL_CARD.md", broken)
        try repo.commitAll("broken card")
        return repo
    }

    func testBaselineIsStableAndIgnoresLineMoves() throws {
        let repo = try repository()
        XCTAssertEqual(try CLI.run(["baseline"], in: repo.root).status, 0)
        let first = try repo.read(".aims/baseline.json")
        XCTAssertTrue(first.contains("\"rule\": \"AIMS-005\""), first)
        XCTAssertFalse(first.contains("line"), "no line numbers in a baseline")
        XCTAssertEqual(try CLI.run(["baseline"], in: repo.root).status, 0)
        XCTAssertEqual(try repo.read(".aims/baseline.json"), first, "a second run must leave the file byte-identical")
        // Every entry on its own line, sorted.
        let entries = first.split(separator: "\n").filter { $0.contains("fingerprint") }
        XCTAssertEqual(entries.map(String.init), entries.map(String.init).sorted())

        // Moving the finding's line (a blank line above the broken key) keeps the baseline unchanged.
        try repo.write("models/a/MODEL_CARD.md", "---\n\nlicense: mit\n  tags: [a\n---\n# Card\n")
        XCTAssertEqual(try CLI.run(["baseline"], in: repo.root).status, 0)
        XCTAssertEqual(try repo.read(".aims/baseline.json"), first)
    }

    func testBaselinedFindingsAreMarkedAndDoNotFail() throws {
        let repo = try repository()
        XCTAssertEqual(try CLI.run(["check", "--rule", "AIMS-005"], in: repo.root).status, 1)
        XCTAssertEqual(try CLI.run(["baseline"], in: repo.root).status, 0)
        let marked = try CLI.run(["check", "--rule", "AIMS-005", "--format", "json"], in: repo.root)
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertTrue(marked.stdout.contains("\"kind\" : \"baseline\""), marked.stdout)
        // --baseline FILE from elsewhere works the same.
        let copy = repo.root.appendingPathComponent("accepted.json")
        try FileManager.default.moveItem(at: repo.root.appendingPathComponent(".aims/baseline.json"), to: copy)
        XCTAssertEqual(try CLI.run(["check", "--rule", "AIMS-005"], in: repo.root).status, 1)
        XCTAssertEqual(try CLI.run(["check", "--rule", "AIMS-005", "--baseline", copy.path], in: repo.root).status, 0)
    }

    func testValidWaiverSuppressesAndExpiredWaiverFailsWithoutSuppressing() throws {
        let repo = try repository()
        let waiver = { (expires: String) in
            """
            waivers:
              - rule: AIMS-005
                path: "models/a/**"
                reason: "The vendor's export is being fixed."
                owner: "@ml-governance"
                expires: \(expires)
            """
        }
        try repo.write(".aims/waivers.yml", waiver("2999-12-31"))
        let valid = try CLI.run(["check", "--format", "json"], in: repo.root, environment: ["AIMSLINT_TODAY": "2026-11-30"])
        let validJSON = try JSONSerialization.jsonObject(with: Data(valid.stdout.utf8)) as? [String: Any] ?? [:]
        let validFindings = validJSON["findings"] as? [[String: Any]] ?? []
        let aims005 = validFindings.first { $0["ruleId"] as? String == "AIMS-005" }
        XCTAssertEqual((aims005?["suppressions"] as? [[String: Any]])?.first?["kind"] as? String, "external")
        XCTAssertFalse(validFindings.contains { $0["ruleId"] as? String == "AIMS-002" })

        try repo.write(".aims/waivers.yml", waiver("2026-01-31"))
        let expired = try CLI.run(["check", "--format", "json"], in: repo.root, environment: ["AIMSLINT_TODAY": "2026-11-30"])
        XCTAssertEqual(expired.status, 1, expired.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(expired.stdout.utf8)) as? [String: Any] ?? [:]
        let findings = json["findings"] as? [[String: Any]] ?? []
        let expiredFinding = findings.first { $0["ruleId"] as? String == "AIMS-002" }
        XCTAssertEqual(expiredFinding?["path"] as? String, ".aims/waivers.yml")
        let unsuppressed = findings.first { $0["ruleId"] as? String == "AIMS-005" }
        XCTAssertEqual((unsuppressed?["suppressions"] as? [Any])?.count, 0, "an expired waiver no longer suppresses")
    }
}
