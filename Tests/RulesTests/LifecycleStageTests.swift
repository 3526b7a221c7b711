import Catalog
import Foundation
import GitKit
import Lint
import Rules
import TestSupport
import XCTest

/// The life cycle rules against the fixture system of fixtures/lifecycle, stage by stage: with
/// exactly its stage's documents the system passes every LC rule that applies and the others are
/// not applicable; taking away any one document (or the sections that carry one artifact) makes
/// exactly the matching rule fail; and an untouched template in its place fails it too.
final class LifecycleStageTests: XCTestCase {
    func testEachStagePassesWithExactlyItsArtifacts() throws {
        for stage in LifecycleStage.allCases {
            let fixture = try LifecycleFixture(stage: stage)
            let checked = try fixture.check()
            XCTAssertEqual(checked.result.findings.map(\.summary), [], "\(stage.rawValue): the full fixture has LC findings")
            var notApplicable: [String] = []
            for control in checked.result.controls where control.subject == "triage" {
                switch control.status {
                case .notApplicable: notApplicable.append(control.ruleID)
                case .pass: break
                case .fail: XCTFail("\(stage.rawValue): \(control.ruleID) failed")
                }
            }
            XCTAssertEqual(notApplicable.sorted(), LifecycleFixture.notApplicable(at: stage),
                           "\(stage.rawValue): later-stage rules must be not applicable")
        }
    }

    func testRemovingAnyArtifactFailsExactlyItsRule() throws {
        for stage in LifecycleStage.allCases {
            let fixture = try LifecycleFixture(stage: stage)
            for artifact in LifecycleFixture.artifacts(upTo: stage) {
                let failing = try fixture.failingRules(with: artifact, change: .remove)
                XCTAssertEqual(failing, [artifact.rule], "\(stage.rawValue): removing \(artifact)")
            }
        }
    }

    func testAnUntouchedTemplateFailsItsRule() throws {
        let fixture = try LifecycleFixture(stage: .retirement)
        for artifact in LifecycleFixture.artifacts(upTo: .retirement) {
            let failing = try fixture.failingRules(with: artifact, change: .template)
            XCTAssertEqual(failing, [artifact.rule], "replacing \(artifact) with template filler")
        }
    }

    /// The monitoring plan carries two artifacts (the plan and the logging specification) and
    /// the model card two (purpose and user information): removing such a file fails both rules.
    func testRemovingASharedFileFailsBothOfItsRules() throws {
        let fixture = try LifecycleFixture(stage: .operationAndMonitoring)
        let monitoring = LifecycleFixture.Artifact(rule: "", path: "services/triage/monitoring-plan.md", sections: [])
        XCTAssertEqual(try fixture.failingRules(with: monitoring, change: .remove), ["LC-OPS-001", "LC-OPS-002"])
        let card = LifecycleFixture.Artifact(rule: "", path: "services/triage/MODEL_CARD.md", sections: [])
        XCTAssertEqual(try fixture.failingRules(with: card, change: .remove), ["LC-DEP-003", "LC-INC-001"])
    }

    func testContinuousValidationFollowsTheFlag() throws {
        let off = try LifecycleFixture(stage: .operationAndMonitoring, continuousLearning: false)
        XCTAssertEqual(try off.status(of: "LC-CV-001"), .notApplicable(reason: "continuous_learning is false for triage"))

        let onWithoutPlan = try LifecycleFixture(stage: .operationAndMonitoring, continuousLearning: true)
        let checked = try onWithoutPlan.check()
        XCTAssertEqual(checked.result.findings.map(\.ruleID), ["LC-CV-001"])
        XCTAssertEqual(checked.result.findings.first?.location.path, ".aims/config.yml")
        XCTAssertEqual(checked.result.findings.first?.location.line, 5, "anchored on the stage line")
        XCTAssertEqual(checked.result.findings.first?.level, .error)

        let onWithPlan = try LifecycleFixture(stage: .continuousValidation, continuousLearning: true)
        XCTAssertEqual(try onWithPlan.status(of: "LC-CV-001"), .pass)
        let planned = try LifecycleFixture(stage: .continuousValidation, continuousLearning: false)
        XCTAssertEqual(try planned.status(of: "LC-CV-001"), .notApplicable(reason: "continuous_learning is false for triage"))
    }

    func testHighRiskRaisesOversightToError() throws {
        let oversight = LifecycleFixture.Artifact(rule: "LC-DEP-002", path: "services/triage/human-oversight.md", sections: [])
        for (risk, level) in [("limited", Level.warning), ("high", Level.error)] {
            let fixture = try LifecycleFixture(stage: .deployment, risk: risk)
            let findings = try fixture.findings(with: oversight, change: .remove)
            XCTAssertEqual(findings.map(\.level), [level], "risk \(risk)")
        }
    }

