import Foundation
import XCTest
@testable import Documents

final class TextDecoderTests: XCTestCase {
    private func problem(_ bytes: [UInt8]) -> ParseProblem? {
        if case let .failure(problem) = TextDecoder.decode(Data(bytes)) { return problem }
        return nil
    }

    func testDecodesUTF8AndKeepsLineEndings() throws {
        let text = try TextDecoder.decode(Data("# Título\r\nline\n".utf8)).get()
        XCTAssertEqual(text, "# Título\r\nline\n")
    }

    func testStripsByteOrderMark() throws {
        let text = try TextDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("a: 1".utf8))).get()
        XCTAssertEqual(text, "a: 1")
        XCTAssertEqual(text.unicodeScalars.first, "a")
    }

    func testRejectsFilesOverTheLimitAtStart() {
        let oversize = problem([UInt8](repeating: 0x61, count: DocumentLimits.maxBytes + 1))
        XCTAssertEqual(oversize?.kind, .tooLarge)
        XCTAssertEqual(oversize?.location, SourceLocation(line: 1, column: 1))
        XCTAssertNil(problem([UInt8](repeating: 0x61, count: DocumentLimits.maxBytes)))
    }

    func testNULInTheFirst8000BytesIsBinary() {
        let binary = problem(Array("abc".utf8) + [0] + Array("def".utf8))
        XCTAssertEqual(binary?.kind, .binary)
        XCTAssertEqual(binary?.location, SourceLocation(line: 1, column: 1))
        // A NUL past the sniffing window is (valid) text.
        XCTAssertNil(problem([UInt8](repeating: 0x61, count: 8000) + [0]))
    }

    func testInvalidUTF8ReportsLineAndScalarColumnOfFirstBadByte() {
        // line 2 is: a b é c <0xFF>  -> the bad byte is the 5th character
        let bad = problem(Array("ok\nab".utf8) + [0xC3, 0xA9] + Array("c".utf8) + [0xFF, 0x61])
        XCTAssertEqual(bad?.kind, .invalidUTF8)
        XCTAssertEqual(bad?.location, SourceLocation(line: 2, column: 5))
        XCTAssertEqual(bad?.message.contains("0xFF"), true)
    }

    func testCRLFIsOneLineBreakAndLoneCRIsOne() {
        XCTAssertEqual(problem(Array("a\r\nb\r\n".utf8) + [0xFE])?.location, SourceLocation(line: 3, column: 1))
        XCTAssertEqual(problem(Array("a\rb".utf8) + [0xFE])?.location, SourceLocation(line: 2, column: 2))
    }

    func testIllFormedSequences() {
        XCTAssertEqual(problem([0x61, 0xE2, 0x82])?.location, SourceLocation(line: 1, column: 2), "truncated")
        XCTAssertEqual(problem([0xC0, 0xAF])?.kind, .invalidUTF8, "overlong")
        XCTAssertEqual(problem([0xED, 0xA0, 0x80])?.kind, .invalidUTF8, "surrogate")
        XCTAssertEqual(problem([0xF4, 0x90, 0x80, 0x80])?.kind, .invalidUTF8, "past U+10FFFF")
        XCTAssertNil(problem([0xF0, 0x9F, 0x98, 0x80]), "emoji is fine")
    }

    func testUTF16IsRejectedWithAHint() {
        let utf16 = problem([0xFF, 0xFE, 0x61, 0x00])
        XCTAssertEqual(utf16?.kind, .invalidUTF8)
        XCTAssertEqual(utf16?.location, SourceLocation(line: 1, column: 1))
        XCTAssertEqual(utf16?.message.contains("UTF-16"), true)
    }

    func testLFSPointerDetection() {
        let pointer = """
        version https://git-lfs.github.com/spec/v1
        oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
        size 12345

        """
        XCTAssertTrue(LFSPointer.isPointer(Data(pointer.utf8)))
        XCTAssertTrue(LFSPointer.isPointer(Data(pointer.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        XCTAssertFalse(LFSPointer.isPointer(Data(("# Model card\n" + pointer).utf8)), "must be the first line")
        XCTAssertFalse(LFSPointer.isPointer(Data((pointer + String(repeating: "x", count: 2000)).utf8)), "too big")
        XCTAssertFalse(LFSPointer.isPointer(Data("version https://git-lfs.github.com/spec/v1\n".utf8)), "needs oid")
        XCTAssertFalse(LFSPointer.isPointer(Data()))
        XCTAssertTrue(LFSPointer.isPointer(Data(("\n\n  " + pointer).utf8)), "blank lines and spaces before the version line")
        XCTAssertTrue(LFSPointer.isPointer(Data(("\u{00A0}" + pointer).utf8)), "a non-ASCII space is trimmed too")
        XCTAssertFalse(LFSPointer.isPointer(Data(("x" + pointer).utf8)))
        if case let .failure(problem) = TextDecoder.decodeArtifact(Data(pointer.utf8)) {
            XCTAssertEqual(problem.kind, .lfsPointer)
            XCTAssertEqual(problem.location, SourceLocation(line: 1, column: 1))
        } else {
            XCTFail("an LFS pointer must not decode as an artifact")
        }
    }

    func testLineIndexColumnsCountScalars() {
        let index = LineIndex("añb\r\nxé")
        XCTAssertEqual(index.lineCount, 2)
        XCTAssertEqual(index.scalarColumn(line: 1, byteColumn: 4), 3, "b is byte 4, scalar 3")
        XCTAssertEqual(index.scalarColumn(line: 1, byteColumn: 3), 2, "inside ñ reports ñ")
        XCTAssertEqual(index.location(ofByteOffset: 7), SourceLocation(line: 2, column: 2))
        XCTAssertEqual(index.text(ofLine: 1), "añb")
        XCTAssertEqual(LineIndex("a\nb\n").lineCount, 2)
        XCTAssertEqual(LineIndex("").lineCount, 0)
    }
}
