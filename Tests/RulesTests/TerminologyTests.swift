import Lint
import XCTest

/// TERM rules on prose versus code, link targets, comments and project vocabulary.
final class TerminologyTests: XCTestCase {
    func testProseGetsSuggestionsButCodeAndInlineCodeDoNot() throws {
        let found = try RuleExampleRunner.findings(of: "TERM-001", in: [
            "models/a/MODEL_CARD.md": """
                # A

                We split the train set and the test set.

                Inline: `we split the train set and the test set`.

                ```
                We split the train set and the test set.
                ```

                <!-- We split the train set and the test set. -->

                See [the folder](data/train-set/test-set.md).
                """,
        ])
        XCTAssertEqual(found.map { "\($0.location.line):\($0.location.range.start.column) \($0.message)" }, [
            "3:14 'train set' is not ISO/IEC 22989 wording: say 'training data' (ISO/IEC 22989 3.3.16)",
            "3:32 'test set' is not ISO/IEC 22989 wording: say 'test data' (ISO/IEC 22989 3.2.14)",
        ])
    }

    func testPluralsHyphensAndCase() throws {
        let found = try RuleExampleRunner.findings(of: "TERM-001", in: [
            "models/a/MODEL_CARD.md": "# A\n\nTRAIN SETS were built from live-data exports; the hparams were fixed.\n",
        ])
        XCTAssertEqual(found.map(\.message), [
            "'TRAIN SETS' is not ISO/IEC 22989 wording: say 'training data' (ISO/IEC 22989 3.3.16)",
            "'live-data' is not ISO/IEC 22989 wording: say 'production data' (ISO/IEC 22989 3.2.12)",
            "'hparams' is not ISO/IEC 22989 wording: say 'hyperparameter' (ISO/IEC 22989 3.3.4)",
        ])
    }

    func testProjectVocabularyIsAccepted() throws {
        let found = try RuleExampleRunner.findings(of: "TERM-001", in: [
            ".aims/config.yml": "version: 1\nterms: [\"dev set\"]\n",
            "models/a/MODEL_CARD.md": "# A\n\nWe tuned on the dev set and checked the test set.\n",
        ])
        XCTAssertEqual(found.map(\.message), ["'test set' is not ISO/IEC 22989 wording: say 'test data' (ISO/IEC 22989 3.2.14)"])
    }

    func testFingerprintSurvivesMovedLines() throws {
        let before = try RuleExampleRunner.findings(of: "TERM-001", in: ["models/a/MODEL_CARD.md": "# A\n\nThe train set.\n"])
        let after = try RuleExampleRunner.findings(of: "TERM-001", in: ["models/a/MODEL_CARD.md": "# A\n\nNew text.\n\nMore.\n\nThe train set.\n"])
        XCTAssertEqual(before.map(\.location.line), [3])
        XCTAssertEqual(after.map(\.location.line), [7])
        XCTAssertEqual(before.map(\.fingerprint), after.map(\.fingerprint))
    }
}
