import Foundation
import GitKit
import Lint
@testable import Rules
import TestSupport
import XCTest

/// The dataset rules beyond their own examples: evidence spread over several documents, Hub cards
/// that are only front matter, unfilled templates, datasets without documents.
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
        // One missing fact, one finding: the documentation is missing, and DS-001 says so; the
        // content rules have nothing to judge.
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-001"] + Self.contentRules + ["DS-010", "CR-001", "CR-002"], in: files),
                       ["DS-001 .aims/config.yml:3 missing"])
    }

    func testUnreadableDocumentsAreLeftToTheReadabilityRules() throws {
        let files = [
            "data/scans/DATASHEET.md": "version https://git-lfs.github.com/spec/v1\noid sha256:"
                + String(repeating: "a", count: 64) + "\nsize 1234\n",
        ]
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-001"] + Self.contentRules + ["DS-010"], in: files), [])
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

    /// The shape of the common Markdown datasheet templates, unfilled: question headings, italic
    /// guidance, questions as bullets. Its question words must not pass for answers.
    func testUnfilledDatasheetTemplate() throws {
        let path = "data/receipts/DATASHEET.md"
        let files = [path: """
            # Datasheet for "receipts"

            Questions adapted from Datasheets for Datasets, v7.

            ## Motivation

            _These questions ask why the dataset exists and who paid for it._

            ### Why was the dataset made?

            _Name the task or the gap it was meant to fill._

            ## Composition

            _Answer for the dataset as a whole._

            - Are values missing from some records, and why?
            - Is there noise or are there errors in the labels?
            - Does it hold personal or confidential data about anyone?

            ## Collection Process

            ### How was each record obtained?

            YOUR ANSWER HERE

            ## Preprocessing/cleaning/labeling

            ### Was the data cleaned or labelled, and how?

            ## Uses

            *Say what the dataset has been used for already.*

            ## Distribution

            ### Under which licence or terms is it shared?

            ## Maintenance

            ### Who keeps the dataset up to date?
            """]
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-004", "DS-006", "DS-010"], in: files), [
            "DS-004 \(path):13 personal-information",
            "DS-006 \(path):13 data-quality",
            "DS-010 \(path):13 section:composition",
            "DS-010 \(path):21 section:collection-process",
            "DS-010 \(path):27 section:preprocessing",
            "DS-010 \(path):31 section:intended-use",
            "DS-010 \(path):35 section:distribution",
            "DS-010 \(path):39 section:maintenance",
            "DS-010 \(path):5 section:motivation",
        ])
    }

    func testLicenceWrittenInTheWaysPeopleWriteIt() throws {
        let path = "data/receipts/DATASET_CARD.md"
        let stated = [
            "# Receipts\n\n| Field | Value |\n|---|---|\n| License | CC BY 4.0 |\n",
            "# Receipts\n\n## Licensing Information\n\nShared under the Open Data Commons licence.\n",
            "---\nlicense: other\nlicense_name: receipts-research-terms\n---\n# Receipts\n",
            "# Receipts\n\nLicence: CC0-1.0\n",
        ]
        for text in stated {
            XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-003"], in: [path: text]), [], text)
        }
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-003"], in: [path: "---\nlicense: other\n---\n# Receipts\n"]),
                       ["DS-003 \(path):1 licence"], "`other` needs a name or a link")
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-003"], in: [path: "# Receipts\n\n## License\n\nTBD\n"]),
                       ["DS-003 \(path):3 licence"], "an empty License section is where the finding goes")
    }

    func testDocumentTitleIsNotASection() throws {
        let path = "data/air/DATASET_CARD.md"
        let files = [path: "# Dataset card for air quality readings\n\nHourly readings from 40 roadside stations.\n"]
        // An undeclared dataset's card is judged as a published card: the maintenance note too.
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-006", "DS-008"], in: files),
                       ["DS-006 \(path):1 data-quality", "DS-008 \(path):1 maintenance"])
    }

    func testVersionWrittenInTheWaysPeopleWriteIt() throws {
        let path = "data/receipts/DATASET_CARD.md"
        let pinned = [
            "# Receipts\n\n| Field | Value |\n|---|---|\n| Version | 1.2 |\n",
            "# Receipts\n\n## Version\n\n1.2.0, released in May.\n",
            "# Receipts\n\nBuilt from the export at revision 3f9c2ab1.\n",
            "---\nlicense: mit\ndataset_info:\n  config_name: default\n  revision: 3f9c2ab1d4\n---\n# Receipts\n",
        ]
        for text in pinned {
            XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-009"], in: [path: text]), [], text)
        }
        let unpinned = [
            "# Receipts\n\n## Version\n\nWe have not numbered releases yet.\n",
            "# Receipts\n\nQuestions adapted from the datasheet paper, v7.\n",
        ]
        for text in unpinned {
            XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-009"], in: [path: text]), ["DS-009 \(path):1 version"], text)
        }
    }

    func testMaintenanceStatements() throws {
        let path = "data/receipts/DATASET_CARD.md"
        let files = [path: "# Receipts\n\nThis is a one-off snapshot; it will not be updated.\n"]
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-008"], in: files), [],
                       "a dataset outside any system stays at design and development, where DS-008 does not apply")
        var staged = ["models/budget/receipts/DATASET_CARD.md": files[path] ?? ""]
        staged[".aims/config.yml"] = DatasetExampleFiles.config(stage: "operation-and-monitoring")
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-008"], in: staged), [])
        staged["models/budget/receipts/DATASET_CARD.md"] = "# Receipts\n\nLast updated 2024-05-14.\n"
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-008"], in: staged),
                       ["DS-008 models/budget/receipts/DATASET_CARD.md:1 maintenance"])
    }

    func testEmptyDatasheetLacksEverySection() throws {
        let path = "data/receipts/DATASHEET.md"
        let keys = ["collection-process", "composition", "distribution", "intended-use", "maintenance", "motivation", "preprocessing"]
        XCTAssertEqual(try DatasetRuleRunner.findings(of: ["DS-010"], in: [path: ""]),
                       keys.map { "DS-010 \(path):1 section:\($0)" })
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
