import XCTest
@testable import Documents

final class MarkdownStructureTests: XCTestCase {
    private func loc(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(line: line, column: column) }
    private func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> SourceRange {
        SourceRange(start: loc(l1, c1), end: loc(l2, c2))
    }

    func testHeadingsLevelsParentsAndRanges() {
        let doc = MarkdownDocument.parse("""
        Intro text before any heading.

        # Card *for* `x`

        ## Uses

        Known Limitations
        ------------------

        ### Recommendations

        Keep it small.

        ## Training Data
        """)
        XCTAssertEqual(doc.preamble.count, 1)
        XCTAssertEqual(doc.preamble.first?.range, range(1, 1, 1, 30))
        XCTAssertEqual(doc.sections.map(\.title), ["Card for x", "Uses", "Known Limitations", "Recommendations", "Training Data"])
        XCTAssertEqual(doc.sections.map(\.level), [1, 2, 2, 3, 2])
        XCTAssertEqual(doc.sections.map(\.style), [.atx, .atx, .setext, .atx, .atx])
        XCTAssertEqual(doc.sections.map(\.key), [nil, .intendedUse, .limitations, .recommendations, .trainingData])
        XCTAssertEqual(doc.sections.map(\.parent), [nil, 0, 0, 2, 0])
        XCTAssertEqual(doc.sections[0].children, [1, 2, 4])
        XCTAssertEqual(doc.sections[2].children, [3])
        XCTAssertEqual(doc.sections[0].range, range(3, 1, 3, 16))
        XCTAssertEqual(doc.sections[2].range, range(7, 1, 8, 18), "setext headings span two lines")
        XCTAssertEqual(doc.sections.map(\.endLine), [14, 5, 12, 12, 14])
        XCTAssertEqual(doc.sections[2].blocks.count, 0)
        XCTAssertEqual(doc.allBlocks(of: 2).map(\.text), ["Keep it small."])
        XCTAssertEqual(doc.descendants(of: 0), [1, 2, 3, 4])
        XCTAssertEqual(doc.firstSection(.recommendations)?.range.start, loc(10, 1))
        XCTAssertEqual(doc.sections(.intendedUse).count, 1)
        XCTAssertEqual(doc.firstSectionIndex(.trainingData), 4)
        XCTAssertEqual(doc.sectionIndex(containing: 12), 3)
        XCTAssertEqual(doc.sections[0].titleProse.map(\.text), ["Card ", "for"], "inline code is not prose")
        XCTAssertEqual(doc.sections[0].titleProse.map(\.location), [loc(3, 3), loc(3, 9)])
    }

    func testBoldParagraphPseudoHeadings() {
        let doc = MarkdownDocument.parse("""
        ## Model Details

        **Intended use**

        Text one.

        **Limitations:**
        Misreads sarcasm.
        Second line.

        __Training data__ :

        **Developed by:** Acme Lab

        **This is a long emphatic sentence that is clearly not meant as a heading.**

        **Stop.**
        """)
        XCTAssertEqual(doc.sections.map(\.title), ["Model Details", "Intended use", "Limitations:", "Training data"])
        XCTAssertEqual(doc.sections.map(\.key), [.modelDetails, .intendedUse, .limitations, .trainingData])
        XCTAssertEqual(doc.sections.map(\.level), [2, 7, 7, 7])
        XCTAssertEqual(doc.sections.map(\.style), [.atx, .boldParagraph, .boldParagraph, .boldParagraph])
        XCTAssertEqual(doc.sections.map(\.parent), [nil, 0, 0, 0])
        XCTAssertEqual(doc.sections[1].range, range(3, 1, 3, 16))
        XCTAssertEqual(doc.sections[2].range, range(7, 1, 7, 16))
        let rest = doc.sections[2].blocks.first
        XCTAssertEqual(rest?.text, "Misreads sarcasm.\nSecond line.")
        XCTAssertEqual(rest?.range, range(8, 1, 9, 12))
        XCTAssertEqual(rest?.prose.map(\.location), [loc(8, 1), loc(9, 1)])
        XCTAssertEqual(doc.sections[3].blocks.map(\.text), [
            "Developed by: Acme Lab",
            "This is a long emphatic sentence that is clearly not meant as a heading.",
            "Stop.",
        ], "label paragraphs and bold sentences stay content")
        XCTAssertTrue(doc.isSubstantive(sectionIndex: 0), "subsections count for the parent")
    }

