import Foundation
import XCTest
@testable import Documents

final class YAMLDocumentTests: XCTestCase {
    private func parse(_ text: String, lineOffset: Int = 0, file: StaticString = #filePath,
                       line: UInt = #line) throws -> YAMLNode {
        let root = try YAMLDocument.parse(text, lineOffset: lineOffset).get()
        return try XCTUnwrap(root, file: file, line: line)
    }

    private func problem(_ text: String, lineOffset: Int = 0) -> ParseProblem? {
        if case let .failure(problem) = YAMLDocument.parse(text, lineOffset: lineOffset) { return problem }
        return nil
    }

    func testOnlyTrueAndFalseAreBooleans() throws {
        let root = try parse("""
        a: true
        b: False
        c: TRUE
        d: yes
        e: no
        f: on
        g: off
        h: 'true'
        i: "false"
        """)
        XCTAssertEqual(root["a"]?.bool, true)
        XCTAssertEqual(root["b"]?.bool, false)
        XCTAssertEqual(root["c"]?.bool, true)
        for key in ["d", "e", "f", "g"] {
            XCTAssertNil(root[key]?.bool, key)
        }
        XCTAssertEqual(root["d"]?.value, .string("yes"))
        XCTAssertEqual(root["e"]?.value, .string("no"))
        XCTAssertEqual(root["g"]?.value, .string("off"))
        XCTAssertEqual(root["h"]?.value, .string("true"), "quoted scalars are strings")
        XCTAssertEqual(root["i"]?.value, .string("false"))
    }

    func testNumbersNullsAndTextAsWritten() throws {
        let root = try parse("""
        version: 1.10
        count: 42
        hex: 0x1F
        date: 2023-01-05
        tilde: ~
        empty:
        tagged: !!str 12
        negative: -3
        exp: 1e3
        """)
        XCTAssertEqual(root["version"]?.value, .double(1.1))
        XCTAssertEqual(root["version"]?.string, "1.10", "numbers read back as written")
        XCTAssertEqual(root["count"]?.int, 42)
        XCTAssertEqual(root["hex"]?.int, 31)
        XCTAssertEqual(root["hex"]?.string, "0x1F")
        XCTAssertEqual(root["date"]?.value, .string("2023-01-05"))
        XCTAssertEqual(root["tilde"]?.isNull, true)
        XCTAssertEqual(root["empty"]?.isNull, true)
        XCTAssertNil(root["empty"]?.string)
        XCTAssertEqual(root["tagged"]?.value, .string("12"))
        XCTAssertEqual(root["negative"]?.int, -3)
        XCTAssertEqual(root["exp"]?.double, 1000)
        XCTAssertNil(root["missing"])
    }

    func testLocationsShiftByLineOffset() throws {
        let root = try parse("a: 1\nlist:\n  - x\n  - \"y\"\n", lineOffset: 1)
        XCTAssertEqual(root.location, SourceLocation(line: 2, column: 1))
        XCTAssertEqual(root["a"]?.location, SourceLocation(line: 2, column: 4))
        XCTAssertEqual(root.pair(forKey: "list")?.key.location, SourceLocation(line: 3, column: 1))
        XCTAssertEqual(root["list"]?.array?.map(\.location),
                       [SourceLocation(line: 4, column: 5), SourceLocation(line: 5, column: 5)])
        XCTAssertEqual(root["list"]?.strings, ["x", "y"])
        XCTAssertEqual(root["a"]?.strings, ["1"])
    }

    func testColumnsCountScalars() throws {
        let root = try parse("name: \"Café\"\nnext: ñ")
        XCTAssertEqual(root["next"]?.location, SourceLocation(line: 2, column: 7))
        let flow = try parse("k: [é, x]")
        XCTAssertEqual(flow["k"]?.array?.last?.location, SourceLocation(line: 1, column: 8))
    }

    func testSyntaxErrorHasLocationShiftedByOffset() {
        let unclosed = problem("key: [unclosed\nother: 1\n", lineOffset: 1)
        XCTAssertEqual(unclosed?.kind, .yaml)
        XCTAssertEqual(unclosed?.location, SourceLocation(line: 3, column: 6), unclosed?.message ?? "")
        let badIndent = problem("a:\n  b: 1\n c: 2\n")
        XCTAssertEqual(badIndent?.kind, .yaml)
        XCTAssertEqual(badIndent?.location, SourceLocation(line: 3, column: 2))
    }

    func testUnreadableCharactersAreLocated() {
        let control = problem("a: 1\nb: x\u{1}y\n", lineOffset: 2)
        XCTAssertEqual(control?.kind, .yaml)
        XCTAssertEqual(control?.location, SourceLocation(line: 4, column: 5))
    }

