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
    /// The systems and datasets the run looked at (`--system`, `check PATH`): the project's, or a part.
    public let systems: [AISystem]
    public let datasets: [Dataset]
    /// Every rule the binary knows, by id.
    public let rules: [String: RuleDescription]
    /// Lines of text that are not findings: hints and notices for the reader.
    public let notices: [String]
    /// Whether `--include-passes` asked for pass and not-applicable results.
    public let includePasses: Bool
    /// The source line at (path, line), for excerpts; nil when unknown.
    public let sourceLine: @Sendable (String, Int) -> String?
    /// Every control, passing and not applicable ones included, whatever `controls` holds
    /// (JUnit needs all of them); nil means `controls` is the whole list.
    public let allControls: [ControlResult]?
    /// The remote's address with any credentials already removed (SARIF `repositoryUri`).
    public let repositoryURI: String?
    /// The checked-out branch, when the commit checked is its tip.
    public let branch: String?
    /// The analysis category in SARIF's `automationDetails.id` ("aimslint/<mode>/"); nil
    /// derives it from the source (see `mode`).
    public let automationMode: String?
    /// What the run exits with; nil derives it from the findings and `failThreshold`.
    public let exitCode: Int?
    /// The `--fail-on` level in force (JUnit marks controls failed from it).
    public let failThreshold: FailThreshold
    /// Base of the rule documentation, e.g. ".../docs/rules.md"; each rule's `helpUri` is this
    /// plus "#<id>". nil leaves `helpUri` out (see `SARIFReporter`).
    public let documentationURI: String?
    /// The whole text of a file as the source holds it, for GitHub's line hash; nil when unknown.
    public let sourceText: @Sendable (String) -> String?

    public init(toolVersion: String, sourceKind: String, revision: String?, commit: String?, baseCommit: String? = nil,
                findings: [Finding], controls: [ControlResult], project: Project, rules: [String: RuleDescription],
                notices: [String] = [], includePasses: Bool = false, allControls: [ControlResult]? = nil,
                repositoryURI: String? = nil, branch: String? = nil, automationMode: String? = nil,
                exitCode: Int? = nil, failThreshold: FailThreshold = .error, documentationURI: String? = nil,
                sourceLine: @escaping @Sendable (String, Int) -> String? = { _, _ in nil },
                systems: [AISystem]? = nil, datasets: [Dataset]? = nil,
                sourceText: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.toolVersion = toolVersion
        self.sourceKind = sourceKind
        self.revision = revision
        self.commit = commit
        self.baseCommit = baseCommit
        self.findings = findings
        self.controls = controls
        self.project = project
        self.systems = systems ?? project.systems
        self.datasets = datasets ?? project.datasets
        self.rules = rules
        self.notices = notices
        self.includePasses = includePasses
        self.sourceLine = sourceLine
        self.allControls = allControls
        self.repositoryURI = repositoryURI
        self.branch = branch
        self.automationMode = automationMode
        self.exitCode = exitCode
        self.failThreshold = failThreshold
        self.documentationURI = documentationURI
        self.sourceText = sourceText
    }

    /// Every control known to the run.
    public var everyControl: [ControlResult] { allControls ?? controls }

    /// The analysis category: "commit" for a revision (a pull-request run and a branch run on
    /// the same configuration must share it, or GitHub cannot compare them), "staged" for the
    /// index, "worktree" for the working tree.
    public var mode: String {
        if let automationMode { return automationMode }
        switch sourceKind {
        case "revision": return "commit"
        case "index": return "staged"
        default: return sourceKind
        }
    }

    /// The exit code as given, else 1 when an active finding reaches the threshold, else 0.
    public var effectiveExitCode: Int {
        exitCode ?? (activeFindings.contains { failThreshold.isReached(by: $0.level) } ? 1 : 0)
    }

    /// Findings that count: not suppressed, and still present (not `absent` in diff mode).
    public var activeFindings: [Finding] { findings.filter { !$0.isSuppressed && $0.baselineState != .absent } }

    /// Counts of active findings per level.
    public func count(_ level: Level) -> Int { activeFindings.filter { $0.level == level }.count }
}

/// The output formats. Each case maps to exactly one reporter in `Reporter.render`, so a format
/// without a reporter does not compile.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github, gitlab, markdown

    /// Renders the report. `color` adds ANSI colour (text only; callers decide from TTY and NO_COLOR).
    public func render(_ input: ReportInput, color: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color).render(input)
        case .json: JSONReporter().render(input)
        case .sarif: SARIFReporter().render(input)
        case .junit: JUnitReporter().render(input)
        case .github: GitHubReporter().render(input)
        case .gitlab: GitLabReporter().render(input)
        case .markdown: MarkdownReporter().render(input)
        }
    }
}