    func testHeadingsInsideListsAndQuotesAreContent() {
        let doc = MarkdownDocument.parse("- **Uses**\n\n> ## Limitations\n")
        XCTAssertEqual(doc.sections.count, 0)
        XCTAssertEqual(doc.preamble.map(\.kind), [.list, .blockQuote])
    }

    func testCodeInlineCodeLinksImagesAndCommentsAreNotProse() {
        let doc = MarkdownDocument.parse("""
        # T

        Use `blacklist` here, see [the whitelist page](https://example.org/master-slave) and <https://auto.example/x>.
        Also www.bare.example and ![slave image](x.png) and ~~struck words~~ end.

        ```
        master slave in code
        ```

            indented code master

        <!-- master comment -->
        <div>inline html master</div>

        Text <!-- hidden slave --> after.
        """)
        let prose = doc.prose.map(\.text).joined(separator: "|")
        XCTAssertEqual(prose, "T|Use | here, see |the whitelist page| and |.|Also | and | and | end.|Text | after.")
        for forbidden in ["blacklist", "master", "slave", "https", "www", "struck"] {
            XCTAssertFalse(prose.contains(forbidden), forbidden)
        }
        let blocks = doc.sections[0].blocks
        XCTAssertEqual(blocks.map(\.kind), [.paragraph, .code(info: ""), .code(info: ""), .html, .html, .paragraph])
        XCTAssertEqual(blocks[0].text, """
        Use blacklist here, see the whitelist page and https://auto.example/x.
        Also www.bare.example and  and struck words end.
        """, "block text keeps inline code and URLs but not image alt text")
        XCTAssertEqual(blocks[1].text, "master slave in code\n")
        XCTAssertEqual(blocks[4].text, "inline html master")
        XCTAssertEqual(blocks[5].text, "Text  after.")
        XCTAssertEqual(doc.htmlComments.map(\.text), ["master comment", "hidden slave"])
        XCTAssertEqual(doc.htmlComments.map(\.range), [range(12, 1, 12, 23), range(15, 6, 15, 26)])
    }

    func testProseColumnsCountScalarsAndFixIndentedContinuations() {
        let doc = MarkdownDocument.parse("Café **naïve** text\n\n- item one\n  continued\n   indented more\n\n> quoted *em* end\n")
        let spans = doc.preamble.flatMap(\.prose)
        XCTAssertEqual(spans.map(\.text), ["Café ", "naïve", " text", "item one", "continued", "indented more",
                                           "quoted ", "em", " end"])
        XCTAssertEqual(spans.map(\.location), [loc(1, 1), loc(1, 8), loc(1, 15), loc(3, 3), loc(4, 3), loc(5, 4),
                                               loc(7, 3), loc(7, 11), loc(7, 14)])
        let span = spans[1]
        XCTAssertEqual(span.location(of: span.text.index(span.text.startIndex, offsetBy: 3)), loc(1, 11))
    }

    func testTables() throws {
        let doc = MarkdownDocument.parse("""
        ## Results

        | Metric | Value |
        |:-------|------:|
        | Accuracy | 0.91 |
        | F1 \\| macro | `0.88` |
        | é | **bold** |
        """)
        let block = try XCTUnwrap(doc.sections.first?.blocks.first)
        guard case let .table(table) = block.kind else { return XCTFail("expected a table, got \(block.kind)") }
        XCTAssertEqual(table.header, ["Metric", "Value"])
        XCTAssertEqual(table.rows, [["Accuracy", "0.91"], ["F1 | macro", "0.88"], ["é", "bold"]])
        XCTAssertEqual(table.rowLines, [5, 6, 7])
        XCTAssertEqual(table.range, range(3, 1, 7, 16))
        XCTAssertEqual(block.range, table.range)
        XCTAssertEqual(block.text, "Metric | Value\nAccuracy | 0.91\nF1 | macro | 0.88\né | bold")
        XCTAssertEqual(block.prose.map(\.location), [loc(3, 3), loc(3, 12), loc(5, 3), loc(5, 14), loc(6, 3),
                                                     loc(7, 3), loc(7, 9)])
    }

