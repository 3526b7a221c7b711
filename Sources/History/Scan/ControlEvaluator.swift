import GitKit
import Lint

/// Evaluates every control commit by commit, doing only the work a commit's change calls for.
///
/// It keeps the set of relevant paths (artifact names, `.aims/`, licences, explicit artifact
/// paths) up to date from each commit's tree diff, so no commit's whole tree is listed; skips
/// commits that touch none of them; parses each blob once (one `ArtifactReader` across
/// commits); and re-runs the rules only for the subjects whose inputs changed (`ProjectPrints`),
/// plus the controls that read dates from history at the previous evaluation.
final class ControlEvaluator {
    /// Who made a commit, and which controls the step set or removed: their states before it
    /// (nil: absent). The states after it are `states` (read them; keeping a copy across the
    /// next step would copy the whole table each step).
    struct Outcome {
        let stamp: CommitStamp
        let before: [ControlKey: ControlState?]
    }

    private let repository: Repository
    private let engine: Engine
    private let checker: Checker
    private let repositoryRules: Set<String>
    let tracker: TrackingChangeHistory

    /// Files whose content or existence the project is built from, at the current commit.
    private(set) var relevantPaths: Set<String> = []
    /// The entries of the relevant paths at the current commit, kept up to date from each diff
    /// (so no evaluation lists a tree); rebuilt from the tree when `trackedValid` is false.
    private var trackedEntries: [String: SnapshotEntry] = [:]
    private var trackedValid = false
    /// Every path the policy has mapped explicitly (kept once seen; relevance only grows).
    private var explicitPaths: Set<String> = []
    private(set) var states: [ControlKey: ControlState] = [:]
    /// Commits at which rules ran.
    private(set) var evaluations = 0

    private var project: Project?
    private var prints: ProjectPrints?
    /// What each control read from history at its last evaluation (set through `setAccess`,
    /// which keeps the tip-reader counts).
    private var sensitivity: [ControlKey: HistoryAccess] = [:]
    /// Controls in `sensitivity` that read the tip, and those of them that gave a date range.
    private var tipReaders = 0
    private var rangedTipReaders = 0
    private var reader: ArtifactReader?
    private var cachedPolicy: (id: ObjectID?, policy: Policy)?
    private var cachedFilter: (selectors: Int, explicit: Int, filter: PathFilter)?
    private let classifications = ClassificationMemo()
    private let reuse = ArtifactReuse()

    init(repository: Repository, rules: [any Rule], shallowBoundary: Set<ObjectID>) {
        self.repository = repository
        engine = Engine(rules: rules.map(tracked))
        checker = Checker(repository: repository, engine: Engine(rules: rules))
        repositoryRules = Set(rules.map { type(of: $0).description }.filter { $0.scope.contains(.repository) }.map(\.id))
        tracker = TrackingChangeHistory(repository: repository, shallowBoundary: shallowBoundary)
    }

    /// Continues from a cached state: the relevant paths and carried history answers at `commit`.
    func restore(relevantPaths paths: Set<String>, answers: [PathSelector: CommitStamp?], at commit: ObjectID) {
        relevantPaths = paths
        trackedValid = false
        tracker.restore(answers: answers, at: commit)
    }

