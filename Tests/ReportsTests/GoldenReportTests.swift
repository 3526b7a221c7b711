// Golden files: every report format rendered for the demo repository (fixtures/demo, replayed by
// scripts/build-fixture-repo.sh with fixed authors and dates, so commit ids never change).
//
// The rule catalog grows, so these files are regenerated, never edited by hand:
//
//     swift build --build-tests && AIMSLINT_UPDATE_GOLDEN=1 swift test --skip-build --filter GoldenReportTests
//
// then review the diff of fixtures/golden/reports/ like any other change.
import Foundation
import Lint
import Reports
import XCTest

final class GoldenReportTests: XCTestCase {
    private var update: Bool { ProcessInfo.processInfo.environment["AIMSLINT_UPDATE_GOLDEN"] == "1" }

    func testEveryFormatMatchesItsGoldenFile() throws {
        let demo = try ReportTesting.buildDemoRepository()
        defer { try? FileManager.default.removeItem(at: demo.container) }
        let input = try ReportTesting.input(at: demo.repository.path, source: .revision("HEAD"))
        for format in ReportFormat.allCases {
            let text = format == .sarif ? try ReportTesting.sarif(input, name: "golden-demo") : format.render(input)
            try assertGolden(text, name: "demo.\(format.rawValue)")
        }
        let passes = try ReportTesting.input(at: demo.repository.path, source: .revision("HEAD"), includePasses: true)
        try assertGolden(try ReportTesting.sarif(passes, name: "golden-demo-passes"), name: "demo-passes.sarif")
        try assertGolden(ReportFormat.junit.render(passes), name: "demo-passes.junit")
    }

    private func assertGolden(_ actual: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = ReportTesting.goldenFolder.appendingPathComponent(name)
        if update {
            try FileManager.default.createDirectory(at: ReportTesting.goldenFolder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(name); run with AIMSLINT_UPDATE_GOLDEN=1 to create it", file: file, line: line)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] }
                ?? min(expectedLines.count, actualLines.count)
            let shown = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "<end of file>" }
            XCTFail("""
                \(name) differs from its golden file at line \(first + 1):
                  golden: \(shown(expectedLines))
                  actual: \(shown(actualLines))
                If the change is intended, regenerate with AIMSLINT_UPDATE_GOLDEN=1 (see the top of this file).
                """, file: file, line: line)
        }
    }
}
