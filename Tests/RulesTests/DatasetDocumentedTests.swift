import Foundation
import GitKit
import Lint
@testable import Rules
import TestSupport
import XCTest

/// DS-001 for systems: which links in a model card are local data, and when that data counts as
/// documented. Also the runner the dataset and Croissant tests share.
final class DatasetDocumentedTests: XCTestCase {
    func testModelCardLinksToLocalData() throws {
        let card = "models/budget/MODEL_CARD.md"
        let files = [
            card: """
                ---
                license: mit
                datasets:
                  - example-org/grocery-names
                  - data/labels
                ---
                # Budget categoriser

                ## Training Data

                - [receipts](../../data/receipts/) (documented by the datasheet in `data/`)
                - [merchant list](../../vendor-lists/merchants/)
                - [plot](../../docs/plot.png) and [missing file](../../data/absent.csv)
                <!-- [old dump](../../scratch/dump.csv) -->

                ## Evaluation

                Scored on [held-out lines][lines].

                [lines]: ../../eval/lines.jsonl "held-out lines"
                """,
            "data/DATASHEET.md": "# Datasheet\n",
            "data/receipts/part-0.jsonl": "{}\n",
            "scratch/dump.csv": "a\n",
            "data/labels/labels.csv": "a\n",
            "vendor-lists/merchants/list.txt": "a\n",
            "docs/plot.png": "png",
            "eval/lines.jsonl": "{}\n",
        ]
        // data/receipts and data/labels are covered by data/DATASHEET.md; the merchant folder is
        // linked from Training Data; the reference definition points at undocumented data.
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-001"], in: files.merging([".aims/config.yml": Self.declared]) { $1 }), [
            "DS-001 \(card):12 data-link:vendor-lists/merchants",
            "DS-001 \(card):20 data-link:eval/lines.jsonl",
        ])
        // Undeclared, the system is asked for nothing yet: AIMS-007 lists the data to document.
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-001"], in: files), [])
        let note = try RuleExampleRunner.findings(of: "AIMS-007", in: files)
        XCTAssertEqual(note.count, 1)
        XCTAssertTrue(note.first?.message.contains("local data its card uses (vendor-lists/merchants, eval/lines.jsonl)") == true,
                      note.first?.message ?? "")
    }

    static let declared = "version: 1\nsystems:\n  - id: budget\n    root: models/budget\n    stage: design-and-development\n"

    func testModelCardToolkitDataLink() throws {
        let files = [
            "models/budget/model_card.json": """
                {
                  "model_details": { "name": "budget" },
                  "model_parameters": {
                    "data": [
                      { "name": "receipts", "link": "../../data/receipts/train.csv" },
                      { "name": "names", "link": "https://example.org/names.csv" }
                    ]
                  }
                }
                """,
            "data/receipts/train.csv": "a\n",
            ".aims/config.yml": Self.declared,
        ]
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-001"], in: files),
                       ["DS-001 models/budget/model_card.json:5 data-link:data/receipts/train.csv"])
    }

    func testLinkDestinations() {
        let found = ModelCardDataLinks.destinations(in: "See [a](x/y.csv) and ![b]( <z w.parquet> ) or [c](u_(1).csv \"t\").")
        XCTAssertEqual(found.map(\.0), ["x/y.csv", "z w.parquet", "u_(1).csv"])
        XCTAssertEqual(found.map(\.1), [9, 28, 51])
        XCTAssertEqual(ModelCardDataLinks.destinations(in: "   [ref]: <../d/e.csv> \"x\"").map(\.0), ["../d/e.csv"])
        XCTAssertEqual(ModelCardDataLinks.destinations(in: "no links [here] (or here)").count, 0)
    }
}

/// Runs several rules on one repository built from files (as `RuleExampleRunner` does for one
/// rule) and returns "RULE path:line anchor" for each finding, sorted.
enum DatasetRuleRunner {
    static func findings(of ruleIDs: [String], in files: [String: String]) throws -> [String] {
        let repository = try TestRepository()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try repository.write(path, text)
        }
        try repository.commitAll("example")
        let checker = Checker(repository: try Repository.discover(from: repository.root.path),
                              engine: Engine(rules: RuleCatalog.rules))
        let checked = try checker.check(.revision("HEAD"), only: Set(ruleIDs))
        return checked.result.findings.filter { ruleIDs.contains($0.ruleID) }
            .map { "\($0.ruleID) \($0.location.path):\($0.location.line) \($0.anchor)" }
            .sorted()
    }
}
