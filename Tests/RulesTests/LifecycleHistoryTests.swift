import Foundation
import GitKit
import Lint
import Rules
import TestSupport
import XCTest

/// LC-REV-001's date logic on real histories. TestRepository dates commit n at 2024-01-01 + n
/// days, so every comparison below is exact.
final class LifecycleHistoryTests: XCTestCase {
    private let review = """
        # Review

        **Date:** 2024-01-01

        **Decision:** continue; nothing changed in the system's use.
        """

    func testReviewAfterTheLastModelChangePasses() throws {
        let repo = try Self.repository(stage: "re-evaluation")
        try repo.write("services/triage/model.onnx", "weights v1\n")
        try repo.commitAll("model")                                   // 2024-01-01
        try repo.write("services/triage/reviews/2024-01-02.md", review)
        try repo.commitAll("review")                                  // 2024-01-02
        XCTAssertEqual(try Self.findings(repo), [])
    }

    func testModelChangeAfterTheReviewIsReported() throws {
        let repo = try Self.repository(stage: "re-evaluation")
        try repo.write("services/triage/model.onnx", "weights v1\n")
        try repo.write("services/triage/reviews/2024-01-01.md", review)
        try repo.commitAll("model and review")                        // 2024-01-01
        try repo.write("services/triage/model.onnx", "weights v2\n")
        let retrained = try repo.commitAll("retrain")                 // 2024-01-02
        let findings = try Self.findings(repo)
        XCTAssertEqual(findings.map(\.where), ["services/triage/reviews/2024-01-01.md:1"])
        XCTAssertEqual(findings.first?.message,
                       "services/triage/reviews/2024-01-01.md was last reviewed 2024-01-01, before the model or data of 'triage' "
                           + "changed in commit \(retrained.prefix(7)) (2024-01-02): review the model card and assessments against "
                           + "the changed model and record it")
        XCTAssertEqual(findings.first?.level, .warning)
    }

    func testTheNewestReviewRecordCounts() throws {
        let repo = try Self.repository(stage: "re-evaluation")
        try repo.write("services/triage/reviews/2024-01-01.md", review)
        try repo.commitAll("first review")                            // 2024-01-01
        try repo.write("services/triage/model.safetensors", "weights v2\n")
        try repo.commitAll("retrain")                                 // 2024-01-02
        try repo.write("services/triage/reviews/2024-01-03.md", review)
        try repo.commitAll("second review")                           // 2024-01-03
        XCTAssertEqual(try Self.findings(repo), [])
    }

    func testDataAndTrainingCodeCountButDatasetDocumentsDoNot() throws {
        let repo = try Self.repository(stage: "re-evaluation")
        try repo.write("services/triage/reviews/2024-01-01.md", review)
        try repo.write("services/triage/data/tickets.csv", "id,text\n")
        try repo.write("services/triage/data/DATASHEET.md", "# Datasheet\n")
        try repo.write("services/triage/train.py", "print('v1')\n")
        try repo.commitAll("start")                                   // 2024-01-01
        try repo.write("services/triage/data/DATASHEET.md", "# Datasheet\n\nMore words.\n")
        try repo.write("services/triage/notes.txt", "not a model file\n")
        try repo.commitAll("docs only")                               // 2024-01-02
        XCTAssertEqual(try Self.findings(repo), [], "a datasheet edit is not a data change")

        try repo.write("services/triage/data/tickets.csv", "id,text\n1,down\n")
        try repo.commitAll("more data")                               // 2024-01-03
        XCTAssertEqual(try Self.findings(repo).map(\.anchor), ["stale:change"])

        try repo.write("services/triage/reviews/2024-01-04.md", review)
        try repo.commitAll("review")                                  // 2024-01-04
        XCTAssertEqual(try Self.findings(repo), [])
        try repo.write("services/triage/train.py", "print('v2')\n")
        try repo.commitAll("new training code")                       // 2024-01-05
        XCTAssertEqual(try Self.findings(repo).map(\.anchor), ["stale:change"])
    }

