import Foundation
import Lint
import XCTest

/// The repository's own .aims/ is the reference example of the format: it must stay valid.
final class ProjectPolicyTests: XCTestCase {
    private var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func testOwnConfigDecodesWithoutProblems() throws {
        let text = try String(contentsOf: root.appendingPathComponent(".aims/config.yml"), encoding: .utf8)
        let policy = PolicyDecoder.decode(text, knownRuleIDs: ["TERM-001"])
        XCTAssertEqual(policy.problems, [])
        XCTAssertTrue(policy.isExcluded("fixtures/demo/01-sentiment-card/models/sentiment/MODEL_CARD.md"))
        XCTAssertEqual(policy.ruleSettings["TERM-001"], .level(.note))
        XCTAssertEqual(policy.failOn, .error)
    }

    func testOwnWaiversDecodeWithoutProblems() throws {
        let text = try String(contentsOf: root.appendingPathComponent(".aims/waivers.yml"), encoding: .utf8)
        let decoded = WaiverDecoder.decode(text, knownRuleIDs: ["MC-003"])
        XCTAssertEqual(decoded.problems, [])
        XCTAssertEqual(decoded.waivers, [])
    }
}
