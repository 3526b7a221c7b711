import Documents
import Lint
@testable import Rules
import XCTest

/// The small readers the life cycle rules rely on, one phrasing at a time.
final class LifecycleTextTests: XCTestCase {
    func testDates() {
        for text in ["2024-05-02", "on 2024/05/02.", "2024-05", "02.05.2024", "2/5/2024", "2 May 2024", "May 2, 2024",
                     "March 2024", "Sept. 2023", "Q3 2024", "Assessed: 2024-03-04 by Priya"] {
            XCTAssertTrue(LifecycleText.containsDate(text), text)
        }
        for text in ["YYYY-MM-DD", "recall 0.93", "REQ-2024", "may improve", "version 2.1.0", "13 months", "2024"] {
            XCTAssertFalse(LifecycleText.containsDate(text), text)
        }
    }

    func testThresholds() {
        for text in ["macro F1 below 0.85 for 3 days", "PSI > 0.2", "Threshold: 0.2", "p95 latency exceeds 300 ms",
                     "at least 90% of urgent tickets", "recall ≥ 0.90", "stays at most 0.05"] {
            XCTAssertTrue(LifecycleText.containsThreshold(text), text)
        }
        for text in ["we watch accuracy closely", "recall of 0.93", "below expectations", "REQ-1 = done"] {
            XCTAssertFalse(LifecycleText.containsThreshold(text), text)
        }
    }

    func testCadences() {
        for text in ["hourly", "reviewed every Monday", "every 6 hours", "per release", "twice a week", "Every night",
                     "in real time", "after every nightly update"] {
            XCTAssertTrue(LifecycleText.containsCadence(text), text)
        }
        for text in ["when needed", "13 months", "per cent"] {
            XCTAssertFalse(LifecycleText.containsCadence(text), text)
        }
    }

    func testDurations() {
        XCTAssertTrue(LifecycleText.containsDuration("kept for 90 days"))
        XCTAssertTrue(LifecycleText.containsDuration("30d retention"))
        XCTAssertTrue(LifecycleText.containsDuration("13 months, then deleted"))
        XCTAssertFalse(LifecycleText.containsDuration("deleted eventually"))
    }

    func testVersions() {
        for text in ["triage-v3", "v1.2.0", "1.4.2", "commit 4e1f9a2c", "4e1f9a2c0d", "version 7", "release 2024-05"] {
            XCTAssertTrue(LifecycleText.containsVersion(text), text)
        }
        for text in ["recall 0.93", "the latest model", "deadline", "1234567", "F1 of 0.9"] {
            XCTAssertFalse(LifecycleText.containsVersion(text), text)
        }
    }

    func testRequirementIDs() {
        XCTAssertEqual(LifecycleText.requirementIDs(in: "REQ-1, FR-001 and PERF-LAT-2; R_3"), ["REQ-1", "FR-001", "PERF-LAT-2", "R_3"])
        XCTAssertEqual(LifecycleText.requirementIDs(in: "UTF-8, SHA-256, GPT-4, ISO-42001, req-1, Req-2"), [])
        XCTAssertEqual(LifecycleText.requirementIDs(in: "TRIAGE-7 and REQ-2", knownPrefixesOnly: true), ["REQ-2"])
    }

    func testMentionsMatchesWholeWordsAndPrefixes() {
        XCTAssertTrue(LifecycleText.mentions("Agents override the ranking", ["override*"]))
        XCTAssertTrue(LifecycleText.mentions("a fine-tuned model", ["fine tun*"]))
        XCTAssertFalse(LifecycleText.mentions("overall fine", ["over"]))
        XCTAssertFalse(LifecycleText.mentions("psitive", ["psi"]))
    }

    // MARK: - Finding fields

    private func document(_ text: String, path: String = "monitoring-plan.md") -> LifecycleDocument? {
        LifecycleDocument(Artifact(path: path, kind: .monitoringPlan, blob: nil, content: .markdown(MarkdownDocument.parse(text))))
    }

    func testAFieldIsFoundAsHeadingLabelledLineColumnRowOrPhrase() throws {
        let owner = LifecycleFields.owner
        let variants: [(String, Evidence.Kind, Int)] = [
            ("# Plan\n\n## Owner\n\nThe support ML team (@support-ml).\n", .section, 3),
            ("# Plan\n\n**Owner:** @ml-ops\n", .line, 3),
            ("# Plan\n\n- Owner: Jane Doe\n", .line, 3),
            ("# Plan\n\n| Metric | Owner |\n|---|---|\n| recall | @ml-ops |\n", .column, 3),
            ("# Plan\n\n| Field | Value |\n|---|---|\n| Owner | Jane |\n", .line, 5),
            ("# Plan\n\nThis plan is owned by the platform team.\n", .phrase, 3),
        ]
        for (text, kind, line) in variants {
            let status = LifecycleEvidence.assess(owner, in: [try XCTUnwrap(document(text))])
            guard case .met(let evidence) = status else {
                XCTFail("not met: \(text)")
                continue
            }
            XCTAssertEqual(evidence.kind, kind, text)
            XCTAssertEqual(evidence.line, line, text)
        }
    }

