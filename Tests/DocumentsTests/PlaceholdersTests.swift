import XCTest
@testable import Documents

final class PlaceholdersTests: XCTestCase {
    /// The matched substrings, in order.
    private func found(_ text: String) -> [String] {
        Placeholders.matches(in: text).map { String(text[$0]) }
    }

    func testMoreInformationNeeded() {
        XCTAssertEqual(found("[More Information Needed]"), ["[More Information Needed]"])
        XCTAssertEqual(found("x \\[more  information needed\\] y"), ["\\[more  information needed\\]"])
        XCTAssertEqual(found("More information needed."), ["More information needed"])
        XCTAssertEqual(found("Furthermore information needed"), [], "whole words only")
        XCTAssertEqual(found("[Needs More Information]"), ["[Needs More Information]"], "the older dataset-card template")
        XCTAssertEqual(found("this area needs more information from users"), [], "the older phrase only in brackets")
    }

    func testTemplateTags() {
        XCTAssertEqual(found("Model {{ model_id }} by {%if x%}us"), ["{{ model_id }}", "{%if x%}"])
        XCTAssertEqual(found("{{ never closed"), [])
        XCTAssertEqual(found("{{ a\n}}"), [], "one line only")
        XCTAssertEqual(found("{ not: a tag }"), [])
        XCTAssertEqual(found("  title = {{WikiText}: long text},"), [], "BibTeX keeps capitals in double braces")
    }

    func testYourAnswerHere() {
        XCTAssertEqual(found("Q? YOUR ANSWER HERE"), ["YOUR ANSWER HERE"])
        XCTAssertEqual(found("your answer here."), ["your answer here"])
    }

    func testMarkersAreCapitalWholeWords() {
        XCTAssertEqual(found("Release: TBD"), ["TBD"])
        XCTAssertEqual(found("TBA, FIXME and TODO"), ["TBA", "FIXME", "TODO"])
        XCTAssertEqual(found("my todo list, the TODOS, STBD"), [])
        XCTAssertEqual(found("TODO: describe the training data\nnext line"), ["TODO: describe the training data"])
        XCTAssertEqual(found("TODO(ana): fill in\nok"), ["TODO(ana): fill in"])
    }

    func testBracketedInstructions() {
        XCTAssertEqual(found("[Your content here]"), ["[Your content here]"])
        XCTAssertEqual(found("Date: [Insert date] and [fill in the owner]"), ["[Insert date]", "[fill in the owner]"])
        XCTAssertEqual(found("see [your model](https://x.org) and [Read more](x)"), [])
        XCTAssertEqual(found("[Yourself]"), [], "a verb, not the start of a word")
    }

    func testNotApplicableAlone() {
        XCTAssertEqual(found("N/A"), ["N/A"])
        XCTAssertEqual(found("- n/a\n"), ["n/a"])
        XCTAssertEqual(found("intro\n  N/A.  \nend"), ["N/A."])
        XCTAssertEqual(found("| N/A |"), ["N/A"])
        XCTAssertEqual(found("Not N/A here"), [])
        XCTAssertEqual(found("N/A for children"), [])
        let text = "a\n- N/A"
        XCTAssertEqual(Placeholders.matches(in: text).first?.lowerBound, text.index(text.startIndex, offsetBy: 4))
    }

    func testAngleSlots() {
        XCTAssertEqual(found("Owner: <model owner>, <YOUR_NAME>"), ["<model owner>", "<YOUR_NAME>"])
        XCTAssertEqual(found("<br> <details> <img src> <https://x.org> <a href=\"x\">"), [])
        XCTAssertEqual(found("a < b > c and <Name>"), [], "no space or capitals-underscore name")
        XCTAssertEqual(found("id: <CLIP_TYPE><CLIP_NUMBER>, file <YEAR_NUM>-<MONTH_NUM>.wav"), [],
                       "slots side by side spell a format")
        XCTAssertEqual(found("<YOUR_NAME> and <YOUR_TEAM>"), ["<YOUR_NAME>", "<YOUR_TEAM>"], "apart, each is a slot")
    }

    func testStripReplacesEachPlaceholderWithASpace() {
        XCTAssertEqual(Placeholders.strip("Hours: TBD!"), "Hours:  !")
        XCTAssertEqual(Placeholders.strip("no placeholders"), "no placeholders")
    }

    func testIsSubstantive() {
        XCTAssertFalse(Placeholders.isSubstantive(""))
        XCTAssertFalse(Placeholders.isSubstantive("   \n\n"))
        XCTAssertFalse(Placeholders.isSubstantive("[More Information Needed]"))
        XCTAssertFalse(Placeholders.isSubstantive("TBD"))
        XCTAssertFalse(Placeholders.isSubstantive("See above."), "two words")
        XCTAssertFalse(Placeholders.isSubstantive("Apache 2.0 ok"), "2.0 has no letter")
        XCTAssertFalse(Placeholders.isSubstantive("N/A\n- TBD\n[Your content here]"))
        XCTAssertFalse(Placeholders.isSubstantive("Hardware: [More Information Needed]\nHours used: TBD"),
                       "labels without values")
        XCTAssertFalse(Placeholders.isSubstantive("TODO: write three more words here"))
        XCTAssertFalse(Placeholders.isSubstantive("{{ card_data }} {{ more }}"))
        XCTAssertTrue(Placeholders.isSubstantive("Developed by: Acme"))
        XCTAssertTrue(Placeholders.isSubstantive("This model works."))
        XCTAssertTrue(Placeholders.isSubstantive("Metric | Value\nAccuracy | 0.91"), "words need not share a sentence")
        XCTAssertTrue(Placeholders.isSubstantive("Ça marche très"), "Unicode letters")
        XCTAssertTrue(Placeholders.isSubstantive("[More Information Needed] but we know the data well"))
    }
}
