import Foundation
import XCTest
@testable import Documents

/// Found by `fuzz-config` (Fuzz/): libyaml ends lines at NEL, LINE SEPARATOR and PARAGRAPH
/// SEPARATOR too, so every location after one of them pointed one line too far down — for the
/// fuzzer's input, at line 7 of a 5-line file. Locations now count lines as `LineIndex` does
/// (the end of a text without a final line break stays, as before, on the line after the last).
final class RegressionYAMLLineBreakTests: XCTestCase {
    private func problem(_ text: String, lineOffset: Int = 0) -> ParseProblem? {
        if case let .failure(problem) = YAMLDocument.parse(text, lineOffset: lineOffset) { return problem }
        return nil
    }

    /// The input the fuzzer saved (crash-cf33f592…), byte for byte.
    func testFuzzerInputPointsInsideTheFile() throws {
        let bytes: [UInt8] = Array("#ve*,sion...........on: 0\n[[[[elR lkm/fixep..........version:km/ftage: deploym\nte  sion:z 0epolym\nte^ sion".utf8)
            + [0xC2, 0x85] + Array(" 0\n_o".utf8)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(LineIndex(text).lineCount, 5)
        let found = try XCTUnwrap(problem(text))
        XCTAssertEqual(found.location, SourceLocation(line: 6, column: 1))
        XCTAssertEqual(problem(String(decoding: bytes.filter { $0 != 0xC2 && $0 != 0x85 }, as: UTF8.self))?.location,
                       SourceLocation(line: 6, column: 1), "the same text without the NEL")
        XCTAssertEqual(found.message, "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2)")
    }

    /// The second input, from `fuzz-yaml` (crash-5de52602…): two NELs inside a flow mapping made
    /// libyaml report line 3 of a one-line file.
    func testSecondFuzzerInputPointsInsideTheFile() throws {
        let bytes: [UInt8] = [0x7B, 0x61, 0x61, 0x20, 0xC2, 0x85, 0x26, 0xC2, 0x85, 0x26, 0x65, 0x6B, 0x2A, 0x3A, 0x32, 0x32, 0x27, 0x5B]
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(LineIndex(text).lineCount, 1)
        let found = try XCTUnwrap(problem(text))
        XCTAssertEqual(found.location.line, 1, found.description)
        XCTAssertEqual(found.location.column, 16, "the `[` after the plain scalar `22'`: \(found)")
    }

    func testEveryYAMLOnlyLineBreakKeepsLinesAndColumns() throws {
        for separator in ["\u{85}", "\u{2028}", "\u{2029}"] {
            // libyaml sees "b: [x" as line 2; the file has it on line 1, after column 5.
            let found = try XCTUnwrap(problem("a: 1\(separator)b: [x\n"), separator.debugDescription)
            XCTAssertEqual(found.location, SourceLocation(line: 2, column: 1), separator.debugDescription)

            let root = try XCTUnwrap(try YAMLDocument.parse("k: v\nx: 1\(separator)  \ny: [a, b]\n").get())
            XCTAssertEqual(root["y"]?.location, SourceLocation(line: 3, column: 4), separator.debugDescription)
            XCTAssertEqual(root["x"]?.location, SourceLocation(line: 2, column: 4))
        }
    }

    func testFrontMatterOffsetStillApplies() throws {
        let found = try XCTUnwrap(problem("a: 1\u{2028}b: [x\n", lineOffset: 1))
        XCTAssertEqual(found.location, SourceLocation(line: 3, column: 1))
        let card = MarkdownDocument.parse("---\nlicense: mit\u{85}\ntags: [a\n---\n# A\n")
        XCTAssertEqual(card.frontMatter?.problem?.location.line, 4)
    }

    func testTextsWithoutThemAreUnchanged() throws {
        let found = try XCTUnwrap(problem("a: 1\r\nb: [x\r\n"))
        XCTAssertEqual(found.location, SourceLocation(line: 3, column: 1))
        let lone = try XCTUnwrap(problem("a: 1\rb: [x\r"))
        XCTAssertEqual(lone.location, SourceLocation(line: 3, column: 1))
    }
}
