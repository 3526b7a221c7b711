import Catalog
import XCTest

final class VocabularyTests: XCTestCase {
    func testTermsAreUniqueByNameAndSortedByClause() {
        let terms = Vocabulary.terms
        XCTAssertEqual(terms.count, 117)
        XCTAssertEqual(Set(terms.map(\.name)).count, terms.count)
        XCTAssertEqual(Set(terms.map(\.clause)).count, terms.count)
        XCTAssertEqual(terms.first?.clause, "3.1.1")
        XCTAssertEqual(terms.last?.clause, "3.7.4")
        // 3.1.10 must follow 3.1.9, not 3.1.1: numeric order.
        let aiClauses = terms.filter { $0.group == "AI" }.map(\.clause)
        XCTAssertEqual(Array(aiClauses.prefix(11)),
                       ["3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6", "3.1.7", "3.1.8", "3.1.9", "3.1.10", "3.1.11"])
    }

    func testEveryGroupOfClause3IsCovered() {
        let counts = Vocabulary.groups.map { group in Vocabulary.terms.filter { $0.group == group.name }.count }
        XCTAssertEqual(counts, [35, 15, 17, 10, 18, 18, 4])
        for term in Vocabulary.terms {
            XCTAssertFalse(term.gloss.isEmpty, term.name)
            XCTAssertFalse(term.group.isEmpty, term.name)
        }
    }

    func testLookupIgnoresCaseAndPlurals() throws {
        let training = try XCTUnwrap(Vocabulary.lookup("training data").first)
        XCTAssertEqual(training.name, "training data")
        XCTAssertEqual(training.clause, "3.3.16")
        XCTAssertFalse(training.clauseIsInferred)
        XCTAssertEqual(training.group, "machine learning")
        XCTAssertEqual(Vocabulary.lookup("Training Data"), [training])
        XCTAssertEqual(Vocabulary.lookup("training-data"), [training])

        XCTAssertEqual(Vocabulary.lookup("hyperparameters").map(\.clause), ["3.3.4"])
        XCTAssertEqual(Vocabulary.lookup("Hyper-parameter").map(\.clause), ["3.3.4"])
        XCTAssertEqual(Vocabulary.lookup("PII").map(\.name), ["personally identifiable information"])
        XCTAssertEqual(Vocabulary.lookup("personal data").map(\.clause), ["3.2.11"])
        XCTAssertEqual(Vocabulary.lookup("evaluation data").map(\.name), ["test data"])
        XCTAssertEqual(Vocabulary.lookup("AI systems").map(\.clause), ["3.1.4"])
        XCTAssertEqual(Vocabulary.lookup("datasets").map(\.clause), ["3.2.5"])
        XCTAssertEqual(Vocabulary.lookup("ontologies"), [])
        XCTAssertEqual(Vocabulary.lookup(""), [])
    }

    func testLookupReturnsEveryTermSharingAName() {
        XCTAssertEqual(Vocabulary.lookup("transparency").map(\.clause), ["3.5.14", "3.5.15"])
        XCTAssertEqual(Vocabulary.lookup("natural language processing").map(\.clause), ["3.6.9", "3.6.10"])
        XCTAssertEqual(Vocabulary.lookup("validation").map(\.clause), ["3.5.18"])
    }

    func testInferredClausesAreMarked() throws {
        XCTAssertTrue(try XCTUnwrap(Vocabulary.lookup("hyperparameter").first).clauseIsInferred)
        XCTAssertTrue(try XCTUnwrap(Vocabulary.lookup("supervised learning").first).clauseIsInferred)
        XCTAssertFalse(try XCTUnwrap(Vocabulary.lookup("stakeholder").first).clauseIsInferred)
        XCTAssertEqual(try XCTUnwrap(Vocabulary.lookup("test data").first).citation, "test data (ISO/IEC 22989, 3.2.14)")
        XCTAssertEqual(try XCTUnwrap(Vocabulary.lookup("training").first).citation, "training (ISO/IEC 22989)")
    }

    func testConceptsOutsideClause3HaveNoTerm() {
        for concept in Vocabulary.discussedOutsideClause3 {
            XCTAssertEqual(Vocabulary.lookup(concept), [], concept)
        }
    }

    func testNoTwoTermsCollideUnderLookup() {
        for term in Vocabulary.terms {
            for designation in term.designations {
                let hits = Vocabulary.lookup(designation)
                XCTAssertTrue(hits.contains(term), designation)
                let others = hits.filter { $0 != term && !$0.name.contains("‹") }
                XCTAssertEqual(others, [], designation)
            }
        }
    }
}
