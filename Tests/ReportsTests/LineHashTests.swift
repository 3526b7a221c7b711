import Reports
import XCTest

/// `primaryLocationLineHash` must equal what GitHub's upload action computes. The expected values
/// are the published test vectors of that action's fingerprinting (inputs and outputs only).
final class LineHashTests: XCTestCase {
    private func hashes(_ text: String) -> [String] {
        let table = LineHash.hashes(of: text)
        return (1...table.count).map { table[$0] ?? "missing" }
    }

    func testEmptyFileHasOneLine() {
        XCTAssertEqual(hashes(""), ["c129715d7a2bc9a3:1"])
    }

    func testSpacesAndTabsAreIgnored() {
        XCTAssertEqual(hashes(" a\nb\n  \t\tc\n d"),
                       ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"])
    }

    func testEveryLineEndingHashesTheSame() {
        let expected = ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                        "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]
        XCTAssertEqual(hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"), expected)
        XCTAssertEqual(hashes(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r"), expected)
        XCTAssertEqual(hashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"), expected)
        XCTAssertEqual(hashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"), expected)
    }

    func testNoFinalNewline() {
        XCTAssertEqual(hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
                       ["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
                        "b86d3392aea1be30:1", "e6ceba753e1a442:1"])
    }

    func testIdenticalBlocksAreCounted() {
        XCTAssertEqual(hashes(String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10)),
                       ["a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                        "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                        "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"])
    }

    /// Inserting lines above keeps a line's hash (it depends on the text from the line on), and
    /// changing a later line within 100 characters changes it — as on GitHub.
    func testHashFollowsContentNotLineNumbers() throws {
        let text = "# Card\n\n## Uses\nFIXME describe\nMore text.\n"
        let moved = "# Card\n\nA new paragraph.\nAnd another.\n## Uses\nFIXME describe\nMore text.\n"
        let edited = "# Card\n\n## Uses\nFIXME describe\nOther text.\n"
        let original = try XCTUnwrap(LineHash.hash(of: text, line: 4))
        XCTAssertEqual(LineHash.hash(of: moved, line: 6), original)
        XCTAssertNotEqual(LineHash.hash(of: edited, line: 4), original)
    }

    /// JavaScript reads UTF-16 code units: a character outside the BMP is two of them.
    func testAstralCharactersCountAsTwoUnits() {
        XCTAssertNotEqual(LineHash.hash(of: "a😀b\n", line: 1), LineHash.hash(of: "a\u{FFFD}b\n", line: 1))
        XCTAssertEqual(LineHash.hashes(of: "é\n").count, 2)
    }
}
