import Lint
import XCTest

final class GlobTests: XCTestCase {
    func testDoubleStarCrossesFolders() {
        let glob = Glob("vendor/**")
        XCTAssertTrue(glob.matches("vendor/a.md"))
        XCTAssertTrue(glob.matches("vendor/x/y/MODEL_CARD.md"))
        XCTAssertFalse(glob.matches("src/vendor/a.md"))
        XCTAssertTrue(Glob("**/fixtures/**").matches("a/b/fixtures/c/d.md"))
        XCTAssertTrue(Glob("**/fixtures/**").matches("fixtures/d.md"))
    }

    func testSingleStarStaysInOneComponent() {
        XCTAssertTrue(Glob("models/*/MODEL_CARD.md").matches("models/a/MODEL_CARD.md"))
        XCTAssertFalse(Glob("models/*/MODEL_CARD.md").matches("models/a/b/MODEL_CARD.md"))
    }

    func testPatternWithoutSlashMatchesNameAnywhere() {
        XCTAssertTrue(Glob("*.tmp.md").matches("deep/folder/x.tmp.md"))
        XCTAssertFalse(Glob("*.tmp.md").matches("deep/folder/x.md"))
    }

    func testClassesAndQuestionMark() {
        XCTAssertTrue(Glob("v[0-9]/?.md").matches("v3/a.md"))
        XCTAssertFalse(Glob("v[0-9]/?.md").matches("vx/a.md"))
        XCTAssertTrue(Glob("v[!0-9]/a.md").matches("vx/a.md"))
    }
}
