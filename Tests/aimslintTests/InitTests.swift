import Foundation
import TestSupport
import XCTest
@testable import Rules

/// `aimslint init` and its templates.
final class InitTests: XCTestCase {
    /// The rules whose artifacts a system at deployment must hold (cumulative).
    private let deploymentArtifacts: Set<String> = [
        "MC-001", "LC-INC-001", "LC-INC-002", "LC-RISK-001", "LC-REQ-001", "LC-DD-001", "LC-VV-001",
        "LC-DEP-001", "LC-DEP-002", "LC-DEP-003", "LC-RET-001",
    ]

    private func findings(_ repo: TestRepository) throws -> [(rule: String, path: String, line: Int)] {
        let result = try CLI.run(["check", "--worktree", "--format", "json", "--fail-on", "none"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (json?["findings"] as? [[String: Any]] ?? []).map {
            ($0["ruleId"] as? String ?? "", $0["path"] as? String ?? "", ($0["region"] as? [String: Any])?["startLine"] as? Int ?? 0)
        }
    }

    func testInitWithoutTemplatesReportsExactlyTheStageArtifactsAsMissing() throws {
        let repo = try TestRepository()
        let result = try CLI.run(["init", "--system", "demo", "--root", "models/demo", "--stage", "deployment"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let found = try findings(repo)
        XCTAssertEqual(Set(found.map(\.rule)), deploymentArtifacts)
        // Every one of them is about a missing artifact, anchored on the config line declaring the stage.
        XCTAssertEqual(Set(found.map { "\($0.path):\($0.line)" }), [".aims/config.yml:11"])
    }

    func testUntouchedTemplatesAreReportedAsPlaceholderFilled() throws {
        let repo = try TestRepository()
        let result = try CLI.run(["init", "--system", "demo", "--root", "models/demo", "--stage", "deployment", "--templates"], in: repo.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let found = try findings(repo)
        // Nothing is missing any more: no finding points at the config.
        XCTAssertEqual(found.filter { $0.path == ".aims/config.yml" }.map(\.rule), [])
        // Every stage artifact's rule still fails (placeholders are not answers), and MC-008 flags them.
        let fired = Set(found.map(\.rule))
        XCTAssertTrue(deploymentArtifacts.subtracting(["MC-001"]).isSubset(of: fired), "missing: \(deploymentArtifacts.subtracting(fired))")
        XCTAssertTrue(fired.contains("MC-008"))
        // Stages not reached stay quiet.
        XCTAssertFalse(fired.contains("LC-OPS-001"))
        XCTAssertFalse(fired.contains("LC-CV-001"))
    }

    func testInitRefusesToOverwriteAConfig() throws {
        let repo = try TestRepository()
        try repo.write(".aims/config.yml", "version: 1\n")
        let result = try CLI.run(["init", "--system", "demo", "--root", "models/demo"], in: repo.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(try repo.read(".aims/config.yml"), "version: 1\n")
    }

    /// The filled-in fixtures under fixtures/lifecycle pass every life cycle rule (LifecycleStageTests);
    /// here we check they are the same documents as the templates: every heading, label line and
    /// table header of a template appears in its filled-in fixture.
    func testTemplatesHaveTheShapeOfTheFilledInFixtures() throws {
        let root = DemoRepository.packageRoot.appendingPathComponent("fixtures/lifecycle")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for template in ArtifactTemplates.allTemplates(system: "demo") where template.kind != .reviewRecord && template.kind != .modelCard {
            guard let match = files.first(where: { ($0 as NSString).lastPathComponent == (template.fileName as NSString).lastPathComponent }) else {
                XCTFail("no filled-in fixture for \(template.fileName)")
                continue
            }
            let filled = try String(contentsOf: root.appendingPathComponent(match), encoding: .utf8)
            for line in template.text.split(separator: "\n").map(String.init) {
                let shape = InitTests.shape(of: line)
                guard let shape else { continue }
                if template.kind == .modelCard && shape.hasPrefix("#") { continue }
                XCTAssertTrue(filled.split(separator: "\n").contains { InitTests.shape(of: String($0)) == shape },
                              "\(template.fileName): '\(shape)' is not in the filled-in \(match)")
            }
        }
    }

    /// A heading (up to its ':'), a `**Label:**` line's label, or a table header row.
    static func shape(of line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#") { return String(trimmed.split(separator: ":").first ?? "") }
        if let range = trimmed.range(of: ":**") { return String(trimmed[..<range.upperBound]) }
        if trimmed.hasPrefix("| ") && !trimmed.contains("[More") && !trimmed.contains("REQ-1") && !trimmed.contains("R-1") { return trimmed }
        return nil
    }
}
