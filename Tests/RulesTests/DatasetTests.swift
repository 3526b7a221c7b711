import Foundation
import GitKit
import Lint
@testable import Rules
import TestSupport
import XCTest

/// The dataset rules beyond their own examples: evidence spread over several documents, Hub cards
/// that are only front matter, datasets without documents, and the link finder behind DS-001.
final class DatasetTests: XCTestCase {
    static let contentRules = ["DS-002", "DS-003", "DS-004", "DS-005", "DS-006", "DS-007", "DS-008", "DS-009"]

    // MARK: Evidence from any document

    /// Each question is answered in exactly one of the three documents; together they satisfy every rule.
    static let spreadFiles: [String: String] = [
        ".aims/config.yml": DatasetExampleFiles.config(stage: "operation-and-monitoring"),
        "models/budget/receipts/DATASHEET.md": """
            # Datasheet for receipts

            ## Motivation

            Built to train the budgeting app's expense categoriser.

            ## Composition

            Photographed receipts with labelled line items. Card numbers were removed, so the data
            holds no personal information.

            """,
        "models/budget/receipts/README.md": """
            ---
            license: cc-by-nc-4.0
            task_categories:
              - text-classification
            ---
            # Dataset Card for receipts

            ### Source Data

            Volunteers uploaded receipts through the app between March 2023 and January 2024.

            ## Dataset Structure

            Training data 80%, validation data 10% and test data 10%, split by uploader so no
            uploader appears in more than one split.

            """,
        "models/budget/receipts/croissant.json": """
            {
              "@context": { "@vocab": "https://schema.org/", "rai": "http://mlcommons.org/croissant/RAI/" },
              "@type": "Dataset",
              "name": "receipts",
              "version": "1.4.0",
              "rai:dataPreprocessingProtocol": "Photos deskewed; OCR drafts corrected by two annotators.",
              "rai:dataBiases": "Corner shops are under-represented.",
              "rai:dataReleaseMaintenancePlan": "A corrected release every six months."
            }

            """,
    ]

    func testEvidenceSpreadAcrossDatasheetCardAndCroissantSatisfiesEveryRule() throws {
        XCTAssertEqual(try DatasetRuleRunner.findings(of: Self.contentRules, in: Self.spreadFiles), [])
    }

    func testRemovingTheOnlyEvidenceFailsExactlyThatRule() throws {
        var files = Self.spreadFiles
        files["models/budget/receipts/croissant.json"] = """
            {
              "@context": { "@vocab": "https://schema.org/", "rai": "http://mlcommons.org/croissant/RAI/" },
              "@type": "Dataset",
              "name": "receipts",
              "version": "1.4.0",
              "rai:dataPreprocessingProtocol": "Photos deskewed; OCR drafts corrected by two annotators.",
              "rai:dataReleaseMaintenancePlan": "A corrected release every six months."
            }

            """
        // Without rai:dataBiases nothing speaks of quality; the datasheet's Composition is where it belongs.
        XCTAssertEqual(try DatasetRuleRunner.findings(of: Self.contentRules, in: files),
                       ["DS-006 models/budget/receipts/DATASHEET.md:7 data-quality"])
    }

    // MARK: Hub cards with only front matter

    func testHubDatasetCardWithOnlyFrontMatterFailsTheContentRules() throws {
        let files = [
            ".aims/config.yml": DatasetExampleFiles.config(stage: "operation-and-monitoring"),
            "models/budget/receipts/README.md": """
                ---
                license: cc-by-4.0
                task_categories:
                  - text-classification
                annotations_creators:
                  - crowdsourced
                source_datasets:
                  - original
                configs:
                  - config_name: default
                    data_files:
                      - split: train
                        path: train.csv
                      - split: test
                        path: test.csv
                ---

                """,
        ]
        let path = "models/budget/receipts/README.md"
        XCTAssertEqual(try DatasetRuleRunner.findings(of: Self.contentRules + ["DS-010"], in: files), [
            "DS-002 \(path):1 provenance",
            "DS-004 \(path):1 personal-information",
            "DS-005 \(path):1 preparation",
            "DS-006 \(path):1 data-quality",
            "DS-007 \(path):1 test-independence",
            "DS-008 \(path):1 maintenance",
            "DS-009 \(path):1 version",
        ])
    }