    func testRetirementPlanIsAnErrorOnlyAtRetirement() throws {
        let plan = LifecycleFixture.Artifact(rule: "LC-RET-001", path: "services/triage/retirement-plan.md", sections: [])
        for (stage, level) in [(LifecycleStage.deployment, Level.warning), (.reEvaluation, .warning), (.retirement, .error)] {
            let fixture = try LifecycleFixture(stage: stage)
            XCTAssertEqual(try fixture.findings(with: plan, change: .remove).map(\.level), [level], stage.rawValue)
            let template = try fixture.findings(with: plan, change: .template)
            XCTAssertEqual(template.map(\.ruleID), Array(repeating: "LC-RET-001", count: 4), template.map(\.summary).joined(separator: "\n"))
            XCTAssertEqual(Set(template.map(\.level)), [level], stage.rawValue)
        }
    }

    func testMissingArtifactsAreAnchoredOnTheStageLine() throws {
        let fixture = try LifecycleFixture(stage: .retirement)
        // LC-OPS-001 loses only its sections: the monitoring plan itself is still there.
        for artifact in LifecycleFixture.artifacts(upTo: .retirement) where artifact.rule != "LC-OPS-001" {
            let findings = try fixture.findings(with: artifact, change: .remove)
            XCTAssertEqual(findings.map { "\($0.location.path):\($0.location.line)" }, [".aims/config.yml:5"], "\(artifact)")
        }
    }
}

/// The fixture system at one stage, in a real repository; artifacts are removed or replaced in
/// the working tree and checked with `--worktree`, then restored.
struct LifecycleFixture {
    /// One LC artifact: a file, or the sections of a file that carry it.
    struct Artifact: CustomStringConvertible {
        let rule: String
        let path: String
        let sections: [String]
        var description: String { sections.isEmpty ? path : "\(path) sections \(sections)" }
    }

    enum Change { case remove, template }

    /// Which document (or sections) carries each rule's artifact, by the stage that adds it.
    static let matrix: [(stage: LifecycleStage, artifact: Artifact)] = [
        (.inception, Artifact(rule: "LC-INC-001", path: "services/triage/MODEL_CARD.md", sections: ["Intended Use", "Why AI"])),
        (.inception, Artifact(rule: "LC-INC-002", path: "docs/ai/triage/impact-assessment.md", sections: [])),
        (.inception, Artifact(rule: "LC-RISK-001", path: "docs/ai/triage/risk-assessment.md", sections: [])),
        (.inception, Artifact(rule: "LC-REQ-001", path: "services/triage/requirements.md", sections: [])),
        (.designAndDevelopment, Artifact(rule: "LC-DD-001", path: "services/triage/design.md", sections: [])),
        (.verificationAndValidation, Artifact(rule: "LC-VV-001", path: "services/triage/vv-report.md", sections: [])),
        (.deployment, Artifact(rule: "LC-DEP-001", path: "services/triage/deployment-plan.md", sections: [])),
        (.deployment, Artifact(rule: "LC-DEP-002", path: "services/triage/human-oversight.md", sections: [])),
        (.deployment, Artifact(rule: "LC-DEP-003", path: "services/triage/MODEL_CARD.md",
                               sections: ["How to Get Started", "Transparency notice"])),
        (.deployment, Artifact(rule: "LC-RET-001", path: "services/triage/retirement-plan.md", sections: [])),
        (.operationAndMonitoring, Artifact(rule: "LC-OPS-001", path: "services/triage/monitoring-plan.md", sections: ["Monitoring"])),
        (.operationAndMonitoring, Artifact(rule: "LC-OPS-002", path: "services/triage/monitoring-plan.md", sections: ["Logging"])),
        (.operationAndMonitoring, Artifact(rule: "LC-OPS-003", path: "services/triage/incident-response.md", sections: [])),
        (.continuousValidation, Artifact(rule: "LC-CV-001", path: "services/triage/continuous-validation.md", sections: [])),
        (.reEvaluation, Artifact(rule: "LC-REV-001", path: "services/triage/reviews/2024-06-30.md", sections: [])),
    ]

    static func artifacts(upTo stage: LifecycleStage) -> [Artifact] {
        matrix.filter { $0.stage.order <= stage.order }.map(\.artifact)
    }

