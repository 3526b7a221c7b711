import Foundation
import Lint
import XCTest

/// Regressions found by the fault suite (SPEC §8: no hang on any input).
final class RegressionGlobTests: XCTestCase {
    /// `paths.exclude` patterns with many `**` used to be matched by trying every split
    /// recursively: `**/a/**/a/…/b` against a 40-folder-deep path ran for minutes (a config
    /// could hang every `check`). The matcher is now linear in pattern × path length.
    func testManyDoubleStarsOnADeepPathFinishQuickly() {
        let pattern = Glob(Array(repeating: "**/a", count: 12).joined(separator: "/") + "/**/b")
        let deep = Array(repeating: "a", count: 60).joined(separator: "/")
        let started = Date()
        XCTAssertFalse(pattern.matches(deep + "/f.txt"))
        XCTAssertTrue(pattern.matches(deep + "/b"))
        XCTAssertFalse(Glob("**/**/**/**/**/**/**/**/**/**/**/**/x").matches(deep + "/y"))
        XCTAssertTrue(Glob("**/**/**/**/**/**/**/**/**/**/**/**/x").matches(deep + "/x"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }

    /// The matcher's meaning is unchanged: `**` is zero or more folders, anywhere in the pattern.
    func testDoubleStarSemanticsAreKept() {
        XCTAssertTrue(Glob("**").matches("a/b/c"))
        XCTAssertTrue(Glob("a/**").matches("a"))
        XCTAssertTrue(Glob("a/**/b").matches("a/b"))
        XCTAssertTrue(Glob("a/**/b").matches("a/x/y/b"))
        XCTAssertFalse(Glob("a/**/b").matches("a/x/y/c"))
        XCTAssertTrue(Glob("**/b/**").matches("b"))
        XCTAssertTrue(Glob("**/b/**").matches("x/b/y"))
        XCTAssertFalse(Glob("a/*/b").matches("a/b"))
        XCTAssertTrue(Glob("/vendor/**").matches("vendor/x.md"))
        XCTAssertFalse(Glob("vendor/**/x.md").matches("other/vendor/x.md"))
    }
}