    func testHTMLCommentRanges() {
        let doc = MarkdownDocument.parse("""
        <!-- first
        spans lines -->

        > <!-- quoted -->

        ```html
        <!-- in code: not a comment -->
        ```

        Text <!-- a --> and <!-- b --> done.

        <!-- never closed
        still inside
        """)
        XCTAssertEqual(doc.htmlComments.map(\.text), ["first\nspans lines", "quoted", "a", "b", "never closed\nstill inside"])
        XCTAssertEqual(doc.htmlComments.map(\.range), [
            range(1, 1, 2, 15), range(4, 3, 4, 17), range(10, 6, 10, 15), range(10, 21, 10, 30), range(12, 1, 13, 12),
        ])
    }

    func testSubstantiveSections() {
        let doc = MarkdownDocument.parse("""
        ## Uses

        <!-- Describe who should use the model and how. -->

        ### Direct Use

        [More Information Needed]

        ## Evaluation

        ### Results

        | Metric | Value |
        |---|---|
        | accuracy | 0.9 |

        ## Training Data

        ```
        data/reviews.csv loaded with pandas
        ```

        ## Empty
        """)
        XCTAssertEqual(doc.sections.map(\.title), ["Uses", "Direct Use", "Evaluation", "Results", "Training Data", "Empty"])
        XCTAssertEqual(doc.sections.indices.map { doc.isSubstantive(sectionIndex: $0) },
                       [false, false, true, true, true, false])
        XCTAssertFalse(doc.isSubstantive(sectionIndex: 99))
        XCTAssertEqual(doc.text(ofSection: 0), "[More Information Needed]")
    }

    func testFrontMatterIsParsedAndKeepsLineNumbers() throws {
        let doc = MarkdownDocument.parse("---\nlicense: mit\ntags: [a, b]\n---\n# Title\n\ntext\n")
        let frontMatter = try XCTUnwrap(doc.frontMatter)
        XCTAssertNil(frontMatter.problem)
        XCTAssertEqual(frontMatter.range, range(1, 1, 4, 3))
        XCTAssertEqual(frontMatter.root?["license"]?.string, "mit")
        XCTAssertEqual(frontMatter.root?["license"]?.location, loc(2, 10))
        XCTAssertEqual(frontMatter.root?["tags"]?.strings, ["a", "b"])
        XCTAssertEqual(doc.sections.first?.range, range(5, 1, 5, 7))
        XCTAssertEqual(doc.sections.first?.blocks.first?.range.start, loc(7, 1))
        XCTAssertTrue(doc.preamble.isEmpty, "the front matter is not a thematic break plus a heading")

        let dots = MarkdownDocument.parse("---\r\na: 1\r\n...\r\nBody\r\n")
        XCTAssertEqual(dots.frontMatter?.root?["a"]?.int, 1)
        XCTAssertEqual(dots.frontMatter?.range, range(1, 1, 3, 3))
        XCTAssertEqual(dots.preamble.first?.range.start, loc(4, 1))
        XCTAssertNil(MarkdownDocument.parse("\n---\na: 1\n---\n").frontMatter, "only on the first line")
    }

