import Foundation
import TestSupport
import XCTest

/// Generated documentation stays in sync with the binary.
final class DocsTests: XCTestCase {
    func testRulesMarkdownIsUpToDate() throws {
        let generated = try CLI.run(["rules", "--format", "markdown"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let file = DemoRepository.packageRoot.appendingPathComponent("docs/rules.md")
        let committed = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        XCTAssertEqual(committed, generated.stdout, "docs/rules.md is out of date: run `make docs`")
    }

    func testRulesJSONListsEveryRuleWithItsMapping() throws {
        let result = try CLI.run(["rules", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rules = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        XCTAssertFalse(rules.isEmpty)
        for rule in rules {
            XCTAssertNotNil(rule["id"] as? String)
            XCTAssertNotNil(rule["level"] as? String)
            XCTAssertNotNil(rule["controls"] as? [String])
            XCTAssertNotNil(rule["processes"] as? [String])
        }
    }

    /// The JSON report validates against docs/report.schema.json (checked structurally here; CI
    /// also runs check-jsonschema on it).
    func testJSONReportUsesOnlyDocumentedTopLevelKeys() throws {
        let demo = try DemoRepository.build()
        defer { try? FileManager.default.removeItem(at: demo) }
        let report = try CLI.run(["check", "--rev", "HEAD", "--format", "json", "--include-passes", demo.path])
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any] ?? [:]
        let schemaData = try Data(contentsOf: DemoRepository.packageRoot.appendingPathComponent("docs/report.schema.json"))
        let schema = try JSONSerialization.jsonObject(with: schemaData) as? [String: Any] ?? [:]
        let documented = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
        XCTAssertEqual(Set(json.keys), documented)
    }
}

/// aimslint checks its own repository with its own policy (.aims/), which must stay clean.
final class SelfCheckTests: XCTestCase {
    func testThisRepositoryPassesItsOwnPolicy() throws {
        let result = try CLI.run(["check", "--rev", "HEAD", "--allow-shallow", "--format", "json", DemoRepository.packageRoot.path])
        try XCTSkipIf(result.stderr.contains("not a git repository") || result.stderr.contains("not a repository"),
                      "the package is not inside a git checkout")
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        XCTAssertFalse(result.stderr.contains("AIMS-001"), result.stderr)
    }
}
