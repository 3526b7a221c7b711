import Foundation
import GitKit
import Lint
import Rules
import TestSupport
import XCTest

/// Runs every rule's own passing and failing examples in real git repositories (STYLE.md: the
/// examples are the tests). A failing example must produce findings of that rule at exactly the
/// lines its `↓` markers point at — no more, no fewer; a passing example must produce none.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasPassingAndFailingExamples() {
        for description in RuleCatalog.descriptions {
            XCTAssertFalse(description.passing.isEmpty, "\(description.id) has no passing example")
            XCTAssertFalse(description.failing.isEmpty, "\(description.id) has no failing example")
            for example in description.failing {
                XCTAssertFalse(example.expectedLocations.isEmpty, "\(description.id): a failing example marks no line with ↓")
            }
        }
    }

    func testRuleIDsAreUniqueAndWellFormed() {
        let ids = RuleCatalog.descriptions.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate rule ids")
        for id in ids {
            XCTAssertNotNil(id.range(of: #"^[A-Z]+(-[A-Z]+)?-\d{3}$"#, options: .regularExpression), "malformed id \(id)")
        }
    }

    func testPassingExamplesProduceNoFindings() throws {
        for description in RuleCatalog.descriptions {
            for (index, example) in description.passing.enumerated() {
                let found = try RuleExampleRunner.findings(of: description.id, in: example.cleanFiles, base: example.base)
                XCTAssertEqual(found.map(\.summary), [], "\(description.id) passing example #\(index + 1) fired")
            }
        }
    }

    func testFailingExamplesFireExactlyWhereMarked() throws {
        for description in RuleCatalog.descriptions {
            for (index, example) in description.failing.enumerated() {
                let found = try RuleExampleRunner.findings(of: description.id, in: example.cleanFiles, base: example.base)
                let actual = found.map { ExpectedLocation(path: $0.location.path, line: $0.location.line) }.sorted()
                XCTAssertEqual(actual, example.expectedLocations,
                               "\(description.id) failing example #\(index + 1): \(found.map(\.summary))")
            }
        }
    }

    /// Rules that fire on present text must not fire when that text sits in a fenced code block.
    func testTextRulesIgnoreFencedCode() throws {
        for description in RuleCatalog.descriptions where description.firesOnText {
            for (index, example) in description.failing.enumerated() {
                let fenced = Dictionary(uniqueKeysWithValues: example.cleanFiles.map { path, text in
                    (path, path.lowercased().hasSuffix(".md") ? RuleExampleRunner.fenced(text) : text)
                })
                let found = try RuleExampleRunner.findings(of: description.id, in: fenced, base: example.base)
                XCTAssertEqual(found.map(\.summary), [], "\(description.id) failing example #\(index + 1) fired inside a code block")
            }
        }
    }
}

/// Builds a repository from example files and runs one rule on its HEAD commit.
enum RuleExampleRunner {
    static func findings(of ruleID: String, in files: [String: String], base: [String: String]? = nil) throws -> [Finding] {
        let repository = try TestRepository()
        if let base {
            for (path, text) in base.sorted(by: { $0.key < $1.key }) { try repository.write(path, text) }
            try repository.commitAll("base")
        }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try repository.write(path, text)
        }
        try repository.commitAll("example")
        let checker = Checker(repository: try Repository.discover(from: repository.root.path),
                              engine: Engine(rules: RuleCatalog.rules))
        // Every rule runs, so that rules judged on other rules' findings (suppressions) see them.
        let checked = base == nil ? try checker.check(.revision("HEAD")) : try checker.gate(.revision("HEAD"), base: "HEAD~1")
        return checked.result.findings.filter { $0.ruleID == ruleID && $0.baselineState != .absent }
    }

    /// Wraps a Markdown body (after any front matter) in a fenced code block.
    static func fenced(_ text: String) -> String {
        guard text.hasPrefix("---\n"), let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else {
            return "```text\n\(text)\n```\n"
        }
        return String(text[..<close.upperBound]) + "```text\n" + String(text[close.upperBound...]) + "\n```\n"
    }
}

extension Finding {
    var summary: String { "\(ruleID) \(location.path):\(location.line) \(message)" }
}