    /// Moves from `previous` (nil: the empty tree) to `commit`. `parentIsPrevious` says whether
    /// `previous` is the commit's first parent, so the diff is the commit's own change. Returns
    /// nil when no control can have changed; `forceFull` evaluates everything.
    func advance(to commit: ObjectID, from previous: ObjectID?, parentIsPrevious: Bool, forceFull: Bool) throws -> Outcome? {
        // While the tracker indexes every change, the diff reports every changed path (it opens
        // every changed folder either way); the rest of this step looks at the selected ones.
        let filter = diffFilter()
        let indexing = tracker.isIndexing && parentIsPrevious
        let changes = try repository.treeDiff(from: previous, to: commit, filter: indexing ? .all : filter,
                                              detectRenames: true)
        var relevantChanged = false
        var changed: [String] = []
        var everyPath: [String] = []
        if indexing { everyPath.reserveCapacity(changes.count) }
        for change in changes {
            if indexing {
                if let old = change.oldPath { everyPath.append(old) }
                if let new = change.newPath, new != change.oldPath { everyPath.append(new) }
            }
            if let old = change.oldPath, !indexing || filter.selects(old) {
                changed.append(old)
                if relevantPaths.remove(old) != nil { relevantChanged = true }
                trackedEntries[old] = nil
            }
            if let new = change.newPath, !indexing || filter.selects(new) {
                if change.oldPath != new { changed.append(new) }
                if isRelevant(new, explicit: explicitPaths) {
                    relevantPaths.insert(new)
                    relevantChanged = true
                    if let id = change.newID, let mode = change.newMode, let kind = EntryKind(mode: mode) {
                        trackedEntries[new] = SnapshotEntry(path: new, id: id, mode: mode, kind: kind,
                                                     size: kind == .submodule ? 0 : SnapshotEntry.sizeNotRead)
                    } else {
                        trackedValid = false
                    }
                }
            }
        }
        // The history questions this commit's own change answers anew (nil: not its own change,
        // so every answer is in doubt). Worked out once per commit, not once per control.
        let touchedSelectors = parentIsPrevious ? tracker.selectors(touchedBy: changed) : nil
        // A control that read the tip's date is due again unless it said for which dates its
        // answer holds (then only when this commit's date leaves that range).
        var info: CommitInfo?
        if rangedTipReaders > 0 {
            info = try repository.commitInfo(commit)
        }
        let time = info?.committer.time
        var due: [ControlKey] = []
        if touchedSelectors?.isEmpty == false || touchedSelectors == nil || tipReaders > 0 {
            for (key, access) in sensitivity {
                let tipDue = access.readsTip && (access.tipRange.flatMap { range in time.map { !range.contains($0) } } ?? true)
                let selectorDue = touchedSelectors.map { !access.selectors.isDisjoint(with: $0) } ?? !access.selectors.isEmpty
                if tipDue || selectorDue { due.append(key) }
            }
        }
        let full = forceFull || project == nil
        if !full && !relevantChanged && due.isEmpty {
            tracker.move(to: commit, stamp: nil, touched: touchedSelectors, ownChange: indexing ? everyPath : nil)
            return nil
        }
        let stamp = TrackingChangeHistory.stamp(try info ?? repository.commitInfo(commit))
        tracker.move(to: commit, stamp: stamp, touched: touchedSelectors, ownChange: indexing ? everyPath : nil)
        evaluations += 1
        if full || relevantChanged {
            let (project, entries) = try buildProject(commit)
            let newPrints = ProjectPrints(project: project, entries: entries)
            let old = prints
            self.project = project
            prints = newPrints
            if full || old?.global != newPrints.global {
                evaluate(rules: nil, subjects: nil)
                return outcome(stamp)
            }
            let gone = Set(old?.subjects.keys.filter { newPrints.subjects[$0] == nil } ?? [])
            dropStates(of: gone)
            let dirty = Set(newPrints.subjects.keys.filter { old?.subjects[$0] != newPrints.subjects[$0] })
            if !dirty.isEmpty {
                // A subject id can change kind (a system's id passes to a dataset): its old
                // controls go, and the evaluation brings back those that still apply.
                dropStates(of: dirty)
                evaluate(rules: nil, subjects: dirty)
            }
            if let old, old.names != newPrints.names || old.datasetIDs != newPrints.datasetIDs
                || old.datasetDocuments != newPrints.datasetDocuments {
                let appeared = old.names.symmetricDifference(newPrints.names)
                let documents = old.datasetDocuments.symmetricDifference(newPrints.datasetDocuments)
                let datasetsChanged = old.datasetIDs != newPrints.datasetIDs
                let affected = sensitivity.filter { key, access in
                    !dirty.contains(key.system) && access.existence.contains { question in
                        switch question {
                        case .datasetIDs: datasetsChanged
                        case .datasetDocumentation: documents.contains(where: question.isAffected)
                        case .file, .folder: appeared.contains(where: question.isAffected)
                        }
                    }
                }.keys
                if !affected.isEmpty {
                    evaluate(rules: Set(affected.map(\.rule)), subjects: Set(affected.map(\.system)))
                }
            }
        }
        let stillDue = due.filter { states[$0] != nil }
        if !stillDue.isEmpty {
            evaluate(rules: Set(stillDue.map(\.rule)), subjects: Set(stillDue.map(\.system)))
        }
        return outcome(stamp)
    }

