import Foundation
import GitKit
import Lint

/// How to walk history.
public struct HistoryOptions: Sendable {
    /// The newest commit to analyse (any revision git understands).
    public var revision: String
    /// Follow only first parents (the commits made on the branch, merges included): the default.
    public var firstParent: Bool
    /// Read and write the cache under `<git dir>/aimslint/`.
    public var useCache: Bool
    /// Accept a shallow clone; the report then says where history stops.
    public var allowShallow: Bool

    public init(revision: String = "HEAD", firstParent: Bool = true, useCache: Bool = true, allowShallow: Bool = false) {
        self.revision = revision
        self.firstParent = firstParent
        self.useCache = useCache
        self.allowShallow = allowShallow
    }
}

/// Why a history run could not be made.
public enum HistoryError: Error, CustomStringConvertible, Sendable {
    /// A shallow clone without `--allow-shallow`: "first met" would be wrong.
    case shallow(repository: String)

    public var description: String {
        switch self {
        case .shallow(let repository):
            "'\(repository)' is a shallow clone, so the history would start at the clone's cut-off and every control "
                + "would seem to be first met there"
        }
    }

    /// The next step for the user.
    public var hint: String {
        "fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout), or pass --allow-shallow"
    }
}

/// How far a walk has got (for a progress bar); `total` is nil when unknown in advance.
public struct HistoryProgress: Sendable {
    public let done: Int
    public let total: Int?
}

/// A finished run: the report and what the cache did.
public struct HistoryRun: Sendable {
    public let report: HistoryReport
    /// Commits whose results came from the cache.
    public let commitsFromCache: Int
    /// Why the cache could not be written, if it could not.
    public let cacheProblem: String?
}

/// Walks a repository's history and builds every control's timeline.
public struct HistoryScanner {
    public let repository: Repository
    public let rules: [any Rule]
    public let toolVersion: String

    public init(repository: Repository, rules: [any Rule], toolVersion: String) {
        self.repository = repository
        self.rules = rules
        self.toolVersion = toolVersion
    }

    public func scan(_ options: HistoryOptions, progress: ((HistoryProgress) -> Void)? = nil) throws -> HistoryRun {
        let shallow = repository.isShallow
        if shallow && !options.allowShallow {
            throw HistoryError.shallow(repository: repository.workingDirectory ?? repository.gitDirectory)
        }
        let tip = try repository.resolveCommit(options.revision)
        let cache = options.useCache
            ? HistoryCache(repository: repository, toolVersion: toolVersion, ruleIDs: rules.map { type(of: $0).description.id })
            : nil
        let boundary = shallow ? Set(repository.shallowBoundary()) : []
        let context = WalkContext(repository: repository, rules: rules, tip: tip, boundary: boundary, progress: progress)
        let walked = options.firstParent
            ? try context.firstParentWalk(cache: cache)
            : try context.allParentsWalk(cache: cache)
        let report = HistoryReport(
            repository: repository.remoteURL() ?? repository.workingDirectory ?? repository.gitDirectory,
            revision: options.revision, commit: tip.hex, firstParent: options.firstParent,
            commitsScanned: walked.checkpoint.commitsScanned, commitsEvaluated: walked.evaluated,
            shallowBoundary: walked.checkpoint.shallowBoundary, oldest: walked.checkpoint.oldest,
            newest: walked.checkpoint.newest, controls: walked.checkpoint.controls)
        var problem: String?
        if let cache, walked.fromCache < walked.checkpoint.commitsScanned {
            problem = cache.save(walked.checkpoint)
        }
        return HistoryRun(report: report, commitsFromCache: walked.fromCache, cacheProblem: problem)
    }
}

/// One walk's fixed inputs, and the two ways of walking.
private struct WalkContext {
    let repository: Repository
    let rules: [any Rule]
    let tip: ObjectID
    let boundary: Set<ObjectID>
    let progress: ((HistoryProgress) -> Void)?