    func testPlaceholdersAreNotContent() throws {
        let owner = LifecycleFields.owner
        for text in ["# Plan\n\n**Owner:** TBD\n", "# Plan\n\n**Owner:** <team>\n", "# Plan\n\n**Owner:** [Your name]\n",
                     "# Plan\n\n## Owner\n\n[More Information Needed]\n", "# Plan\n\nOwner: <!-- who? -->\n"] {
            let status = LifecycleEvidence.assess(owner, in: [try XCTUnwrap(document(text))])
            guard case .inadequate(let evidence) = status else {
                XCTFail("\(status) for \(text)")
                continue
            }
            XCTAssertEqual(evidence.line, 3, text)
        }
        guard case .absent = LifecycleEvidence.assess(owner, in: [try XCTUnwrap(document("# Plan\n\nNothing here.\n"))]) else {
            return XCTFail("an unrelated document names an owner")
        }
    }

    func testTemplateHintsAreNotContent() throws {
        let cadence = MonitoringPlanComplete.cadence
        for text in ["# Plan\n\n**Cadence:** [e.g. daily]\n", "# Plan\n\n**Cadence:** <how often, e.g. daily>\n",
                     "# Plan\n\n**Cadence:** {{ cadence }}\n"] {
            guard case .inadequate = LifecycleEvidence.assess(cadence, in: [try XCTUnwrap(document(text))]) else {
                return XCTFail("a template hint counted: \(text)")
            }
        }
        guard case .met = LifecycleEvidence.assess(cadence, in: [try XCTUnwrap(document("# Plan\n\n**Cadence:** daily, see [e.g. the runbook](runbook.md)\n"))]) else {
            return XCTFail("a value next to a link was dropped")
        }
    }

    func testABoldLabelAloneOnItsLineIsASection() throws {
        let text = "# Plan\n\n**Owner:**\n@ml-ops\n"
        guard case .met(let evidence) = LifecycleEvidence.assess(LifecycleFields.owner, in: [try XCTUnwrap(document(text))]) else {
            return XCTFail("no owner")
        }
        XCTAssertEqual(evidence.kind, .section)
        XCTAssertEqual(evidence.line, 3)
    }

    func testCodeBlocksAreNotContent() throws {
        let text = "# Plan\n\n```yaml\nowner: \"@ml-ops\"\n```\n"
        guard case .absent = LifecycleEvidence.assess(LifecycleFields.owner, in: [try XCTUnwrap(document(text))]) else {
            return XCTFail("a code block counted as an owner")
        }
    }

    func testYAMLKeysAreFields() throws {
        let yaml = "risks:\n  - risk: outage misranked\n    owner: \"@support-ml\"\nreview_date: 2024-09-01\n"
        let node = try XCTUnwrap(try YAMLDocument.parse(yaml).get())
        let register = try XCTUnwrap(LifecycleDocument(Artifact(path: "risk-register.yml", kind: .riskAssessment, blob: nil, content: .yaml(node))))
        guard case .met(let owner) = LifecycleEvidence.assess(LifecycleFields.owner, in: [register]) else { return XCTFail("no owner") }
        XCTAssertEqual(owner.line, 3)
        guard case .met(let review) = LifecycleEvidence.assess(RiskAssessmentFollowsProcess.review, in: [register]) else {
            return XCTFail("no review date")
        }
        XCTAssertEqual(review.line, 4)
    }

    func testReportGroupsProblemsByPlace() throws {
        let plan = try XCTUnwrap(document("# Monitoring plan\n\nWe look at the dashboard.\n"))
        let violations = LifecycleReport.check([plan], title: "monitoring plan", requirements: MonitoringPlanComplete.requirements)
        XCTAssertEqual(violations.map(\.location.line), [1])
        XCTAssertEqual(violations.first?.anchor, "incomplete")
        XCTAssertEqual(violations.first?.message,
                       "the monitoring plan names no metric with a threshold, does not watch for drift, names no owner and gives no cadence: "
                           + "give each metric the number at which someone acts (e.g. 'macro F1 below 0.85 for 3 days'); "
                           + "add a data or concept drift measure with its threshold (e.g. 'population stability index above 0.2'); "
                           + "add an 'Owner:' line naming the person or team who acts on alerts; "
                           + "say how often the metrics are computed and reviewed (e.g. 'hourly', 'every Monday')")
    }

    func testCivilDays() {
        XCTAssertEqual(ReviewFollowsChanges.day(1_704_067_200), "2024-01-01")
        XCTAssertEqual(ReviewFollowsChanges.day(1_709_164_800), "2024-02-29")
        XCTAssertEqual(ReviewFollowsChanges.day(0), "1970-01-01")
        XCTAssertEqual(ReviewFollowsChanges.day(-1), "1969-12-31")
    }
}