    /// Evaluates again, at the current commit, every control that read the tip: their statuses
    /// hold, but their messages may count days. Nil when there is none.
    func refreshTipReaders(at commit: ObjectID) throws -> Outcome? {
        let keys = sensitivity.filter { $0.value.readsTip && $0.value.tipRange != nil }.keys
        guard !keys.isEmpty, project != nil else { return nil }
        let stamp = TrackingChangeHistory.stamp(try repository.commitInfo(commit))
        tracker.setStamp(stamp)
        evaluate(rules: Set(keys.map(\.rule)), subjects: Set(keys.map(\.system)))
        return outcome(stamp)
    }

    /// Controls set or removed since the last outcome, with their state before (nil: absent).
    private var touched: [ControlKey: ControlState?] = [:]
    /// The date waivers are judged against, read once for the walk.
    private let today = SuppressionPass.today()

    private func outcome(_ stamp: CommitStamp) -> Outcome {
        defer { touched = [:] }
        return Outcome(stamp: stamp, before: touched)
    }

    /// Records a control's state before this step's first change to it.
    private func touch(_ key: ControlKey) {
        if touched.index(forKey: key) == nil { touched[key] = .some(states[key]) }
    }

    /// Removes the controls of these subjects, remembering which went (in place: the table of
    /// every control is not copied per step).
    private func dropStates(of subjects: Set<String?>) {
        let going = states.keys.filter { subjects.contains($0.system) }
        for key in going {
            touch(key)
            states[key] = nil
        }
        let unread = sensitivity.keys.filter { subjects.contains($0.system) }
        for key in unread { setAccess(nil, for: key) }
    }

    // MARK: - Running the rules


    /// Runs `rules` (nil: all) for `subjects` (nil: all; nil inside the set: the repository) and
    /// stores their statuses.
    private func evaluate(rules: Set<String>?, subjects: Set<String?>?) {
        guard let project else { return }
        guard let subjects else {
            for key in states.keys { touch(key) }
            states = [:]
            sensitivity = [:]
            tipReaders = 0
            rangedTipReaders = 0
            accept(engine.run(project, only: rules, today: today), kinds: nil)
            return
        }
        let ids = Set(subjects.compactMap { $0 })
        if !ids.isEmpty {
            accept(engine.run(project, only: rules, selection: Selection(ids: ids), today: today), kinds: [.system, .dataset])
        }
        if subjects.contains(nil) {
            let wanted = rules.map { $0.intersection(repositoryRules) } ?? repositoryRules
            if !wanted.isEmpty { accept(engine.run(project, only: wanted, today: today), kinds: [.repository]) }
        }
    }

    private func accept(_ result: LintResult, kinds: Set<SubjectKind>?) {
        var reasons: [ControlKey: String] = [:]
        var anyReason: [String: String] = [:]
        for finding in result.findings where !finding.isSuppressed {
            let key = ControlKey(system: finding.system, rule: finding.ruleID)
            if reasons[key] == nil { reasons[key] = finding.message }
            if anyReason[finding.ruleID] == nil { anyReason[finding.ruleID] = finding.message }
        }
        for control in result.controls where kinds?.contains(control.subjectKind) ?? true {
            let key = ControlKey(system: control.subject, rule: control.ruleID)
            touch(key)
            states[key] = state(of: control, key: key, reason: reasons[key] ?? anyReason[control.ruleID])
            let access = tracker.access(of: key)
            setAccess(access.isEmpty ? nil : access, for: key)
        }
    }

    private func setAccess(_ access: HistoryAccess?, for key: ControlKey) {
        if let old = sensitivity[key], old.readsTip {
            tipReaders -= 1
            if old.tipRange != nil { rangedTipReaders -= 1 }
        }
        if let access, access.readsTip {
            tipReaders += 1
            if access.tipRange != nil { rangedTipReaders += 1 }
        }
        sensitivity[key] = access
    }

    /// The engine's status, except that a pass resting on a document that cannot be read counts
    /// as a failure: the evidence for the control could not be checked at that commit.
    private func state(of control: ControlResult, key: ControlKey, reason: String?) -> ControlState {
        switch control.status {
        case .pass:
            if let subject = control.subject, let problem = prints?.unreadable[subject] {
                return ControlState(status: .fail, reason: problem)
            }
            return ControlState(status: .pass)
        case .fail:
            return ControlState(status: .fail, reason: reason)
        case .notApplicable(let why):
            return ControlState(status: .notApplicable, reason: why)
        }
    }

