import XCTest
@testable import Documents

/// The three hand-written cards under fixtures/documents describe the same model in the three
/// shapes seen in the wild; heading aliases must bring their shared sections to the same keys.
final class ModelCardFixtureTests: XCTestCase {
    private func keys(_ name: String) throws -> [SectionKey] {
        MarkdownDocument.parse(try Fixtures.text(name)).sections.compactMap(\.key)
    }

    func testTheThreeStylesShareTheSameKeysForSharedSections() throws {
        let shared: Set<SectionKey> = [.modelDetails, .intendedUse, .outOfScopeUse, .factors, .metrics, .testingData,
                                       .trainingData, .evaluation]
        let huggingFace = Set(try keys("hf-template-card.md"))
        let mitchell = Set(try keys("mitchell-card.md"))
        let bold = Set(try keys("bold-headings-card.md"))
        XCTAssertEqual(huggingFace.intersection(mitchell).intersection(bold), shared)
        XCTAssertTrue(shared.isSubset(of: huggingFace))
        XCTAssertTrue(shared.isSubset(of: mitchell))
        XCTAssertTrue(shared.isSubset(of: bold))
    }

    func testHuggingFaceTemplateCard() throws {
        let doc = MarkdownDocument.parse(try Fixtures.text("hf-template-card.md"))
        XCTAssertEqual(doc.sections.map(\.key), [
            nil, .modelDetails, .modelDescription, .intendedUse, .directUse, .downstreamUse, .outOfScopeUse,
            .limitations, .recommendations, .gettingStarted, .trainingDetails, .trainingData, .trainingProcedure,
            .preprocessing, .evaluation, .testingData, .testingData, .factors, .metrics, .results,
            .environmentalImpact, .citation, .modelCardContact,
        ])
        let frontMatter = try XCTUnwrap(doc.frontMatter)
        XCTAssertNil(frontMatter.problem)
        XCTAssertEqual(frontMatter.range, SourceRange(start: SourceLocation(line: 1, column: 1),
                                                      end: SourceLocation(line: 11, column: 3)))
        let root = try XCTUnwrap(frontMatter.root)
        XCTAssertEqual(root["license"]?.string, "apache-2.0")
        XCTAssertEqual(root["tags"]?.strings, ["reviews", "sentiment"])
        XCTAssertEqual(root["deprecated"]?.value, .string("no"))
        XCTAssertEqual(root["quoted"]?.value, .string("true"))
        XCTAssertEqual(root["version"]?.string, "1.10")
        XCTAssertEqual(root["pipeline_tag"]?.location, SourceLocation(line: 4, column: 15))

        XCTAssertEqual(doc.htmlComments, [HTMLComment(
            text: "Short statement of what the model does.",
            range: SourceRange(start: SourceLocation(line: 15, column: 1), end: SourceLocation(line: 15, column: 48)))])

        let uses = try XCTUnwrap(doc.firstSectionIndex(.intendedUse))
        XCTAssertEqual(doc.sections[uses].range.start, SourceLocation(line: 27, column: 1))
        XCTAssertEqual(doc.sections[uses].children.map { doc.sections[$0].title },
                       ["Direct Use", "Downstream Use [optional]", "Out-of-Scope Use"])
        XCTAssertEqual(doc.sections[uses].endLine, 39)
        XCTAssertTrue(doc.isSubstantive(sectionIndex: uses))
        XCTAssertFalse(doc.isSubstantive(sectionIndex: try XCTUnwrap(doc.firstSectionIndex(.downstreamUse))))
        XCTAssertFalse(doc.isSubstantive(sectionIndex: try XCTUnwrap(doc.firstSectionIndex(.modelCardContact))))
        XCTAssertFalse(doc.isSubstantive(sectionIndex: try XCTUnwrap(doc.firstSectionIndex(.citation))))
        XCTAssertFalse(doc.isSubstantive(sectionIndex: try XCTUnwrap(doc.firstSectionIndex(.environmentalImpact))))
        XCTAssertTrue(doc.isSubstantive(sectionIndex: try XCTUnwrap(doc.firstSectionIndex(.gettingStarted))))

        let metrics = try XCTUnwrap(doc.firstSection(.metrics)?.blocks.first)
        guard case let .table(table) = metrics.kind else { return XCTFail("metrics should hold a table") }
        XCTAssertEqual(table.header, ["Metric", "Value", "Notes"])
        XCTAssertEqual(table.rows, [["accuracy", "0.91", "macro"], ["F1", "0.88", "weighted"]])
        XCTAssertEqual(table.rowLines, [84, 85])
        XCTAssertEqual(table.range, SourceRange(start: SourceLocation(line: 82, column: 1),
                                                end: SourceLocation(line: 85, column: 26)))

        let prose = doc.prose.map(\.text).joined(separator: " ")
        XCTAssertFalse(prose.contains("pipeline("), "code is not prose")
        XCTAssertFalse(prose.contains("Short statement"), "comments are not prose")
        let developer = doc.prose.first { $0.text == " Example Lab" }
        XCTAssertEqual(developer?.location, SourceLocation(line: 23, column: 20))
    }

    func testMitchellCard() throws {
        XCTAssertEqual(try keys("mitchell-card.md"), [
            .modelDetails, .intendedUse, .intendedUse, .intendedUsers, .outOfScopeUse, .factors, .metrics, .testingData,
            .trainingData, .evaluation, .ethicalConsiderations, .caveatsAndRecommendations,
        ])
        let doc = MarkdownDocument.parse(try Fixtures.text("mitchell-card.md"))
        XCTAssertEqual(doc.sections.first?.title, "Tone Classifier — Model Card")
        XCTAssertEqual(doc.firstSection(.testingData)?.title, "Evaluation Data")
        XCTAssertEqual(doc.firstSection(.modelDetails)?.blocks.first?.prose.map(\.location),
                       [SourceLocation(line: 5, column: 1), SourceLocation(line: 6, column: 1)])
    }

    func testBoldHeadingCard() throws {
        let doc = MarkdownDocument.parse(try Fixtures.text("bold-headings-card.md"))
        XCTAssertEqual(doc.sections.compactMap(\.key), [
            .modelDetails, .intendedUse, .outOfScopeUse, .factors, .metrics, .testingData, .trainingData,
            .evaluation, .limitations,
        ])
        XCTAssertEqual(doc.sections.dropFirst().map(\.style), Array(repeating: .boldParagraph, count: 9))
        XCTAssertEqual(doc.sections.dropFirst().map(\.parent), Array(repeating: 0, count: 9))
        XCTAssertEqual(doc.firstSection(.factors)?.range, SourceRange(start: SourceLocation(line: 14, column: 1),
                                                                      end: SourceLocation(line: 14, column: 13)))
        XCTAssertEqual(doc.firstSection(.intendedUse)?.blocks.first?.range.start, SourceLocation(line: 8, column: 1))
        let limitations = try XCTUnwrap(doc.firstSection(.limitations))
        XCTAssertEqual(limitations.blocks.count, 3, "the bold sentence stays inside Limitations")
        XCTAssertEqual(limitations.endLine, 40)
    }
}
