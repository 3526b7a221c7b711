import Catalog
import Foundation
import XCTest

final class StageTests: XCTestCase {
    func testStagesAreInTheOrderOf22989() {
        XCTAssertEqual(LifecycleStage.allCases.map(\.rawValue), [
            "inception", "design-and-development", "verification-and-validation", "deployment",
            "operation-and-monitoring", "continuous-validation", "re-evaluation", "retirement",
        ])
        XCTAssertEqual(LifecycleStage.allCases.map(\.order), Array(0...7))
        XCTAssertEqual(LifecycleStage.allCases.sorted(), LifecycleStage.allCases)
        XCTAssertLessThan(LifecycleStage.inception, .designAndDevelopment)
        XCTAssertGreaterThan(LifecycleStage.retirement, .reEvaluation)
    }

    func testTitlesAndClauses() {
        XCTAssertEqual(LifecycleStage.verificationAndValidation.title, "Verification and validation")
        XCTAssertEqual(LifecycleStage.reEvaluation.title, "Re-evaluation")
        XCTAssertEqual(LifecycleStage.allCases.map(\.clause),
                       ["6.2.2", "6.2.3", "6.2.4", "6.2.5", "6.2.6", "6.2.7", "6.2.8", "6.2.9"])
        XCTAssertEqual(LifecycleStage.allCases.filter(\.clauseIsInferred), [.designAndDevelopment])
        XCTAssertEqual(LifecycleStage.allCases.filter(\.requiresContinuousLearning), [.continuousValidation])
        XCTAssertEqual(LifecycleStage.deployment.tag, "iso22989/deployment")
    }

    func testParseAcceptsTheWaysPeopleWriteAStage() {
        XCTAssertEqual(LifecycleStage.parse("design-and-development"), .designAndDevelopment)
        XCTAssertEqual(LifecycleStage.parse("Design and development"), .designAndDevelopment)
        XCTAssertEqual(LifecycleStage.parse("design_and_development"), .designAndDevelopment)
        XCTAssertEqual(LifecycleStage.parse("DESIGN-AND-DEVELOPMENT"), .designAndDevelopment)
        XCTAssertEqual(LifecycleStage.parse("designAndDevelopment"), .designAndDevelopment)
        XCTAssertEqual(LifecycleStage.parse("  Verification & validation "), .verificationAndValidation)
        XCTAssertEqual(LifecycleStage.parse("Re-evaluation"), .reEvaluation)
        XCTAssertEqual(LifecycleStage.parse("re evaluation"), .reEvaluation)
        XCTAssertEqual(LifecycleStage.parse("operation_and_monitoring"), .operationAndMonitoring)
        for stage in LifecycleStage.allCases {
            XCTAssertEqual(LifecycleStage.parse(stage.rawValue), stage)
            XCTAssertEqual(LifecycleStage.parse(stage.title), stage)
        }
    }

    func testParseRejectsWhatIsNotAStage() {
        XCTAssertNil(LifecycleStage.parse(""))
        XCTAssertNil(LifecycleStage.parse("---"))
        XCTAssertNil(LifecycleStage.parse("design"))
        XCTAssertNil(LifecycleStage.parse("go-live"))
        XCTAssertNil(LifecycleStage.parse("verification"))
    }

    func testCodableUsesTheSlug() throws {
        let data = try JSONEncoder().encode([LifecycleStage.reEvaluation])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["re-evaluation"]"#)
        XCTAssertEqual(try JSONDecoder().decode([LifecycleStage].self, from: data), [.reEvaluation])
    }
}