    // MARK: - Building the project

    /// The project at `commit`, read from a snapshot limited to the relevant paths.
    private func buildProject(_ commit: ObjectID) throws -> (Project, [SnapshotEntry]) {
        var snapshot = try relevantSnapshot(commit)
        let policy = policy(in: snapshot)
        let explicit = Set(policy.systems.flatMap { $0.artifacts.values })
        if !explicit.isSubset(of: explicitPaths) {
            explicitPaths.formUnion(explicit)
            cachedFilter = nil
            let missing = explicit.subtracting(relevantPaths)
            if !missing.isEmpty {
                relevantPaths.formUnion(missing)
                trackedValid = false
                snapshot = try relevantSnapshot(commit)
            }
        }
        let useReader: ArtifactReader
        if snapshot.entries.contains(where: { $0.kind == .symlink }) {
            // A link is resolved against its own commit's tree, which may hold its target
            // anywhere: read that commit in full, with a reader of its own.
            snapshot = try repository.snapshot(.commit(commit))
            useReader = ArtifactReader(snapshot: snapshot)
        } else {
            useReader = sharedReader(for: snapshot)
        }
        var project = ProjectBuilder(snapshot: snapshot, policy: policy, sourceName: "history", history: tracker,
                                     classifications: classifications, reuse: useReader === reader ? reuse : nil)
            .build(reader: useReader)
        project.observer = tracker
        return (project, snapshot.entries)
    }

    /// A snapshot of just the relevant paths: the entries kept from the diffs, or (the first
    /// time, after a cache restore, or when the policy names new paths) a listing of the tree.
    private func relevantSnapshot(_ commit: ObjectID) throws -> Snapshot {
        if trackedValid {
            let entries = trackedEntries.values.sorted { $0.path.precedesInByteOrder($1.path) }
            return Snapshot(source: .commit(commit), entries: entries, repository: repository)
        }
        let wanted = relevantPaths
        let snapshot = wanted.count <= Self.prefixLimit
            ? try repository.snapshot(.commit(commit), filter: PathFilter(prefixes: wanted.sorted()), sizes: .onDemand)
            : try repository.snapshot(.commit(commit), filter: PathFilter(prefixes: []) { wanted.contains($0) }, sizes: .onDemand)
        trackedEntries = Dictionary(snapshot.entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        trackedValid = true
        return snapshot
    }

    private static let prefixLimit = 8

    /// One reader for the whole walk, so each blob is parsed once while it stays in the tree.
    private func sharedReader(for snapshot: Snapshot) -> ArtifactReader {
        let current = Set(snapshot.entries.compactMap(\.id))
        if let reader {
            // Only the blobs of this commit can be asked for again; the rest go, so memory is
            // bounded by one tree's documents however long the history.
            reader.keepOnly(current)
            return reader
        }
        let fresh = ArtifactReader(snapshot: snapshot)
        reader = fresh
        return fresh
    }

    /// The policy, decoded again only when `.aims/config.yml` changed.
    private func policy(in snapshot: Snapshot) -> Policy {
        let id = snapshot.entry(at: Policy.configPath)?.id
        if let cachedPolicy, cachedPolicy.id == id { return cachedPolicy.policy }
        let policy = checker.policy(in: snapshot)
        cachedPolicy = (id, policy)
        return policy
    }

    // MARK: - Which paths matter

    /// Artifact names, `.aims/`, licences and explicit artifact paths; plus, for the diff, the
    /// files whose last change a rule has asked about.
    private func diffFilter() -> PathFilter {
        let selectors = tracker.indexedSelectors
        if let cachedFilter, cachedFilter.selectors == selectors.count, cachedFilter.explicit == explicitPaths.count {
            return cachedFilter.filter
        }
        let explicit = explicitPaths
        let index = selectors.index
        let filter = PathFilter(prefixes: []) { path in
            isRelevant(path, explicit: explicit) || index.anySelects(path)
        }
        cachedFilter = (selectors.count, explicit.count, filter)
        return filter
    }
}

/// Whether a path can change the project: recognised by name (or maybe by front matter), under
/// `.aims/`, a licence, or mapped explicitly by the policy.
func isRelevant(_ path: String, explicit: Set<String>) -> Bool {
    path.hasPrefix(".aims/") || explicit.contains(path) || ArtifactClassifier.classify(path) != .notAnArtifact
}
