import Catalog
import Lint

/// Everything a reporter may print, as plain values; reporters never touch git.
public struct ReportInput: Sendable {
    public let toolVersion: String
    /// "revision", "index" or "worktree".
    public let sourceKind: String
    /// The revision as given ("HEAD", "origin/main"), nil for index and worktree.
    public let revision: String?
    /// The commit checked (or HEAD for index/worktree), nil when unborn.
    public let commit: String?
    public let baseCommit: String?
    public let findings: [Finding]
    public let controls: [ControlResult]
    public let project: Project
    /// Every rule the binary knows, by id.
    public let rules: [String: RuleDescription]
    /// Lines of text that are not findings: hints and notices for the reader.
    public let notices: [String]
    /// Whether `--include-passes` asked for pass and not-applicable results.
    public let includePasses: Bool
    /// The source line at (path, line), for excerpts; nil when unknown.
    public let sourceLine: @Sendable (String, Int) -> String?

    public init(toolVersion: String, sourceKind: String, revision: String?, commit: String?, baseCommit: String? = nil,
                findings: [Finding], controls: [ControlResult], project: Project, rules: [String: RuleDescription],
                notices: [String] = [], includePasses: Bool = false,
                sourceLine: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }) {
        self.toolVersion = toolVersion
        self.sourceKind = sourceKind
        self.revision = revision
        self.commit = commit
        self.baseCommit = baseCommit
        self.findings = findings
        self.controls = controls
        self.project = project
        self.rules = rules
        self.notices = notices
        self.includePasses = includePasses
        self.sourceLine = sourceLine
    }

    /// Findings that count: not suppressed, and still present (not `absent` in diff mode).
    public var activeFindings: [Finding] { findings.filter { !$0.isSuppressed && $0.baselineState != .absent } }

    /// Counts of active findings per level.
    public func count(_ level: Level) -> Int { activeFindings.filter { $0.level == level }.count }
}

/// The output formats. Each case maps to exactly one reporter in `Reporter.render`, so a format
/// without a reporter does not compile.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json

    /// Renders the report. `color` adds ANSI colour (text only; callers decide from TTY and NO_COLOR).
    public func render(_ input: ReportInput, color: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color).render(input)
        case .json: JSONReporter().render(input)
        }
    }
}
