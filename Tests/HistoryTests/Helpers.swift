import Foundation
@testable import History
import GitKit
import Lint
import Rules
import TestSupport
import XCTest

/// The rules every test runs: the shipped catalog plus the test rules.
let allRules: [any Rule] = RuleCatalog.rules + testRules

func scan(_ repository: TestRepository, rules: [any Rule] = allRules, revision: String = "HEAD", firstParent: Bool = true,
          cache: Bool = false, allowShallow: Bool = false, version: String = "test") throws -> HistoryRun {
    let opened = try Repository.discover(from: repository.root.path)
    return try HistoryScanner(repository: opened, rules: rules, toolVersion: version)
        .scan(HistoryOptions(revision: revision, firstParent: firstParent, useCache: cache, allowShallow: allowShallow))
}

extension HistoryReport {
    func control(_ system: String?, _ rule: String, file: StaticString = #filePath, line: UInt = #line) throws -> ControlTimeline {
        try XCTUnwrap(controls.first { $0.key == ControlKey(system: system, rule: rule) },
                      "no control \(system ?? "(repository)") × \(rule)", file: file, line: line)
    }

    /// The same report with the one field the cache may change set to zero.
    var withoutRunCounters: HistoryReport {
        var copy = self
        copy.commitsEvaluated = 0
        return copy
    }
}

/// "commit (author) from→to" lines, for exact comparisons.
func summary(_ control: ControlTimeline) -> [String] {
    control.transitions.map { "\($0.commit.commit) \($0.commit.author) \($0.commit.date) \($0.from.rawValue)→\($0.to.rawValue)" }
}

let card = "---\nlicense: mit\n---\n# Sentiment\n\n## Intended use\n\nClassifies the tone of product reviews for triage.\n"
