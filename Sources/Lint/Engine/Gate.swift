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
                     only: Set<String>? = nil, systems: Set<String>? = nil) throws -> CheckedSnapshot {
        let (headSnapshot, headCommit) = try snapshot(of: source)
        let baseTip: ObjectID
        do {
            baseTip = try repository.resolveCommit(baseRevision)
        } catch let error as GitError where error.code == .revisionNotFound {
            throw GitError(code: .revisionNotFound, function: error.function, message: error.message,
                           summary: "the base '\(baseRevision)' is not available locally",
                           hint: Checker.fetchHint(for: baseRevision))
        }
        var baseCommit = baseTip
        if case .revision = source, let headCommit, let mergeBase = try repository.mergeBase(headCommit, baseTip) {
            baseCommit = mergeBase
        }
        let baseSnapshot = try repository.snapshot(.commit(baseCommit), sizes: .onDemand)
        let policy = side == .base ? self.policy(in: baseSnapshot) : self.policy(in: headSnapshot)
        let changes = ChangeSet(base: baseCommit.hex, paths: Checker.changedPaths(from: baseSnapshot, to: headSnapshot))

        // The staged or working tree change sits on HEAD, its base: one history answers both sides.
        // A branch's base lies on its first-parent line: the two walks share their common steps.
        let sameTip = headCommit == baseCommit
        let history = GitChangeHistory(repository: repository, tip: headCommit)
        let headReader = ArtifactReader(snapshot: headSnapshot)
        let headProject = ProjectBuilder(snapshot: headSnapshot, policy: policy, sourceName: source.name,
                                         history: history, changeSet: changes).build(reader: headReader)
        let baseHistory = sameTip ? history : GitChangeHistory(repository: repository, tip: baseCommit)
        let baseProject = ProjectBuilder(snapshot: baseSnapshot, policy: policy, sourceName: baseRevision,
                                         history: baseHistory).build(reader: ArtifactReader(snapshot: baseSnapshot, sharing: headReader))
        let scope = Array(Set(headProject.historyScope + baseProject.historyScope))
        let steps = WalkSteps(scope: scope)
        history.limit(to: scope, sharing: steps)
        if !sameTip { baseHistory.limit(to: scope, sharing: steps) }
        let today = SuppressionPass.today()
        let store = answerStore()
        let stopWalking = history.startWalking(unlessPreloadedFrom: store)
        let stopWalkingBase = sameTip ? {} : baseHistory.startWalking(unlessPreloadedFrom: store)
        var headResult = engine.run(headProject, only: only, systems: systems, today: today, parallel: true)
        let baseResult = engine.run(baseProject, only: only, systems: systems, today: today, parallel: true)
        stopWalking()
        stopWalkingBase()
        if let store {
            history.save(to: store)
            if !sameTip { baseHistory.save(to: store) }
        }
        headResult.findings = Checker.compare(head: headResult.findings, base: baseResult.findings)
        var checked = CheckedSnapshot(result: headResult, commit: headCommit, source: source,
                                      sourceLines: Checker.lines(of: Set(headResult.findings.map(\.location.path)), in: headSnapshot))
        checked.baseCommit = baseCommit
        checked.skippedSubmodules = Checker.submodules(in: headSnapshot)
        return checked
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
            if j == new.entries.endIndex || (i < old.entries.endIndex && old.entries[i].path.utf8.lexicographicallyPrecedes(new.entries[j].path.utf8)) {
                changed.append(old.entries[i].path)
                i += 1
            } else if i == old.entries.endIndex || new.entries[j].path.utf8.lexicographicallyPrecedes(old.entries[i].path.utf8) {
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
