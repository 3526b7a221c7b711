import Catalog
import XCTest

final class WordingTests: XCTestCase {
    func testSuggestionsPointAtSomethingThatExists() {
        for wording in Wordings.all where wording.advice == .suggest {
            let preferred = wording.preferred ?? ""
            XCTAssertFalse(preferred.isEmpty, "\(wording.phrases)")
            switch wording.kind {
            case .stageLabel:
                let stage = LifecycleStage.parse(preferred)
                XCTAssertNotNil(stage, preferred)
                XCTAssertEqual(stage?.clause, wording.preferredClause, preferred)
            case .term where wording.citesAnnexA:
                // The one wording 22989 does not cover cites the 42001 control whose title names it.
                let control = AnnexA.control(wording.preferredClause ?? "")
                XCTAssertEqual(control?.title.lowercased(), preferred, preferred)
            case .term:
                let terms = Vocabulary.lookup(preferred)
                XCTAssertFalse(terms.isEmpty, "\(preferred) is not in Vocabulary")
                XCTAssertTrue(terms.contains { $0.clause == wording.preferredClause }, preferred)
            }
        }
    }

    func testEveryCitedTermClauseMatchesTheVocabulary() {
        for wording in Wordings.all where wording.kind == .term && !wording.citesAnnexA {
            guard let preferred = wording.preferred else {
                XCTAssertNil(wording.preferredClause)
                continue
            }
            XCTAssertEqual(wording.preferredTerms.map(\.clause), [wording.preferredClause ?? ""], preferred)
        }
    }

    func testAcceptedWordingsAreListedAsDoNotFlag() {
        for phrase in ["label", "weights", "model weights", "PII", "personal data", "continual learning",
                       "lifelong learning", "online learning", "AGI"] {
            let entries = Wordings.all.filter { $0.phrases.contains(phrase) }
            XCTAssertEqual(entries.map(\.advice), [.doNotFlag], phrase)
        }
    }

    func testEachPhraseAppearsOnceAndIsNotAStandardTermItself() {
        let phrases = Wordings.all.flatMap(\.phrases).map { $0.lowercased() }
        XCTAssertEqual(Set(phrases).count, phrases.count)
        // A flagged phrase must not be an accepted 22989 designation, or the rule would flag ISO
        // wording. Exceptions: spelling variants of the preferred term itself ("hyper-parameter"),
        // and "autonomous", which is flagged only where a human judges it means "automated".
        for wording in Wordings.all where wording.advice != .doNotFlag && wording.kind == .term {
            for phrase in wording.phrases where phrase != "autonomous" {
                let hits = Vocabulary.lookup(phrase)
                XCTAssertTrue(hits.isEmpty || hits == wording.preferredTerms, phrase)
            }
        }
        XCTAssertEqual(Vocabulary.lookup("hyper-parameter"), Vocabulary.lookup("hyperparameter"))
    }

    func testSpecificEntries() throws {
        let train = try XCTUnwrap(Wordings.all.first { $0.phrases.contains("train set") })
        XCTAssertEqual(train.phrases, ["train set", "training set", "train split", "training corpus"])
        XCTAssertEqual(train.preferred, "training data")
        XCTAssertEqual(train.preferredClause, "3.3.16")
        XCTAssertEqual(train.kind, .term)
        XCTAssertEqual(train.advice, .suggest)
        XCTAssertFalse(train.preferredClauseIsInferred)

        let holdOut = try XCTUnwrap(Wordings.all.first { $0.phrases.contains("held-out data") })
        XCTAssertNil(holdOut.preferred)
        XCTAssertEqual(holdOut.advice, .contextual)

        let eol = try XCTUnwrap(Wordings.all.first { $0.phrases.contains("EOL") })
        XCTAssertEqual(eol.kind, .stageLabel)
        XCTAssertEqual(eol.stage, .retirement)
        XCTAssertEqual(eol.preferredClause, "6.2.9")

        let hyper = try XCTUnwrap(Wordings.all.first { $0.phrases.contains("hparams") })
        XCTAssertTrue(hyper.preferredClauseIsInferred)
        XCTAssertTrue(Wordings.all.allSatisfy { !$0.note.isEmpty && !$0.note.contains("\n") })
    }

    func testOccurrencesFindWholeWordsIgnoringCaseAndPlurals() {
        let text = "Our Train sets and the held-out data; pretrain set is fine; go-live in May (EOL 2027)."
        let found = Wordings.occurrences(in: text)
        XCTAssertEqual(found.map(\.matchedText), ["Train sets", "held-out data", "go-live", "EOL"])
        XCTAssertEqual(found.map(\.phrase), ["train set", "held-out data", "go-live", "EOL"])
        XCTAssertEqual(found.first.map { text[$0.range] }, "Train sets")
        XCTAssertEqual(found.map(\.wording.advice), [.suggest, .contextual, .suggest, .suggest])
    }

    func testOccurrencesPreferTheLongestOverlappingPhrase() {
        let found = Wordings.occurrences(in: "Use model weights and post-deployment monitoring, not re-training.")
        XCTAssertEqual(found.map(\.phrase), ["model weights", "post-deployment monitoring", "re-training"])
        XCTAssertEqual(Wordings.occurrences(in: "part-of-speech tagging").map(\.phrase), [])
        XCTAssertEqual(Wordings.occurrences(in: "Labeling, then tagging.").map(\.phrase), ["labeling", "tagging"])
        XCTAssertEqual(Wordings.occurrences(in: ""), [])
    }

    func testRuleFamilies() {
        XCTAssertEqual(RuleFamily.allCases.map(\.rawValue), ["MC", "DS", "CR", "LC", "GIT", "TERM", "AIMS"])
        XCTAssertEqual(RuleFamily.family(ofRuleID: "LC-INC-002"), .lifecycle)
        XCTAssertEqual(RuleFamily.family(ofRuleID: "TERM-001"), .terminology)
        XCTAssertEqual(RuleFamily.family(ofRuleID: "aims-004"), .policy)
        XCTAssertNil(RuleFamily.family(ofRuleID: "XYZ-1"))
        XCTAssertEqual(RuleFamily.modelCard.title, "Model cards")
        XCTAssertEqual(Set(RuleFamily.allCases.map(\.title)).count, 7)
    }
}
