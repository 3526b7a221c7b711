import Foundation
@testable import History
import Lint
import Rules
import TestSupport
import XCTest

/// The five formats: exact shapes, self-contained html, byte-identical reruns.
final class FormatTests: XCTestCase {
    private func report() throws -> (HistoryReport, [String]) {
        let repo = try TestRepository()
        var commits: [String] = []
        try repo.write("README.md", "# Demo\n")
        commits.append(try repo.commitAll("readme"))
        try repo.write("models/sentiment/MODEL_CARD.md", card)
        commits.append(try repo.commitAll("card", author: "Chen, Li \"CL\" Wu"))
        try repo.write("models/sentiment/MODEL_CARD.md", "")
        commits.append(try repo.commitAll("empty <card>", author: "Dana & Co"))
        // The format tests pin exact rows, so they use the test rules and the two repository-wide
        // policy rules only; the shipped catalog is exercised by TimelineTests and OracleTests.
        let rules = RuleCatalog.rules.filter { ["AIMS-001", "AIMS-005"].contains(type(of: $0).description.id) } + testRules
        return (try scan(repo, rules: rules).report, commits)
    }

    func testJSONHasTheDocumentedShapeWithExplicitNulls() throws {
        let (report, commits) = try report()
        let json = HistoryFormat.json.render(report)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["schemaVersion", "repository", "revision", "commit", "firstParent", "commitsScanned",
                                          "commitsEvaluated", "shallowBoundary", "since", "controls"])
        XCTAssertTrue(object["shallowBoundary"] is NSNull)
        XCTAssertEqual(object["commitsScanned"] as? Int, 3)
        let controls = try XCTUnwrap(object["controls"] as? [[String: Any]])
        XCTAssertEqual(controls.map { ($0["system"] as? String) ?? "-" }, ["-", "-", "sentiment", "sentiment", "sentiment", "sentiment"])
        XCTAssertEqual(controls.map { $0["rule"] as? String ?? "" }, ["AIMS-001", "AIMS-005", "T-CARD", "T-FILLED", "T-FRESH", "T-STALE"])
        let filled = controls[3]
        XCTAssertEqual(filled["status"] as? String, "fail")
        XCTAssertEqual((filled["firstMet"] as? [String: String])?["commit"], commits[1])
        XCTAssertEqual((filled["lastLost"] as? [String: String])?["author"], "Dana & Co")
        XCTAssertEqual((filled["lastLost"] as? [String: String])?["date"], "2024-01-03T00:00:00+00:00")
        let transitions = try XCTUnwrap(filled["transitions"] as? [[String: Any]])
        XCTAssertEqual(transitions.map { "\($0["from"] ?? "")→\($0["to"] ?? "")" }, ["absent→pass", "pass→fail"])
        XCTAssertTrue((controls[0]["lastLost"]) is NSNull)
    }

    func testTextCSVAndMarkdownCarryTheSameRows() throws {
        let (report, commits) = try report()
        let text = HistoryFormat.text.render(report)
        XCTAssertTrue(text.contains("\nsentiment\n"), text)
        XCTAssertTrue(text.contains("  T-FILLED  fail    2024-01-02  \(commits[1].prefix(7))  Chen, Li \"CL\" Wu  1      2024-01-03   █▁"), text)
        let csv = HistoryFormat.csv.render(report).split(separator: "\n").map(String.init)
        XCTAssertEqual(csv.count, 7)
        XCTAssertEqual(csv[0], HistoryCSVFormatter.columns.joined(separator: ","))
        XCTAssertEqual(csv[4], "sentiment,T-FILLED,fail,2024-01-02T00:00:00+00:00,\(commits[1]),\"Chen, Li \"\"CL\"\" Wu\","
                       + "2024-01-03T00:00:00+00:00,\(commits[2]),Dana & Co,1,2")
        let markdown = HistoryFormat.markdown.render(report)
        XCTAssertTrue(markdown.contains("| sentiment | T-FILLED | fail | 2024-01-02 | `\(commits[1].prefix(7))` | Chen, Li \"CL\" Wu | 1 | 2024-01-03 | ` █▁` |"), markdown)
    }

    func testHTMLIsSelfContainedWithAChartPerSubject() throws {
        let (report, _) = try report()
        let html = HistoryFormat.html.render(report)
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 2)
        XCTAssertTrue(html.contains("<path fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" d=\"M"))
        XCTAssertTrue(html.contains("Dana &amp; Co"))
        for forbidden in ["<script", "<link", "src=", "<img", "url("] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
        XCTAssertFalse(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
    }

    func testChartStepsFollowTheShareOfControlsMet() throws {
        let (report, _) = try report()
        let chart = HistoryHTMLFormatter().chart(
            CoverageSeries(subject: "sentiment", controls: report.controls.filter { $0.key.system == "sentiment" }), report: report)
        // Three commits over 584 px from x=44: commit 2 at 336, commit 3 at 628; 4 of 4 met at y=12, then 3 of 4.
        XCTAssertTrue(chart.contains("d=\"M336 12H628V43M628 43H628\""), chart)
        if let path = ProcessInfo.processInfo.environment["AIMSLINT_HISTORY_HTML"] {
            try HistoryFormat.html.render(report).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    func testCoverageSeriesCountsApplicableControls() throws {
        let (report, _) = try report()
        let series = CoverageSeries(subject: "sentiment", controls: report.controls.filter { $0.key.system == "sentiment" })
        XCTAssertEqual(series.points.map(\.sequence), [2, 3])
        XCTAssertEqual(series.points.map(\.met), [4, 3])
        XCTAssertEqual(series.points.map(\.applicable), [4, 4])
    }

    func testTwoRunsAreByteIdenticalInEveryFormat() throws {
        let (first, _) = try report()
        let (second, _) = try report()
        for format in HistoryFormat.allCases {
            var a = first, b = second
            a.repository = "repo"
            b.repository = "repo"
            XCTAssertEqual(format.render(a), format.render(b), format.rawValue)
        }
    }

    func testFilteringKeepsFirstMetButCutsListedTransitions() throws {
        let (report, commits) = try report()
        let cut = report.filtered(systems: ["sentiment"], rules: ["T-FILLED"], since: (1_704_240_000, "2024-01-03"))
        XCTAssertEqual(cut.controls.map(\.key.rule), ["T-FILLED"])
        let control = try XCTUnwrap(cut.controls.first)
        XCTAssertEqual(control.firstMet?.commit.commit, commits[1])
        XCTAssertEqual(cut.listedTransitions(control).map(\.commit.commit), [commits[2]])
        XCTAssertTrue(HistoryFormat.json.render(cut).contains("\"since\" : \"2024-01-03\""))
    }
}
