import Catalog
import Lint
import XCTest

final class PolicyDecoderTests: XCTestCase {
    let known: Set<String> = ["MC-001", "MC-005", "TERM-001"]

    func testValidConfigDecodes() {
        let policy = PolicyDecoder.decode("""
            version: 1
            systems:
              - id: sentiment
                root: models/sentiment/
                stage: deployment
                risk: high
                continuous_learning: true
                owner: "@ml"
                artifacts:
                  monitoring-plan: ops/monitoring/sentiment.md
            datasets:
              - id: reviews
                root: data/reviews
            rules:
              MC-005: { level: warning }
              TERM-001: off
            paths:
              exclude: ["vendor/**"]
            fail_on: warning
            review_period_days: 90
            terms: [churn]
            """, knownRuleIDs: known)
        XCTAssertEqual(policy.problems, [])
        XCTAssertEqual(policy.systems.count, 1)
        let system = policy.systems[0]
        XCTAssertEqual(system.root, "models/sentiment")
        XCTAssertEqual(system.stage, .deployment)
        XCTAssertEqual(system.risk, .high)
        XCTAssertTrue(system.continuousLearning)
        XCTAssertEqual(system.artifacts[.monitoringPlan], "ops/monitoring/sentiment.md")
        XCTAssertEqual(system.stageDeclaration?.line, 5)
        XCTAssertEqual(system.declaration.line, 3)
        XCTAssertEqual(policy.ruleSettings["MC-005"], .level(.warning))
        XCTAssertEqual(policy.ruleSettings["TERM-001"], .off)
        XCTAssertTrue(policy.isExcluded("vendor/x/MODEL_CARD.md"))
        XCTAssertEqual(policy.failOn, .warning)
        XCTAssertEqual(policy.reviewPeriodDays, 90)
        XCTAssertEqual(policy.acceptedTerms, ["churn"])
    }

    func testUnknownKeyRuleAndStageAreReportedWithLineAndColumn() {
        let policy = PolicyDecoder.decode("""
            version: 1
            systems:
              - id: a
                root: models/a
                stage: go-live
                colour: red
            rules:
              XX-999: off
            """, knownRuleIDs: known)
        let described = policy.problems.map { "\($0.location.line):\($0.location.range.start.column) \($0.message.prefix(20))" }
        XCTAssertEqual(described, [
            "6:5 unknown key 'colour'",
            "5:12 unknown stage 'go-li",
            "8:3 unknown rule id 'XX-",
        ])
    }

    func testBadRootsAndMissingVersion() {
        let policy = PolicyDecoder.decode("""
            systems:
              - id: a
                root: ../outside
              - id: b
                root: /abs
            """, knownRuleIDs: known)
        XCTAssertEqual(policy.problems.count, 3)
        XCTAssertTrue(policy.problems[0].message.contains("version"))
        XCTAssertEqual(policy.problems[1].location.line, 3)
        XCTAssertEqual(policy.problems[2].location.line, 5)
    }

    func testYesIsNotABoolean() {
        let policy = PolicyDecoder.decode("""
            version: 1
            systems:
              - id: a
                root: a
                continuous_learning: yes
            """, knownRuleIDs: known)
        XCTAssertEqual(policy.problems.map(\.location.line), [5])
    }

    func testDuplicateIDsAndMalformedYAML() {
        let duplicate = PolicyDecoder.decode("version: 1\nsystems:\n  - id: a\n    root: a\n  - id: a\n    root: b\n", knownRuleIDs: known)
        XCTAssertEqual(duplicate.problems.map(\.location.line), [5])
        let broken = PolicyDecoder.decode("version: 1\nsystems: [\n", knownRuleIDs: known)
        XCTAssertEqual(broken.problems.count, 1)
        XCTAssertTrue(broken.problems[0].message.hasPrefix("config is not valid YAML"))
    }
}