    struct Walked {
        let checkpoint: Checkpoint
        let evaluated: Int
        let fromCache: Int
    }

    /// First parents only, oldest first, carrying on from the newest cached ancestor on the line.
    func firstParentWalk(cache: HistoryCache?) throws -> Walked {
        let cachedTips = cache?.tips(firstParent: true) ?? []
        var chain: [ObjectID] = []
        var base: Checkpoint?
        var stoppedAt: ObjectID?
        var next: ObjectID? = tip
        while let commit = next {
            if cachedTips.contains(commit), let checkpoint = cache?.load(commit, firstParent: true) {
                base = checkpoint
                break
            }
            chain.append(commit)
            if boundary.contains(commit) {
                stoppedAt = commit
                break
            }
            next = try repository.commitInfo(commit).parents.first
        }
        chain.reverse()
        let evaluator = ControlEvaluator(repository: repository, rules: rules, shallowBoundary: boundary)
        var recorder = TimelineRecorder(base?.controls ?? [])
        // The cached statuses, for the first step after a restore (the evaluator starts empty).
        let cached = recorder.states
        var previous = base.flatMap { ObjectID(hex: $0.tip) }
        if let base, let previous {
            let answers = Dictionary(base.answers.map { ($0.selector, $0.answer) }, uniquingKeysWith: { first, _ in first })
            evaluator.restore(relevantPaths: Set(base.relevantPaths), answers: answers, at: previous)
        }
        var oldest = base?.oldest
        let offset = base?.commitsScanned ?? 0
        for (index, commit) in chain.enumerated() {
            let forceFull = base != nil && index == 0
            if let outcome = try evaluator.advance(to: commit, from: previous, parentIsPrevious: true, forceFull: forceFull) {
                var before = outcome.before
                if forceFull {
                    // Measured against the cached statuses, every control the cache knew included.
                    before = [:]
                    for key in Set(cached.keys).union(outcome.before.keys) { before[key] = .some(cached[key]) }
                }
                recorder.record(before: before, after: evaluator.states, stamp: outcome.stamp, sequence: offset + index + 1)
                if oldest == nil { oldest = outcome.stamp }
            }
            previous = commit
            progress?(HistoryProgress(done: index + 1, total: chain.count))
        }
        if let last = chain.last, let outcome = try evaluator.refreshTipReaders(at: last) {
            recorder.record(before: outcome.before, after: evaluator.states, stamp: outcome.stamp, sequence: offset + chain.count)
        }
        let final = chain.isEmpty ? cached : evaluator.states
        let checkpoint = Checkpoint(
            key: "", tip: tip.hex, firstParent: true, commitsScanned: offset + chain.count,
            shallowBoundary: stoppedAt?.hex ?? base?.shallowBoundary, oldest: oldest,
            newest: try stamp(tip), controls: recorder.finish(final),
            relevantPaths: evaluator.relevantPaths.sorted(),
            answers: Checkpoint.answers(evaluator.tracker.savedAnswers))
        return Walked(checkpoint: checkpoint.keyed(cache), evaluated: evaluator.evaluations, fromCache: offset)
    }

