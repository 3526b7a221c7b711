import Foundation
import Lint

/// aimslint's own JSON report, documented by `docs/report.schema.json`. Keys are sorted and
/// arrays are in report order, so the same input gives byte-identical output.
public struct JSONReporter: Sendable {
    public static let schemaVersion = 1

    public init() {}

    struct Document: Encodable {
        let schemaVersion: Int
        let tool: Tool
        let source: Source
        let summary: Summary
        let systems: [System]
        let datasets: [DatasetEntry]
        let findings: [FindingEntry]
        let controls: [Control]
        let notices: [String]
    }
    struct Tool: Encodable { let name: String; let version: String }
    struct Source: Encodable { let kind: String; let revision: String?; let commit: String?; let base: String? }
    struct Summary: Encodable { let error: Int; let warning: Int; let note: Int; let suppressed: Int; let artifacts: Int }
    struct ArtifactEntry: Encodable { let path: String; let kind: String; let blob: String?; let problem: String? }
    struct System: Encodable {
        let id: String; let root: String; let stage: String; let risk: String; let continuousLearning: Bool
        let owner: String?; let declared: Bool; let artifacts: [ArtifactEntry]
    }
    struct DatasetEntry: Encodable { let id: String; let root: String; let system: String?; let declared: Bool; let artifacts: [ArtifactEntry] }
    struct Region: Encodable { let startLine: Int; let startColumn: Int; let endLine: Int; let endColumn: Int }
    struct Introduced: Encodable { let commit: String?; let author: String?; let date: String? }
    struct SuppressionEntry: Encodable { let kind: String; let justification: String; let path: String?; let line: Int? }
    struct FindingEntry: Encodable {
        let ruleId: String; let level: String; let message: String; let path: String; let region: Region
        let system: String?; let anchor: String; let fingerprint: String; let blob: String?
        let introducedBy: Introduced?; let suppressions: [SuppressionEntry]; let baselineState: String?
    }
    struct Control: Encodable { let rule: String; let subject: String?; let subjectKind: String; let status: String; let reason: String? }

    public func render(_ input: ReportInput) -> String {
        let project = input.project
        func entries(_ artifacts: [Artifact]) -> [ArtifactEntry] {
            artifacts.map { artifact in
                var problem: String?
                if case .unreadable(let parse) = artifact.content { problem = parse.message }
                if case .lfsPointer = artifact.content { problem = "Git LFS pointer" }
                return ArtifactEntry(path: artifact.path, kind: artifact.kind.rawValue, blob: artifact.blob?.hex, problem: problem)
            }
        }
        let systems = input.systems.map { system in
            System(id: system.id, root: system.root, stage: system.stage.rawValue, risk: system.risk.rawValue,
                   continuousLearning: system.continuousLearning, owner: system.owner, declared: system.isDeclared,
                   artifacts: entries(project.artifacts.filter { project.owner(of: $0) == system.id }))
        }
        let datasets = input.datasets.map { dataset in
            DatasetEntry(id: dataset.id, root: dataset.root, system: dataset.system, declared: dataset.declaration != nil,
                         artifacts: entries(project.artifacts.filter { $0.kind.documentsDataset && PathMath.isInside($0.path, folder: dataset.root) }))
        }
        let findings = input.findings.map { finding in
            let range = finding.location.range
            return FindingEntry(
                ruleId: finding.ruleID, level: finding.level.rawValue, message: finding.message, path: finding.location.path,
                region: Region(startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column),
                system: finding.system, anchor: finding.anchor, fingerprint: finding.fingerprint, blob: finding.blob,
                introducedBy: finding.introducedBy.map { Introduced(commit: $0.commit, author: $0.author, date: $0.date) },
                suppressions: finding.suppressions.map {
                    SuppressionEntry(kind: $0.kind.rawValue, justification: $0.justification, path: $0.location?.path, line: $0.location?.line)
                },
                baselineState: finding.baselineState?.rawValue)
        }
        let controls = input.controls.map { control -> Control in
            var reason: String?
            if case .notApplicable(let why) = control.status { reason = why }
            return Control(rule: control.ruleID, subject: control.subject, subjectKind: control.subjectKind.rawValue,
                           status: control.status.name, reason: reason)
        }
        let document = Document(
            schemaVersion: JSONReporter.schemaVersion,
            tool: Tool(name: "aimslint", version: input.toolVersion),
            source: Source(kind: input.sourceKind, revision: input.revision, commit: input.commit, base: input.baseCommit),
            summary: Summary(error: input.count(.error), warning: input.count(.warning), note: input.count(.note),
                             suppressed: input.findings.count - input.activeFindings.count, artifacts: project.artifacts.count),
            systems: systems, datasets: datasets, findings: findings, controls: controls, notices: input.notices)
        return JSONReporter.encode(document)
    }

    /// Sorted keys, two-space indentation, no escaped slashes, trailing newline.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