    func testDuplicateKeysAndSeveralDocumentsAreProblems() {
        XCTAssertEqual(problem("a: 1\nb: 2\na: 3\n")?.kind, .yaml)
        XCTAssertEqual(problem("a: 1\n---\nb: 2\n")?.kind, .yaml)
    }

    func testEmptyDocumentIsNil() throws {
        XCTAssertNil(try YAMLDocument.parse("").get())
        XCTAssertNil(try YAMLDocument.parse("# only a comment\n").get())
    }

    func testAliasesExpandWithTheAliasLocation() throws {
        let root = try parse("base: &b {x: 1, y: [a, b]}\nuse: *b\nname: &n hello\nagain: *n\n")
        XCTAssertEqual(root["use"]?["x"]?.int, 1)
        XCTAssertEqual(root["use"]?["y"]?.strings, ["a", "b"])
        XCTAssertEqual(root["use"]?.location, SourceLocation(line: 2, column: 6))
        XCTAssertEqual(root["again"]?.string, "hello")
        XCTAssertEqual(root["again"]?.location, SourceLocation(line: 4, column: 8))
    }

    func testStarsThatAreNotAliasesSurviveUnchanged() throws {
        let root = try parse("note: 2*3 and *emph*\nstars: '**bold** *x'\nblock: |\n  *item\n")
        XCTAssertEqual(root["note"]?.string, "2*3 and *emph*")
        XCTAssertEqual(root["stars"]?.string, "**bold** *x")
        XCTAssertEqual(root["block"]?.string, "*item\n")
    }

    func testUndefinedAliasIsAProblem() {
        let undefined = problem("a: *nowhere\n")
        XCTAssertEqual(undefined?.kind, .yaml)
        XCTAssertEqual(undefined?.location, SourceLocation(line: 1, column: 4))
    }

    func testBillionLaughsIsBoundedAliasExpansion() {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1..<40 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let bomb = problem(lines.joined(separator: "\n"))
        XCTAssertEqual(bomb?.kind, .aliasExpansion)
        XCTAssertEqual(bomb?.location.line, 5, "10 + 100 + 1000 + 10000 + 100000 nodes: the fifth line tips it")
    }

    func testAliasedKeysCannotBlowUpDuplicateDetection() {
        // Yams would hash each aliased key in full (2^59 leaves); shielded, it is a budget problem.
        var lines = ["a0: &a0 [x, x]"]
        for level in 1..<60 { lines.append("a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]") }
        lines.append("? *a59\n: 1\n? *a58\n: 2")
        XCTAssertEqual(problem(lines.joined(separator: "\n"))?.kind, .aliasExpansion)
    }

    func testNestingDeeperThanTheLimitIsTooDeep() throws {
        let limit = DocumentLimits.maxNestingDepth
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        XCTAssertNoThrow(try YAMLDocument.parse(atLimit).get())
        let over = problem(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1))
        XCTAssertEqual(over?.kind, .tooDeep)
        XCTAssertEqual(over?.location, SourceLocation(line: 1, column: limit + 1))

        let block = (0..<200).map { String(repeating: "  ", count: $0) + "k:" }.joined(separator: "\n") + " v\n"
        let deepBlock = problem(block)
        XCTAssertEqual(deepBlock?.kind, .tooDeep)
        XCTAssertEqual(deepBlock?.location, SourceLocation(line: 129, column: 257))
    }

    func testAliasThatWouldNestTooDeepIsTooDeep() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let text = "a: &d \(deep)\nb: " + String(repeating: "[", count: 40) + "*d" + String(repeating: "]", count: 40)
        XCTAssertEqual(problem(text)?.kind, .tooDeep)
    }

    func testHostileNestingIsAProblemNotACrash() {
        XCTAssertEqual(problem(String(repeating: "[", count: 100_000))?.kind, .tooDeep)
        XCTAssertEqual(problem(String(repeating: "{a: ", count: 2000))?.kind, .tooDeep)
        XCTAssertEqual(problem(String(repeating: "- ", count: 5000) + "x")?.kind, .tooDeep)
    }

    func testNestingBoundNeverUnderestimates() {
        XCTAssertLessThanOrEqual(YAMLStackGuard.nestingBound("a: 1\nb: [x, y]\n"), YAMLStackGuard.inlineLimit)
        XCTAssertGreaterThan(YAMLStackGuard.nestingBound(String(repeating: "- ", count: 200)), 200)
        XCTAssertGreaterThan(YAMLStackGuard.nestingBound(String(repeating: "[", count: 90)), 180)
    }
}