    /// Every commit, parents before children. A commit's transitions are measured against its
    /// first parent's statuses, so a side branch's commits are credited with what they changed.
    func allParentsWalk(cache: HistoryCache?) throws -> Walked {
        if let checkpoint = cache?.load(tip, firstParent: false) {
            return Walked(checkpoint: checkpoint, evaluated: 0, fromCache: checkpoint.commitsScanned)
        }
        let walk = try repository.walk(from: tip, firstParent: false, order: .topologicalOldestFirst)
        let evaluator = ControlEvaluator(repository: repository, rules: rules, shallowBoundary: boundary)
        var recorder = TimelineRecorder([])
        var vectors: [[ControlKey: ControlState]] = [[:]]
        var vectorOf: [ObjectID: Int] = [:]
        var currentVector = 0
        var previous: ObjectID?
        var sequence = 0
        var oldest: CommitStamp?
        var reachedBoundary: [ObjectID] = []
        for commit in walk {
            sequence += 1
            let info = try repository.commitInfo(commit)
            let atBoundary = boundary.contains(commit)
            if atBoundary { reachedBoundary.append(commit) }
            let parent = atBoundary ? nil : info.parents.first
            let outcome = try evaluator.advance(to: commit, from: previous, parentIsPrevious: parent == previous,
                                                forceFull: false)
            if outcome != nil, evaluator.states != vectors[currentVector] {
                vectors.append(evaluator.states)
                currentVector = vectors.count - 1
            }
            let parentVector = parent.flatMap { vectorOf[$0] } ?? 0
            let stamp = outcome?.stamp ?? TrackingChangeHistory.stamp(info)
            if oldest == nil { oldest = stamp }
            if parentVector != currentVector {
                recorder.record(from: vectors[parentVector], to: vectors[currentVector], stamp: stamp, sequence: sequence)
            }
            vectorOf[commit] = currentVector
            previous = commit
            progress?(HistoryProgress(done: sequence, total: nil))
        }
        if let error = walk.error { throw error }
        let checkpoint = Checkpoint(
            key: "", tip: tip.hex, firstParent: false, commitsScanned: sequence,
            shallowBoundary: reachedBoundary.min()?.hex, oldest: oldest, newest: try stamp(tip),
            controls: recorder.finish(vectors[currentVector]), relevantPaths: [], answers: [])
        return Walked(checkpoint: checkpoint.keyed(cache), evaluated: evaluator.evaluations, fromCache: 0)
    }

    private func stamp(_ commit: ObjectID) throws -> CommitStamp {
        TrackingChangeHistory.stamp(try repository.commitInfo(commit))
    }
}

/// Collects transitions into timelines as the walk goes.
private struct TimelineRecorder {
    private var timelines: [ControlKey: ControlTimeline]

    init(_ controls: [ControlTimeline]) {
        timelines = Dictionary(controls.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The statuses at the last recorded commit (absent controls left out).
    var states: [ControlKey: ControlState] {
        timelines.compactMapValues { $0.state.status == .absent ? nil : $0.state }
    }

    mutating func record(from old: [ControlKey: ControlState], to new: [ControlKey: ControlState],
                         stamp: CommitStamp, sequence: Int) {
        var before: [ControlKey: ControlState?] = [:]
        for key in Set(old.keys).union(new.keys) { before[key] = .some(old[key]) }
        record(before: before, after: new, stamp: stamp, sequence: sequence)
    }

    /// `before`: the controls that may have changed, with their earlier state (nil: absent);
    /// `after`: the statuses now.
    mutating func record(before changes: [ControlKey: ControlState?], after new: [ControlKey: ControlState],
                         stamp: CommitStamp, sequence: Int) {
        for (key, old) in changes {
            let before = old?.status ?? .absent
            let after = new[key] ?? .absent
            guard before != after.status else { continue }
            var timeline = timelines[key] ?? ControlTimeline(key: key, state: after)
            timeline.transitions.append(ControlTransition(commit: stamp, sequence: sequence, from: before,
                                                          to: after.status, reason: after.reason))
            timelines[key] = timeline
        }
    }

    /// Every timeline with its status at the tip, sorted.
    func finish(_ final: [ControlKey: ControlState]) -> [ControlTimeline] {
        timelines.values.map { timeline in
            var copy = timeline
            copy.state = final[timeline.key] ?? .absent
            return copy
        }
        .sorted { $0.key < $1.key }
    }
}

private extension Checkpoint {
    /// The same checkpoint with the cache's version key (empty without a cache).
    func keyed(_ cache: HistoryCache?) -> Checkpoint {
        Checkpoint(key: cache?.key ?? "", tip: tip, firstParent: firstParent, commitsScanned: commitsScanned,
                   shallowBoundary: shallowBoundary, oldest: oldest, newest: newest, controls: controls,
                   relevantPaths: relevantPaths, answers: answers)
    }
}
