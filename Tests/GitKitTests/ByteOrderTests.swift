import GitKit
import XCTest

/// `precedesInByteOrder` (a `memcmp` over contiguous UTF-8) orders paths exactly as the UTF-8
/// bytes compare, which is git's order; Swift's `<` does not for non-ASCII names.
final class ByteOrderTests: XCTestCase {
    func testByteOrderIsTheOrderOfTheUTF8Bytes() {
        let long = String(repeating: "models/segment/", count: 4)
        let paths = ["", "a", "a/b", "a.b", "a-b", "a0", "A", "ab", "a/", "é", "e\u{301}", "z", "Z", "😀", "\u{FFFD}",
                     long, long + "a", long + "b", long + "é", "models/churn/MODEL_CARD.md", "models/churn-v2/MODEL_CARD.md",
                     "models/churn/model_card.md", "ﬁle", "file"]
        var compared = 0
        for left in paths {
            for right in paths {
                XCTAssertEqual(left.precedesInByteOrder(right), Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)),
                               "\(left) vs \(right)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, paths.count * paths.count)
        XCTAssertTrue("a.b".precedesInByteOrder("a/b"), "'.' is 0x2E, '/' is 0x2F")
        XCTAssertTrue("Z".precedesInByteOrder("a"))
        XCTAssertFalse("a".precedesInByteOrder("a"))
        // A bridged string (no contiguous UTF-8) takes the element-by-element path.
        let bridged = NSString(string: "models/é/card.md") as String
        XCTAssertEqual(bridged.precedesInByteOrder("models/z"), Array(bridged.utf8).lexicographicallyPrecedes(Array("models/z".utf8)))
    }
}
