import Catalog

/// A set of files that makes a small repository, used as a rule's passing or failing example.
///
/// In a failing example, the character `↓` marks each line where the rule must report a finding
/// (the marker is removed before the files are written). Paths are repository-relative.
public struct Example: Hashable, Sendable {
    public let files: [String: String]
    public let note: String?
    /// For rules about changes and history: the files of an earlier commit. The example's `files`
    /// are then committed on top of it, and the rule runs in diff mode against that commit.
    public let base: [String: String]?

    public init(_ files: [String: String], base: [String: String]? = nil, note: String? = nil) {
        self.files = files
        self.base = base
        self.note = note
    }

    public static let marker: Character = "↓"

    /// The files with markers removed.
    public var cleanFiles: [String: String] {
        files.mapValues { $0.replacingOccurrences(of: String(Example.marker), with: "") }
    }

    /// Every (path, line) the markers point at, sorted.
    public var expectedLocations: [ExpectedLocation] {
        var result: [ExpectedLocation] = []
        for (path, text) in files {
            var line = 1
            for character in text {
                if character == Example.marker { result.append(ExpectedLocation(path: path, line: line)) }
                if character == "\n" { line += 1 }
            }
        }
        return result.sorted()
    }
}

/// A (path, line) pair a failing example expects a finding at.
public struct ExpectedLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }
    public static func < (a: ExpectedLocation, b: ExpectedLocation) -> Bool { (a.path, a.line) < (b.path, b.line) }
    public var description: String { "\(path):\(line)" }
}

/// Everything that is known about a rule without running it: identity, ISO mapping, texts, examples.
public struct RuleDescription: Sendable {
    public let id: String
    public let title: String
    public let rationale: String
    public let fix: String
    /// The life cycle stage from which the rule applies; nil for rules that apply at any stage.
    public let stage: LifecycleStage?
    public let processes: [LifecycleProcess]
    /// 42001 Annex A control ids (and main-body clauses written as "cl. 6.1.2").
    public let controls: [String]
    public let level: Level
    public let scope: Set<SubjectKind>
    /// Risk `high` raises this rule to error (oversight, monitoring, impact rules).
    public let raisedForHighRisk: Bool
    /// The rule fires on text that is present (placeholders, wording), so the same text inside a
    /// fenced code block must not fire. Rules about missing content are not re-run that way.
    public let firesOnText: Bool
    /// The rule judges a model card or a dataset document the way a published document of its
    /// kind is judged (the Hugging Face templates, Mitchell et al., Gebru et al., Croissant): for
    /// a system or dataset whose life cycle stage is not declared it runs at full strength, where
    /// the other rules judge only what is present (SPEC §5.1).
    public let judgesPublishedDocument: Bool
    public let passing: [Example]
    public let failing: [Example]
    /// Old ids this rule answers to (a renamed rule keeps its old id).
    public let deprecatedIDs: [String]
    /// The rule asks the commit history (`Project.history`): the engine runs such rules after the
    /// others, so a history walk can go on alongside them.
    public let readsHistory: Bool
    /// The rule reads what the checked change touched (`Project.changeSet`), not only the
    /// subject's documents: its outcome is never taken from an earlier evaluation.
    public let readsChangeSet: Bool

    public init(id: String, title: String, rationale: String, fix: String, stage: LifecycleStage?,
                processes: [LifecycleProcess], controls: [String], level: Level, scope: Set<SubjectKind> = [.system],
                raisedForHighRisk: Bool = false, firesOnText: Bool = false, judgesPublishedDocument: Bool = false,
                readsHistory: Bool = false,
                readsChangeSet: Bool = false, passing: [Example], failing: [Example], deprecatedIDs: [String] = []) {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.fix = fix
        self.stage = stage
        self.processes = processes
        self.controls = controls
        self.level = level
        self.scope = scope
        self.raisedForHighRisk = raisedForHighRisk
        self.firesOnText = firesOnText
        self.judgesPublishedDocument = judgesPublishedDocument
        self.passing = passing
        self.failing = failing
        self.deprecatedIDs = deprecatedIDs
        self.readsHistory = readsHistory
        self.readsChangeSet = readsChangeSet
    }

    /// "MC" for "MC-005", "LC" for "LC-OPS-001".
    public var family: String { String(id.prefix { $0 != "-" }) }

    /// The 42001 control ids, expanded ("A.5.2–A.5.5" becomes four ids), clauses left out.
    public var annexControls: [String] {
        controls.flatMap { AnnexA.expand($0) }.filter { $0.hasPrefix("A.") }
    }
}