    func testHubTemplateLeftUnfilledFailsAtItsHeadings() throws {
        let path = "data/receipts/README.md"
        let files = [path: """
            ---
            license: cc-by-4.0
            task_categories:
              - text-classification
            ---
            # Dataset Card for receipts

            ## Dataset Creation

            ### Curation Rationale

            [More Information Needed]

            ### Source Data

            #### Data Collection and Processing

            [More Information Needed]

            #### Personal and Sensitive Information

            [More Information Needed]

            ## Bias, Risks, and Limitations

            [More Information Needed]

            ### Recommendations

            Users should be made aware of the risks, biases and limitations of the dataset. More information needed for further recommendations.

            """]
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-002", "DS-003", "DS-004", "DS-005", "DS-006"], in: files), [
            "DS-002 \(path):14 provenance",
            "DS-004 \(path):20 personal-information",
            "DS-005 \(path):16 preparation",
            "DS-006 \(path):24 data-quality",
        ])
    }

    // MARK: Datasets without readable documents

    func testDeclaredDatasetWithoutDocumentsIsReportedAtItsDeclaration() throws {
        let files = [
            ".aims/config.yml": "version: 1\ndatasets:\n  - id: scans\n    root: data/scans\n",
            "data/scans/0001.csv": "id\n1\n",
        ]
        let expected = ["DS-001", "DS-002", "DS-003", "DS-004", "DS-005", "DS-006", "DS-009"].map { id in
            "\(id) .aims/config.yml:3 " + (["DS-001": "missing", "DS-002": "provenance", "DS-003": "licence",
                                              "DS-004": "personal-information", "DS-005": "preparation",
                                              "DS-006": "data-quality", "DS-009": "version"][id] ?? "")
        }
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-001"] + Self.contentRules + ["DS-010", "CR-001", "CR-002"], in: files),
                       expected)
    }

    func testUnreadableDocumentsAreLeftToTheReadabilityRules() throws {
        let files = [
            "data/scans/DATASHEET.md": "version https://git-lfs.github.com/spec/v1\noid sha256:"
                + String(repeating: "a", count: 64) + "\nsize 1234\n",
        ]
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-001"] + Self.contentRules + ["DS-010"], in: files), [])
    }

    // MARK: DS-001 for systems

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
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-001"], in: files), [
            "DS-001 \(card):12 data-link:vendor-lists/merchants",
            "DS-001 \(card):20 data-link:eval/lines.jsonl",
        ])
    }

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

    // MARK: DS-010 details and text helpers

    func testDatasheetHeadingVariants() throws {
        let path = "data/receipts/DATASHEET.md"
        let files = [path: """
            # Receipts

            ## 1. Motivation:
            Built to train the budgeting app's categoriser.
            ## **Composition**
            Photographed receipts with labelled line items.
            ## Collection
            Uploaded by volunteers in 2023.
            ## Pre-processing, Cleaning and Labelling
            OCR drafts corrected by two annotators.
            ## Recommended Uses
            Training and testing the categoriser only.
            ## Distribution
            N/A
            ## Maintenance
            Not applicable: this is a one-off snapshot that will not be updated.
            """]
        // "Recommended Uses" is not a known heading; the word fallback finds it. N/A is not an answer.
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-010"], in: files), ["DS-010 \(path):13 section:distribution"])
    }

    func testAnsweredTextIgnoresQuestionsAndPlaceholders() {
        XCTAssertFalse(DatasetText.isAnswered("Who funded the creation of the dataset?\nYOUR ANSWER HERE"))
        XCTAssertFalse(DatasetText.isAnswered("**Is any information missing from individual instances?**\n[More Information Needed]"))
        XCTAssertTrue(DatasetText.isAnswered("Who funded it? The city council funded it."))
        XCTAssertTrue(DatasetText.isAnswered("None of the records describe people."))
        XCTAssertFalse(DatasetText.isAnswered("TBD"))
    }

    func testTimeFramePatterns() {
        XCTAssertTrue(DatasetText.matches("Collected between March and May.", DatasetText.timeFramePatterns))
        XCTAssertTrue(DatasetText.matches("Exported in 2023.", DatasetText.timeFramePatterns))
        XCTAssertFalse(DatasetText.matches("Exported with tool 12023 from the shop.", DatasetText.timeFramePatterns))
        XCTAssertFalse(DatasetText.matches("Volunteers uploaded photos of receipts.", DatasetText.timeFramePatterns))
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
