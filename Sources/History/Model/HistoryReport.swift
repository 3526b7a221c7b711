import Lint

/// What `aimslint history` found: every control's timeline over the walked commits.
public struct HistoryReport: Hashable, Sendable, Codable {
    /// The repository's `origin` URL without credentials, else its folder.
    public var repository: String
    /// The revision as given ("HEAD", "main").
    public var revision: String
    /// The commit it resolved to.
    public var commit: String
    public var firstParent: Bool
    /// Commits in the analysed history (cached ones included).
    public var commitsScanned: Int
    /// Commits whose controls were (re-)evaluated in this run; the only field the cache changes.
    public var commitsEvaluated: Int
    /// In a shallow clone, the commit where the history stops.
    public var shallowBoundary: String?
    /// The oldest and the newest commit walked (the chart's time axis).
    public var oldest: CommitStamp?
    public var newest: CommitStamp?
    /// When transitions are limited to commits dated on or after a date (`--since`).
    public var since: String?
    /// Sorted by system (repository-wide first), then rule.
    public var controls: [ControlTimeline]

    public init(repository: String, revision: String, commit: String, firstParent: Bool, commitsScanned: Int,
                commitsEvaluated: Int, shallowBoundary: String?, oldest: CommitStamp?, newest: CommitStamp?,
                since: String? = nil, controls: [ControlTimeline]) {
        self.repository = repository
        self.revision = revision
        self.commit = commit
        self.firstParent = firstParent
        self.commitsScanned = commitsScanned
        self.commitsEvaluated = commitsEvaluated
        self.shallowBoundary = shallowBoundary
        self.oldest = oldest
        self.newest = newest
        self.since = since
        self.controls = controls
    }

    /// Only the given systems and rules (nil keeps all), and only transitions dated on or after
    /// `since` (unix seconds). `firstMet` and `lastLost` still come from the whole history, so
    /// "met since" stays true; they are computed before the transitions are cut.
    public func filtered(systems: Set<String>?, rules: Set<String>?, since: (seconds: Int64, text: String)?) -> HistoryReport {
        var copy = self
        copy.controls = controls.filter { control in
            (systems.map { control.key.system.map($0.contains) ?? false } ?? true)
                && (rules.map { $0.contains(control.key.rule) } ?? true)
        }
        if let since {
            copy.since = since.text
            copy.sinceCut = since.seconds
        }
        return copy
    }

    /// Set by `filtered(since:)`: transitions before it are left out of the listings.
    public var sinceCut: Int64?

    /// The transitions a report lists for a control (after `--since`).
    public func listedTransitions(_ control: ControlTimeline) -> [ControlTransition] {
        guard let sinceCut else { return control.transitions }
        return control.transitions.filter { $0.commit.time >= sinceCut }
    }

    /// Subject ids in report order (nil, the repository, first).
    public var subjects: [String?] {
        var seen: [String?] = []
        for control in controls where seen.last.map({ $0 != control.key.system }) ?? true {
            seen.append(control.key.system)
        }
        return seen
    }
}