    /// The LC rules a system at `stage` (with the fixture's `continuous_learning`) does not answer
    /// to: those of later stages, except that the engine applies re-evaluation from operation on
    /// and retirement planning from deployment on.
    static func notApplicable(at stage: LifecycleStage) -> [String] {
        let applicableFrom: [String: LifecycleStage] = [
            "LC-REV-001": .operationAndMonitoring, "LC-RET-001": .deployment, "LC-CV-001": .continuousValidation,
        ]
        return RuleCatalog.descriptions.filter { $0.family == "LC" }.compactMap { description in
            guard let ruleStage = applicableFrom[description.id] ?? description.stage else { return nil }
            return stage.order < ruleStage.order ? description.id : nil
        }.sorted()
    }

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/lifecycle")
    }

    let repository: TestRepository
    let checker: Checker
    let files: [String: String]

    init(stage: LifecycleStage, risk: String = "limited", continuousLearning: Bool? = nil) throws {
        let learning = continuousLearning ?? (stage.order >= LifecycleStage.continuousValidation.order)
        var files: [String: String] = [:]
        for earlier in LifecycleStage.allCases where earlier.order <= stage.order {
            let base = Self.folder.appendingPathComponent(earlier.rawValue)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where !url.hasDirectoryPath {
                let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
                files[relative] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        files[Policy.configPath] = """
            version: 1
            systems:
              - id: triage
                root: services/triage
                stage: \(stage.rawValue)
                risk: \(risk)
                continuous_learning: \(learning)
                owner: "@support-ml"

            """
        repository = try TestRepository()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try repository.write(path, text) }
        try repository.commitAll("the triage system at \(stage.rawValue)")
        checker = Checker(repository: try Repository.discover(from: repository.root.path), engine: Engine(rules: RuleCatalog.rules))
        self.files = files
    }

    static var lifecycleRuleIDs: Set<String> { Set(RuleCatalog.descriptions.filter { $0.family == "LC" }.map(\.id)) }

    func check() throws -> CheckedSnapshot {
        try checker.check(.worktree, only: Self.lifecycleRuleIDs)
    }

    func status(of ruleID: String) throws -> ControlStatus? {
        try check().result.controls.first { $0.ruleID == ruleID && $0.subject == "triage" }?.status
    }

    /// LC findings with the artifact changed; the working tree is restored afterwards.
    func findings(with artifact: Artifact, change: Change) throws -> [Finding] {
        guard let original = files[artifact.path] else {
            XCTFail("the fixture has no \(artifact.path)")
            return []
        }
        switch (change, artifact.sections.isEmpty) {
        case (.remove, true): try repository.remove(artifact.path)
        case (.remove, false): try repository.write(artifact.path, FixtureText.removing(artifact.sections, from: original))
        case (.template, true): try repository.write(artifact.path, FixtureText.template(original, sections: nil))
        case (.template, false): try repository.write(artifact.path, FixtureText.template(original, sections: artifact.sections))
        }
        defer { try? repository.write(artifact.path, original) }
        return try check().result.findings
    }

    /// The ids of the LC rules that fail with the artifact changed, sorted.
    func failingRules(with artifact: Artifact, change: Change) throws -> [String] {
        Array(Set(try findings(with: artifact, change: change).map(\.ruleID))).sorted()
    }
}

/// Edits of fixture Markdown: cutting sections out, or turning a document into the template it
/// could have been made from (headings and field labels kept, content replaced by filler).
enum FixtureText {
    /// Removes each `## Title` section up to the next heading of the same or a higher level.
    static func removing(_ titles: [String], from text: String) -> String {
        var kept: [Substring] = []
        var skippingLevel: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let level = line.prefix { $0 == "#" }.count
            if level > 0, line.dropFirst(level).hasPrefix(" ") {
                let title = line.dropFirst(level + 1).trimmingCharacters(in: .whitespaces)
                if let skipping = skippingLevel, level <= skipping { skippingLevel = nil }
                if skippingLevel == nil, titles.contains(title) { skippingLevel = level }
            }
            if skippingLevel == nil { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    /// Headings stay; `**Label:** value` keeps its label with `TBD`; table bodies become `TBD`
    /// cells; every other line goes, and each heading gets `[More Information Needed]`. With
    /// `sections`, only those sections change. Front matter and code fences are kept as they are.
    static func template(_ text: String, sections: [String]?) -> String {
        var result: [String] = []
        var inScope = sections == nil
        var scopeLevel = 0
        var inFrontMatter = false, inFence = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if index == 0 && line == "---" { inFrontMatter = true; result.append(line); continue }
            if inFrontMatter { result.append(line); if line == "---" { inFrontMatter = false }; continue }
            let level = line.prefix { $0 == "#" }.count
            if !inFence, level > 0, line.dropFirst(level).hasPrefix(" ") {
                let title = line.dropFirst(level + 1).trimmingCharacters(in: .whitespaces)
                if let sections {
                    if inScope && level <= scopeLevel { inScope = false }
                    if sections.contains(title) { inScope = true; scopeLevel = level }
                }
                result.append(line)
                if inScope { result += ["", "[More Information Needed]", ""] }
                continue
            }
            if line.hasPrefix("```") { inFence.toggle() }
            guard inScope else { result.append(line); continue }
            if inFence || line.hasPrefix("```") { continue }
            if let label = fieldLabel(line) {
                result.append("\(label) TBD")
            } else if line.hasPrefix("|") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).count - 2
                let isRule = line.allSatisfy { "|-: ".contains($0) }
                let isHeader = result.last.map { !$0.hasPrefix("|") } ?? true
                result.append(isRule || isHeader ? line : "|" + String(repeating: " TBD |", count: max(cells, 1)))
            }
        }
        return result.joined(separator: "\n") + "\n"
    }

    /// `**Owner:**` or `- **Version:**` at the start of a line.
    private static func fieldLabel(_ line: String) -> String? {
        let prefix = line.hasPrefix("- ") ? "- " : ""
        let rest = line.dropFirst(prefix.count)
        guard rest.hasPrefix("**"), let close = rest.dropFirst(2).range(of: ":**") else { return nil }
        return prefix + String(rest[..<close.upperBound])
    }
}
