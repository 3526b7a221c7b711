import Foundation
import GitKit

/// Which side of a change the policy (config, waivers, baseline) is read from.
public enum PolicySide: String, Sendable, CaseIterable {
    /// The base: a change cannot weaken its own gate (the default).
    case base
    /// The change itself (opt-in).
    case head
}

extension Checker {
    /// Diff mode (SPEC §2): checks the change and its base with ONE policy, matches findings by
    /// fingerprint and marks each `new`, `unchanged`, `updated` or `absent`. Only `new` findings
    /// decide the exit code; absent ones are reported so that fixed problems close.
    ///
    /// - Parameters:
    ///   - source: the change (a revision, the index or the working tree).
    ///   - baseRevision: the base; for a revision source, the merge base of the two is used, as a
    ///     pull request's diff does. For the index and the working tree the base is used as given.
    public func gate(_ source: CheckSource, base baseRevision: String, policy side: PolicySide = .base,
                     only: Set<String>? = nil, selection: Selection = .everything) throws -> CheckedSnapshot {
        let clock = PhaseClock.shared
        let baseTip: ObjectID
        do {
            baseTip = try repository.resolveCommit(baseRevision)
        } catch let error as GitError where error.code == .revisionNotFound {
            throw GitError(code: .revisionNotFound, function: error.function, message: error.message,
                           summary: "the base '\(baseRevision)' is not available locally",
                           hint: Checker.fetchHint(for: baseRevision))
        }
        let today = SuppressionPass.today()
        // What a run at this base saved (see SubjectResultStore), read and decoded on another
        // thread. The index and the working tree are checked against the base as given, and with
        // the base's policy the cache key needs nothing from the checked side: reading starts
        // before either tree is listed.
        var saved: SavedFile?
        var isRevision = false
        if case .revision = source { isRevision = true }
        if !isRevision, side == .base, let results = resultStore(policy: side, head: nil, only: only, selection: selection, today: today) {
            saved = SavedFile(results, commit: baseTip)
        }
        let (headSnapshot, headCommit) = try snapshot(of: source)
        clock.mark("checked side listed")
        var baseCommit = baseTip
        if case .revision = source, let headCommit, let mergeBase = try repository.mergeBase(headCommit, baseTip) {
            baseCommit = mergeBase
        }
        let baseSnapshot = try repository.snapshot(.commit(baseCommit), sizes: .onDemand)
        clock.mark("base listed")
        let policy = side == .base ? self.policy(in: baseSnapshot) : self.policy(in: headSnapshot)
        let changes = ChangeSet(base: baseCommit.hex, paths: Checker.changedPaths(from: baseSnapshot, to: headSnapshot))
        clock.mark("changed paths")

        // The staged or working tree change sits on HEAD, its base: one history answers both sides.
        // A branch's base lies on its first-parent line: the two walks share their common steps.
        let sameTip = headCommit == baseCommit
        let history = GitChangeHistory(repository: repository, tip: headCommit)
        let results = saved?.store ?? resultStore(policy: side, head: headSnapshot, only: only, selection: selection, today: today)
        if saved == nil, let results { saved = SavedFile(results, commit: baseCommit) }
        // The file's first line, the base's ledger: the checked side's project then reads only
        // the documents that differ from the base's.
        let ledger = saved?.ledger.wait()
        clock.mark("saved ledger read")
        let headReader = ArtifactReader(snapshot: headSnapshot, concurrent: true)
        let headProject = ProjectBuilder(snapshot: headSnapshot, policy: policy, sourceName: source.name,
                                         history: history, changeSet: changes, ledger: ledger).build(reader: headReader)
        clock.mark("checked side's project built")
        let entryLoaded = saved?.entry.wait()
        clock.mark("saved outcomes loaded")
        let baseHistory = sameTip ? history : GitChangeHistory(repository: repository, tip: baseCommit)
        let baseBuilder = ProjectBuilder(snapshot: baseSnapshot, policy: policy, sourceName: baseRevision, history: baseHistory)
        let baseProject = entryLoaded == nil ? baseBuilder.build(reader: ArtifactReader(snapshot: baseSnapshot, sharing: headReader)) : nil
        clock.mark("base project built")
        let scope = Array(Set(headProject.historyScope + (baseProject?.historyScope ?? entryLoaded?.historyScope ?? [])))
        let steps = WalkSteps(scope: scope)
        history.limit(to: scope, sharing: steps)
        if !sameTip && baseProject != nil { baseHistory.limit(to: scope, sharing: steps) }
        let store = answerStore()
        let stopWalking = history.startWalking(unlessPreloadedFrom: store)
        let stopWalkingBase = sameTip || baseProject == nil ? {} : baseHistory.startWalking(unlessPreloadedFrom: store)
        clock.mark("history walks started")
        // The base first, unless its outcomes were saved: the checked side then takes the base's
        // outcomes for its unchanged subjects, in this run already (not with --no-cache, which
        // stays the reference that evaluates everything).
        var entry = entryLoaded
        if entryLoaded == nil, let baseProject {
            let baseResult = engine.run(baseProject, only: only, selection: selection, today: today, parallel: true,
                                        keepOutcomes: results != nil)
            if let results {
                let made = SubjectResultStore.entry(of: baseResult,
                                                    prints: ProjectPrints(project: baseProject, entries: baseSnapshot.entries, complete: false),
                                                    ledger: baseBuilder.ledger(of: baseProject))
                results.save(made, commit: baseCommit)
                entry = made
            } else {
                entry = SubjectResultStore.Entry(findings: baseResult.findings)
            }
        }
        clock.mark("base evaluated")
        var reuse: SubjectReuse?
        if let entry, !entry.outcomes.isEmpty, source != .worktree {
            reuse = SubjectResultStore.reuse(entry, for: ProjectPrints(project: headProject, entries: headSnapshot.entries, complete: false),
                                             entries: headSnapshot.entries, base: baseSnapshot.entries, sameHistory: sameTip)
        }
        clock.mark("outcomes to reuse chosen")
        var headResult = engine.run(headProject, only: only, selection: selection, today: today, parallel: true, reuse: reuse)
        clock.mark("checked side evaluated")
        let baseFindings = entry?.findings ?? []
        stopWalking()
        stopWalkingBase()
        if let store {
            history.save(to: store)
            if !sameTip && baseProject != nil { baseHistory.save(to: store) }
        }
        headResult.findings = Checker.compare(head: headResult.findings, base: baseFindings)
        clock.mark("findings compared")
        var checked = CheckedSnapshot(result: headResult, commit: headCommit, source: source,
                                      sourceLines: Checker.lines(of: Set(headResult.findings.map(\.location.path)), in: headSnapshot))
        checked.baseCommit = baseCommit
        checked.skippedSubmodules = Checker.submodules(in: headSnapshot)
        clock.mark("source lines read")
        return checked
    }