    func testMalformedFrontMatterIsAProblemAndTheBodyIsStillRead() throws {
        let malformed = MarkdownDocument.parse("---\nkey: [unclosed\n---\n# Title\n")
        let problem = try XCTUnwrap(malformed.frontMatter?.problem)
        XCTAssertEqual(problem.kind, .yaml)
        XCTAssertEqual(problem.location, loc(3, 1))
        XCTAssertNil(malformed.frontMatter?.root)
        XCTAssertEqual(malformed.sections.map(\.title), ["Title"])

        let unclosed = MarkdownDocument.parse("---\nkey: value\n# Title\n")
        XCTAssertEqual(unclosed.frontMatter?.problem?.kind, .frontMatter)
        XCTAssertEqual(unclosed.frontMatter?.problem?.location, loc(1, 1))
        XCTAssertEqual(unclosed.sections.map(\.title), ["Title"])

        let bomb = MarkdownDocument.parse("---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n")
        XCTAssertEqual(bomb.frontMatter?.problem?.kind, .aliasExpansion)
        XCTAssertEqual(bomb.frontMatter?.problem?.location.line, 6)
    }

    func testLinesAndLineCount() {
        let doc = MarkdownDocument.parse("\u{FEFF}# A\r\nb\rc\n")
        XCTAssertEqual(doc.lineCount, 3)
        XCTAssertEqual([doc.line(0), doc.line(1), doc.line(2), doc.line(3), doc.line(4)], ["", "# A", "b", "c", ""])
        XCTAssertEqual(doc.sections.first?.range.start, loc(1, 1), "a byte-order mark takes no column")
        XCTAssertEqual(MarkdownDocument.parse("").lineCount, 0)
        XCTAssertEqual(MarkdownDocument.parse("a\nb").lineCount, 2)
    }

    func testOversizeTablesAreReadAsTextWithAProblem() {
        let wide = "|" + String(repeating: " a |", count: 1001) + "\n|" + String(repeating: "---|", count: 1001) + "\n| x |\n"
        let wideDocument = MarkdownDocument.parse(wide)
        XCTAssertEqual(wideDocument.problems.map(\.kind), [.tooLarge])
        XCTAssertEqual(wideDocument.problems.first?.location, loc(1, 1))
        XCTAssertFalse(wideDocument.preamble.contains { if case .table = $0.kind { return true } else { return false } })
        XCTAssertEqual(wideDocument.lineCount, 3)

        let tall = "# T\n\n| a | b | c | d | e | f | g | h | i | j |\n|-|-|-|-|-|-|-|-|-|-|\n"
            + String(repeating: "x\n", count: 10_000)
        let tallDocument = MarkdownDocument.parse(tall)
        XCTAssertEqual(tallDocument.problems.first?.location, loc(3, 1))
        XCTAssertEqual(tallDocument.sections.first?.blocks.first?.kind, .paragraph)

        let fine = MarkdownDocument.parse("| a | b |\n|---|---|\n| 1 | 2 |\n")
        XCTAssertEqual(fine.problems, [])
        XCTAssertEqual(fine.preamble.count, 1)
    }

    /// The body is parsed on first use; threads that ask at once all get the one parse, equal to
    /// a document parsed and read on one thread.
    func testBodyParsedOnFirstUseIsTheSameOnEveryThread() {
        let text = "---\nlicense: mit\n---\n# Card\n\n<!-- aimslint-disable MC-008 reason=\"x\" -->\n## Uses\n\nText.\n\n## Limits\n\n- a\n"
        let reference = MarkdownDocument.parse(text)
        let titles = reference.sections.map(\.title)
        XCTAssertEqual(titles, ["Card", "Uses", "Limits"])
        XCTAssertEqual(reference.htmlComments.count, 1)
        XCTAssertTrue(reference.textContains("aimslint-disable"))
        XCTAssertFalse(reference.textContains("aimslint-enable"))
        for _ in 0..<20 {
            let shared = MarkdownDocument.parse(text)
            XCTAssertEqual(shared.frontMatter?.root?["license"]?.string, "mit", "front matter is read without the body")
            nonisolated(unsafe) let seen = UnsafeMutableBufferPointer<[String]>.allocate(capacity: 8)
            seen.initialize(repeating: [])
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                seen[index] = shared.sections.map(\.title) + shared.htmlComments.map(\.text)
            }
            for index in 0..<8 { XCTAssertEqual(seen[index], titles + reference.htmlComments.map(\.text)) }
            seen.deallocate()
        }
    }
}
