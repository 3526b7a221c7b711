import Documents
import Lint
@testable import Rules
import XCTest

/// The model card rules on whole repositories: the same content under Hugging Face headings,
/// Mitchell et al. headings and bold pseudo-headings is judged the same; placeholders; metric
/// values from tables and from `model-index`.
final class ModelCardTests: XCTestCase {
    static let origin = SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))
    static let mcRuleIDs = (1...10).map { String(format: "MC-%03d", $0) }

    /// Every MC finding for a repository, as "MC-00x line" strings, sorted.
    private func mcFindings(_ files: [String: String]) throws -> [String] {
        var result: [String] = []
        for id in Self.mcRuleIDs {
            result += try RuleExampleRunner.findings(of: id, in: files).map { "\($0.ruleID) \($0.location.path):\($0.location.line)" }
        }
        return result.sorted()
    }

    private func line(_ number: Int, of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number <= lines.count ? String(lines[number - 1]) : ""
    }

    private func repository(card: String, path: String = "models/router/MODEL_CARD.md") -> [String: String] {
        [".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
         "LICENSE": ModelCardExamples.apacheLicenseFile,
         path: card]
    }

    // MARK: Heading styles

    func testCompleteCardsAreJudgedTheSameInEveryHeadingStyle() throws {
        let path = "models/router/MODEL_CARD.md"
        let hub = try mcFindings(repository(card: EquivalentCards.hub(complete: true)))
        let mitchell = try mcFindings(repository(card: EquivalentCards.mitchell(complete: true)))
        let bold = try mcFindings(repository(card: EquivalentCards.bold(complete: true)))
        // Only the note that none of them carries machine-readable model-index results.
        XCTAssertEqual(hub, ["MC-010 \(path):1"])
        XCTAssertEqual(mitchell, ["MC-010 \(path):1"])
        XCTAssertEqual(bold, ["MC-010 \(path):1"])
    }

    func testIncompleteCardsFailTheSameRulesInEveryHeadingStyle() throws {
        let path = "models/router/MODEL_CARD.md"
        let hub = try mcFindings(repository(card: EquivalentCards.hub(complete: false)))
        let mitchell = try mcFindings(repository(card: EquivalentCards.mitchell(complete: false)))
        let bold = try mcFindings(repository(card: EquivalentCards.bold(complete: false)))
        XCTAssertEqual(hub, ["MC-005 \(path):29", "MC-006 \(path):1", "MC-010 \(path):1"])
        XCTAssertEqual(mitchell, ["MC-005 \(path):33", "MC-006 \(path):1", "MC-010 \(path):1"])
        XCTAssertEqual(bold, ["MC-005 \(path):33", "MC-006 \(path):1", "MC-010 \(path):1"])
        // The evaluation finding sits on each style's results heading.
        XCTAssertEqual(line(29, of: EquivalentCards.hub(complete: false)), "## Evaluation")
        XCTAssertEqual(line(33, of: EquivalentCards.mitchell(complete: false)), "## Quantitative Analyses")
        XCTAssertEqual(line(33, of: EquivalentCards.bold(complete: false)), "**Quantitative analyses**")
        let ids = { (list: [String]) in Set(list.map { String($0.prefix(6)) }) }
        XCTAssertEqual(ids(hub), ids(mitchell))
        XCTAssertEqual(ids(hub), ids(bold))
    }

    func testEmptySectionsAreReportedAtTheirHeadingsInEveryStyle() throws {
        let hub = """
            # Router

            ## Uses

            [More Information Needed]

            ## Bias, Risks, and Limitations

            TBD
            """
        let bold = """
            # Router

            **Intended use**

            [More Information Needed]

            **Limitations**

            TBD
            """
        for card in [hub, bold] {
            let files = repository(card: card)
            XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-002", in: files).map(\.location.line), [3])
            XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-006", in: files).map(\.location.line), [7])
            XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-003", in: files).map(\.location.line), [1])
        }
    }

    // MARK: Placeholders

    func testTemplateCardFailsPlaceholdersAndTheFilledCardPasses() throws {
        let template = """
            ---
            license: apache-2.0
            library_name: transformers
            ---
            # Model Card for {{ model_id }}

            ## Model Details

            - **Developed by:** [More Information Needed]
            - **Model type:** TBD
            - **Finetuned from model [optional]:** \\[More Information Needed\\]

            ## Uses

            <!-- Say who uses the model. [More Information Needed] -->
            YOUR ANSWER HERE

            ## Training Data

            TODO: link the ticket export. Run `make data TODO=0` first.
            """
        let filled = template
            .replacingOccurrences(of: "{{ model_id }}", with: "ticket-router")
            .replacingOccurrences(of: "- **Developed by:** [More Information Needed]", with: "- **Developed by:** Acme")
            .replacingOccurrences(of: "TBD", with: "text classifier")
            .replacingOccurrences(of: "\\[More Information Needed\\]", with: "acme/tiny-encoder-v2")
            .replacingOccurrences(of: "YOUR ANSWER HERE", with: "Support agents pre-assign tickets to queues.")
            .replacingOccurrences(of: "TODO: link the ticket export.", with: "See the ticket export.")
        let path = "models/router/README.md"
        let found = try RuleExampleRunner.findings(of: "MC-008", in: [path: template])
        XCTAssertEqual(found.map { "\($0.location.line):\($0.location.range.start.column)-\($0.location.range.end.column)" },
                       ["5:18-31", "9:21-45", "10:19-21", "11:40-64", "16:1-16", "20:1-33"])
        XCTAssertTrue(found.allSatisfy { $0.level == .warning && $0.system == "router" })
        XCTAssertEqual(Set(found.map(\.fingerprint)).count, found.count, "each placeholder has its own identity")
        XCTAssertFalse(filled.contains("TBD"))
        XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-008", in: [path: filled]).map(\.summary), [])
    }

    // MARK: Metric values

    func testMetricValuesInATableOrInModelIndexBothSatisfyEvaluation() throws {
        let config = ModelCardExamples.config(stage: "verification-and-validation")
        let table = """
            # Router

            ## Evaluation

            Measured on the held-out test split of the 2023 ticket export.

            | Queue group | Accuracy | Macro F1 |
            |---|---|---|
            | Billing | 0.93 | 0.90 |
            """
        let modelIndex = """
            ---
            license: mit
            model-index:
              - name: router
                results:
                  - task: {type: text-classification}
                    dataset: {type: acme/tickets-2024, name: Acme tickets 2024}
                    metrics: [{type: accuracy, value: 93.1}]
            ---
            # router

            ## Evaluation

            See the model-index metadata above.
            """
        let neither = """
            # Router

            ## Evaluation

            Measured on the held-out test split; the router did well.
            """
        let card = "models/router/MODEL_CARD.md"
        XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-005", in: [".aims/config.yml": config, card: table]).count, 0)
        XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-005", in: [".aims/config.yml": config, card: modelIndex]).count, 0)
        let failed = try RuleExampleRunner.findings(of: "MC-005", in: [".aims/config.yml": config, card: neither])
        XCTAssertEqual(failed.map(\.location.line), [3])
        XCTAssertTrue(failed.first?.message.contains("names no metric with a value") == true)
    }

    func testMetricFinderReadsTablesAndProse() {
        let metricTable = Table(header: ["Metric", "Value"], rows: [["Accuracy", "**0.91**"]],
                                range: Self.origin, rowLines: [3])
        let hyperparameters = Table(header: ["Hyperparameter", "Setting"], rows: [["learning_rate", "0.0002"]],
                                    range: Self.origin, rowLines: [3])
        XCTAssertTrue(MetricFinder.tableHasMetricValue(metricTable, inEvaluation: false))
        XCTAssertFalse(MetricFinder.tableHasMetricValue(hyperparameters, inEvaluation: false))
        // Benchmarks as columns, model variants as rows: a results table in an evaluation section.
        let benchmarks = Table(header: ["Model", "MMLU (5-shot)", "GSM8K"], rows: [["small", "45.1", "30.2%"], ["large", "61.0", "—"]],
                               range: Self.origin, rowLines: [3, 4])
        XCTAssertFalse(MetricFinder.tableHasMetricValue(benchmarks, inEvaluation: false))
        XCTAssertTrue(MetricFinder.tableHasMetricValue(benchmarks, inEvaluation: true))
        XCTAssertTrue(MetricFinder.tableNamesData(benchmarks, inEvaluation: true))
        XCTAssertFalse(MetricFinder.tableNamesData(metricTable, inEvaluation: true))
        for cell in ["91.2 %", "0.91 ± 0.02", "0.91 (0.89-0.93)", "79.5†", "0.939/0.040", "$85.2$", "0.91 $\\pm$ 0.01",
                     "4.88 s", "1.2k", "~93%", ">96%", "**0.91**"] {
            XCTAssertTrue(MetricFinder.isNumericCell(cell), cell)
        }
        for cell in ["high", "N/A", "—", "-", "v2", "2 of 3 runs"] {
            XCTAssertFalse(MetricFinder.isNumericCell(cell), cell)
        }
        XCTAssertTrue(["N/A", "-", "—", "n/a"].allSatisfy(MetricFinder.isNotApplicableCell))
        for sentence in ["It reaches an F1 of 0.91.", "Accuracy: 91%", "BLEU 34.2 on newstest", "we measured 0.88 macro F1",
                         "a word error rate of 7.5%", "F1 score of over 0.9", "accuracy >96% across all groups",
                         "a Frechet Audio Distance of 4.88", "98.4% accuracy on the held-out faces"] {
            XCTAssertTrue(MetricFinder.proseHasMetricValue(sentence), sentence)
        }
        for sentence in ["The model did well.", "accuracy on 3 datasets was good", "Trained for 3 epochs at 0.0002.",
                         "We report accuracy and F1."] {
            XCTAssertFalse(MetricFinder.proseHasMetricValue(sentence), sentence)
        }
    }

    // MARK: Notes and levels

    func testModelIndexAbsenceIsANoteAndAnIncompleteEntryAnError() throws {
        let config = ModelCardExamples.config(stage: "verification-and-validation")
        let absent = try RuleExampleRunner.findings(of: "MC-010", in: [
            ".aims/config.yml": config, "models/router/MODEL_CARD.md": "# Router\n"])
        XCTAssertEqual(absent.map(\.level), [.note])
        let broken = try RuleExampleRunner.findings(of: "MC-010", in: [
            ".aims/config.yml": config,
            "models/router/README.md": "---\nlicense: mit\nmodel-index:\n  - name: router\n    results:\n      - task: {name: Routing}\n        dataset: {type: a/b, name: B}\n        metrics: [{type: f1, value: 0.9}]\n---\n# r\n"])
        XCTAssertEqual(broken.map { "\($0.level.rawValue) \($0.location.line) \($0.anchor)" },
                       ["error 6 model-index[0].results[0].task.type"])
        let unparsable = try RuleExampleRunner.findings(of: "MC-010", in: [
            ".aims/config.yml": config, "models/router/MODEL_CARD.md": "---\nlicense: [mit\n---\n# r\n"])
        XCTAssertEqual(unparsable.count, 0, "broken front matter is AIMS-005's finding")
    }

    func testSystemWithoutCardIsReportedOnceAndOtherRulesAreNotApplicable() throws {
        let files = [".aims/config.yml": ModelCardExamples.config(stage: "deployment"), "models/router/train.py": "pass\n"]
        XCTAssertEqual(try RuleExampleRunner.findings(of: "MC-001", in: files).map { "\($0.location.path):\($0.location.line)" },
                       [".aims/config.yml:5"])
        XCTAssertEqual(try mcFindings(files), ["MC-001 .aims/config.yml:5"])
    }

    // MARK: A card a training script wrote

    func testTrainerGeneratedCardIsJudgedSectionBySection() throws {
        let card = """
            ---
            license: apache-2.0
            base_model: distilbert-base-uncased
            tags:
            - generated_from_trainer
            metrics:
            - accuracy
            model-index:
            - name: router
              results: []
            ---

            <!-- This model card was written by a training script. -->

            # router

            This model is a fine-tuned version of [distilbert-base-uncased](https://huggingface.co/distilbert-base-uncased) on an unknown dataset.
            It achieves the following results on the evaluation set:
            - Loss: 0.2301
            - Accuracy: 0.9140

            ## Model description

            More information needed

            ## Intended uses & limitations

            More information needed

            ## Training and evaluation data

            More information needed

            ## Training procedure

            ### Training hyperparameters

            The following hyperparameters were used during training:
            - learning_rate: 2e-05
            - train_batch_size: 16

            ### Training results

            | Training Loss | Epoch | Step | Validation Loss | Accuracy |
            |:---:|:---:|:---:|:---:|:---:|
            | 0.3 | 1.0 | 500 | 0.25 | 0.91 |

            ### Framework versions

            - Transformers 4.40.0
            """
        let path = "models/router/README.md"
        let found = try mcFindings([".aims/config.yml": ModelCardExamples.config(stage: "deployment"), path: card])
        XCTAssertEqual(found, ["MC-002 \(path):26", "MC-003 \(path):15", "MC-004 \(path):30", "MC-006 \(path):26",
                               "MC-008 \(path):24", "MC-008 \(path):28", "MC-008 \(path):32", "MC-009 \(path):15",
                               "MC-010 \(path):10"])
    }
}