    /// Where rule outcomes for base commits are saved, or nil with `useCache` off. The key holds
    /// what outcomes depend on besides the trees: rules and systems asked for, today, and the
    /// policy's side (with the checked side's `.aims/` files when the policy is read there).
    func resultStore(policy side: PolicySide, head: Snapshot?, only: Set<String>?, selection: Selection,
                     today: String) -> SubjectResultStore? {
        guard useCache else { return nil }
        var policy = "policy \(side.rawValue)"
        if side == .head {
            guard let head else { return nil }
            let files = head.entries.filter { $0.path.hasPrefix(".aims/") }
            // Working-tree files have no blob id to tell one version from another.
            guard files.allSatisfy({ $0.id != nil }) else { return nil }
            policy += files.map { " \($0.path) \($0.id?.hex ?? "-")" }.joined()
        }
        let ids = engine.rules.map { type(of: $0).description.id }
        return SubjectResultStore(repository: repository, ruleIDs: ids, settings: [
            "only \(only.map { $0.sorted().joined(separator: ",") } ?? "*")",
            selection.key,
            "today \(today)", policy,
        ])
    }

    /// How to get a missing base: `origin/main` → `git fetch origin main`.
    static func fetchHint(for revision: String) -> String {
        let parts = revision.split(separator: "/", maxSplits: 1)
        let fetch = parts.count == 2 ? "git fetch \(parts[0]) \(parts[1])" : "git fetch origin \(revision)"
        return "fetch it with `\(fetch)` (in CI, check out with full history: `fetch-depth: 0`)"
    }

    /// Marks head findings against base findings by fingerprint; base-only findings come back as `absent`.
    static func compare(head: [Finding], base: [Finding]) -> [Finding] {
        var baseByFingerprint: [String: Finding] = [:]
        for finding in base { baseByFingerprint[finding.fingerprint] = finding }
        var result: [Finding] = []
        var seen = Set<String>()
        for var finding in head {
            if let old = baseByFingerprint[finding.fingerprint] {
                let same = old.message == finding.message && old.level == finding.level
                finding.baselineState = same ? .unchanged : .updated
            } else {
                finding.baselineState = .new
            }
            seen.insert(finding.fingerprint)
            result.append(finding)
        }
        for var finding in base where !seen.contains(finding.fingerprint) {
            finding.baselineState = .absent
            result.append(finding)
        }
        return result.sorted(by: Finding.reportOrder)
    }

    /// Paths whose entry differs between two snapshots (added, deleted, or different content or
    /// mode). A worktree file without a blob id counts as changed.
    static func changedPaths(from old: Snapshot, to new: Snapshot) -> [String] {
        var changed: [String] = []
        var i = old.entries.startIndex, j = new.entries.startIndex
        while i < old.entries.endIndex || j < new.entries.endIndex {
            if j == new.entries.endIndex || (i < old.entries.endIndex && old.entries[i].path.precedesInByteOrder(new.entries[j].path)) {
                changed.append(old.entries[i].path)
                i += 1
            } else if i == old.entries.endIndex || new.entries[j].path.precedesInByteOrder(old.entries[i].path) {
                changed.append(new.entries[j].path)
                j += 1
            } else {
                let a = old.entries[i], b = new.entries[j]
                if a.id == nil || b.id == nil || a.id != b.id || a.mode != b.mode { changed.append(b.path) }
                i += 1
                j += 1
            }
        }
        return changed
    }
}

/// A value another thread provides once; `wait` blocks until it has (and may be called again).
private final class Promise<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: Value?
    private var fulfilled = false

    func fulfil(_ made: Value?) {
        value = made
        done.signal()
    }

    func wait() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        if !fulfilled {
            done.wait()
            fulfilled = true
        }
        return value
    }
}

/// The file saved for a base commit, read on its own thread: first the ledger (the header
/// line), then the outcomes (the bulk).
private final class SavedFile: @unchecked Sendable {
    let store: SubjectResultStore
    let ledger = Promise<ArtifactLedger>()
    let entry = Promise<SubjectResultStore.Entry>()

    init(_ store: SubjectResultStore, commit: ObjectID) {
        self.store = store
        Thread.detachNewThread { [ledger, entry] in
            let opened = store.open(commit)
            ledger.fulfil(opened?.ledger)
            entry.fulfil(opened.flatMap(store.load))
        }
    }
}