    func testReviewPeriodIsCountedFromTheCheckedCommit() throws {
        for (period, expected) in [(3, [String]()), (2, ["stale:period"])] {
            let repo = try Self.repository(stage: "re-evaluation", reviewPeriodDays: period)
            try repo.write("services/triage/reviews/2024-01-01.md", review)
            try repo.commitAll("review")                              // 2024-01-01
            for day in 2...4 {
                try repo.write("README.md", "day \(day)\n")
                try repo.commitAll("unrelated")                       // 2024-01-02 … 2024-01-04
            }
            let findings = try Self.findings(repo)
            XCTAssertEqual(findings.map(\.anchor), expected, "review_period_days \(period)")
            if period == 2 {
                XCTAssertEqual(findings.first?.message,
                               "services/triage/reviews/2024-01-01.md was last reviewed 3 days before the checked commit, longer than "
                                   + "review_period_days (2): review the system again and record the decision")
            }
        }
    }

    /// In operation, without a review record, every assessment and the model card must have been
    /// revisited after the change; the stalest one is reported.
    func testInOperationTheCardAndAssessmentsDateTheReview() throws {
        let repo = try Self.repository(stage: "operation-and-monitoring")
        try repo.write("services/triage/MODEL_CARD.md", "# Triage\n")
        try repo.write("docs/ai/triage/impact-assessment.md", "# Impact\n")
        try repo.write("docs/ai/triage/risk-assessment.md", "# Risk\n")
        try repo.commitAll("documents")                               // 2024-01-01
        XCTAssertEqual(try Self.findings(repo), [], "no review record is needed before re-evaluation")
        try repo.write("services/triage/model.pt", "weights v2\n")
        try repo.commitAll("retrain")                                 // 2024-01-02
        try repo.write("services/triage/MODEL_CARD.md", "# Triage\n\nRetrained.\n")
        try repo.write("docs/ai/triage/impact-assessment.md", "# Impact\n\nStill small.\n")
        try repo.commitAll("card and impact updated")                 // 2024-01-03
        let findings = try Self.findings(repo)
        XCTAssertEqual(findings.map(\.where), ["docs/ai/triage/risk-assessment.md:1"])
        XCTAssertTrue(findings.first?.message.hasPrefix("docs/ai/triage/risk-assessment.md (no review record;") == true)
        try repo.write("docs/ai/triage/risk-assessment.md", "# Risk\n\nReviewed.\n")
        try repo.commitAll("risk updated")                            // 2024-01-04
        XCTAssertEqual(try Self.findings(repo), [])
    }

    func testAtReEvaluationAReviewRecordIsRequired() throws {
        let repo = try Self.repository(stage: "re-evaluation")
        try repo.write("services/triage/MODEL_CARD.md", "# Triage\n")
        try repo.commitAll("card")
        let findings = try Self.findings(repo)
        XCTAssertEqual(findings.map(\.where), [".aims/config.yml:5"])
        XCTAssertEqual(findings.map(\.anchor), ["missing"])
    }

    // MARK: - Helpers

    static func repository(stage: String, reviewPeriodDays: Int = 365) throws -> TestRepository {
        let repo = try TestRepository()
        try repo.write(".aims/config.yml", """
            version: 1
            systems:
              - id: triage
                root: services/triage
                stage: \(stage)
            review_period_days: \(reviewPeriodDays)

            """)
        return repo
    }

    static func findings(_ repo: TestRepository) throws -> [Finding] {
        let checker = Checker(repository: try Repository.discover(from: repo.root.path), engine: Engine(rules: RuleCatalog.rules))
        return try checker.check(.revision("HEAD"), only: ["LC-REV-001"]).result.findings
    }
}

private extension Finding {
    var `where`: String { "\(location.path):\(location.line)" }
}
