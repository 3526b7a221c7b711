import Foundation
import GitKit
import Lint

/// What one control's evaluation read from history: the checked commit's date, or the last
/// change of some files. Such a control can change status at a commit that touches no artifact.
struct HistoryAccess: Hashable, Sendable {
    var readsTip = false
    var selectors: Set<PathSelector> = []
    /// When the tip was read only to compare its date with deadlines: the commit times for which
    /// the answer stays the same (nil: any other tip may change it).
    var tipRange: Range<Int64>?
    /// Which files' existence the evaluation asked about (links, training code).
    var existence: Set<ExistenceQuestion> = []

    var isEmpty: Bool { !readsTip && selectors.isEmpty && existence.isEmpty }
}

/// `ChangeHistory` for a walk through history: answers for the commit being evaluated, carried
/// forward from commit to commit instead of walking back each time, and records which control
/// asked what, so the evaluator knows which controls depend on dates rather than documents.
final class TrackingChangeHistory: ChangeHistory, ProjectObserver, @unchecked Sendable {
    private let repository: Repository
    private let shallowBoundary: Set<ObjectID>
    private let lock = NSLock()
    private var tipStamp: CommitStamp?
    private var tipID: ObjectID?
    /// Last change per selector, valid for `tipID`.
    private var answers: [PathSelector: CommitStamp?] = [:]
    private var current: ControlKey?
    private var accesses: [ControlKey: HistoryAccess] = [:]
    /// Every selector asked so far: the walk's diff must look at their paths too.
    private(set) var knownSelectors: Set<PathSelector> = []
    /// The same, by the paths and folders they name.
    private var selectorIndex = SelectorIndex()
    /// Every path changed so far and when, while the walk has fed it every commit's own change
    /// from the start of history; nil once it missed one (a cache restore, a merge's side).
    private var index: ChangeIndex? = ChangeIndex()
    private var step = 0

    /// Whether the walk should report every changed path (`move(…ownChange:)`).
    var isIndexing: Bool { locked { index != nil } }

    init(repository: Repository, shallowBoundary: Set<ObjectID>) {
        self.repository = repository
        self.shallowBoundary = shallowBoundary
    }

    /// Dates the current commit (one that was passed over without evaluation).
    func setStamp(_ stamp: CommitStamp) {
        locked { tipStamp = stamp }
    }

    var tip: CommitStamp? {
        locked {
            if let current { accesses[current, default: HistoryAccess()].readsTip = true }
            return tipStamp
        }
    }

    func lastChange(_ selector: PathSelector) -> CommitStamp? {
        locked {
            if let current { accesses[current, default: HistoryAccess()].selectors.insert(selector) }
            if knownSelectors.insert(selector).inserted { selectorIndex.insert(selector) }
            if let cached = answers[selector] { return cached }
            let answer: CommitStamp?
            if let index {
                answer = index.newest(selector).flatMap { try? Self.stamp(repository.commitInfo($0.commit)) }
            } else {
                answer = tipID.flatMap { try? walkBack(selector, from: $0) }
            }
            answers[selector] = answer
            return answer
        }
    }

    func answer(holdsWhileTipTimeIn range: Range<Int64>) {
        locked {
            guard let current else { return }
            var access = accesses[current, default: HistoryAccess()]
            if let known = access.tipRange {
                let lower = max(known.lowerBound, range.lowerBound)
                access.tipRange = lower..<max(lower, min(known.upperBound, range.upperBound))
            } else {
                access.tipRange = range
            }
            accesses[current] = access
        }
    }

    func asked(_ question: ExistenceQuestion) {
        locked {
            if let current { accesses[current, default: HistoryAccess()].existence.insert(question) }
        }
    }

    /// Moves to `commit`. With `touched` (the selectors the commit's own change against its
    /// first parent selects), answers are carried forward; without, they are dropped and
    /// recomputed when asked. `ownChange`: every path the commit changed against its first
    /// parent (for the index), nil when the walk did not diff against the first parent.
    func move(to commit: ObjectID, stamp: CommitStamp?, touched: Set<PathSelector>?, ownChange: [String]?) {
        locked {
            tipID = commit
            tipStamp = stamp
            step += 1
            if let ownChange {
                index?.record(ownChange, step: step, commit: commit)
            } else {
                index = nil
            }
            guard let touched else {
                answers = [:]
                return
            }
            for selector in touched where answers[selector] != nil {
                answers[selector] = .some(stamp ?? (try? repository.commitInfo(commit)).map(Self.stamp))
            }
        }
    }

    /// The selectors asked so far that select one of `paths`.
    func selectors(touchedBy paths: [String]) -> Set<PathSelector> {
        guard !paths.isEmpty else { return [] }
        return locked {
            var touched = Set<PathSelector>()
            for path in paths {
                selectorIndex.forEachSelecting(path) { selector in
                    touched.insert(selector)
                    return true
                }
            }
            return touched
        }
    }

    /// The known selectors as an index, with their count (for the walk's diff filter).
    var indexedSelectors: (count: Int, index: SelectorIndex) {
        locked { (knownSelectors.count, selectorIndex) }
    }

    /// Marks the control being evaluated, so reads are attributed to it.
    func enter(_ key: ControlKey) {
        locked {
            current = key
            accesses[key] = nil
        }
    }

    func leave() {
        locked { current = nil }
    }

    /// What `key` read during its last evaluation.
    func access(of key: ControlKey) -> HistoryAccess {
        locked { accesses[key] ?? HistoryAccess() }
    }

    /// Carried answers, for the cache.
    var savedAnswers: [PathSelector: CommitStamp?] { locked { answers } }

    func restore(answers saved: [PathSelector: CommitStamp?], at commit: ObjectID) {
        locked {
            answers = saved
            tipID = commit
            index = nil
            for selector in saved.keys where knownSelectors.insert(selector).inserted { selectorIndex.insert(selector) }
        }
    }

    /// The newest first-parent commit at or before `start` that changed a selected file, as
    /// `GitChangeHistory` answers it for a single check.
    private func walkBack(_ selector: PathSelector, from start: ObjectID) throws -> CommitStamp? {
        // Prefixes only (no predicate): the diff then opens just the folders on the way to them.
        let filter = PathFilter(prefixes: selector.exact + selector.folders)
        var next: ObjectID? = start
        while let commit = next {
            let info = try repository.commitInfo(commit)
            let parent = shallowBoundary.contains(commit) ? nil : info.parents.first
            let changes = try repository.treeDiff(from: parent, to: commit, filter: filter)
            if changes.contains(where: { [$0.oldPath, $0.newPath].contains { $0.map(selector.selects) == true } }) {
                return Self.stamp(info)
            }
            next = parent
        }
        return nil
    }

    /// The same stamp `GitChangeHistory` gives: author name, committer date.
    static func stamp(_ info: CommitInfo) -> CommitStamp {
        CommitStamp(commit: info.id.hex, author: info.author.name, time: info.committer.time, date: info.committer.iso8601)
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

/// A rule wrapped so that history reads during its evaluation are attributed to its control.
struct TrackedRule<Inner: Rule>: Rule {
    static var description: RuleDescription { Inner.description }
    private let inner: Inner

    init() { inner = Inner() }
    init(_ inner: Inner) { self.inner = inner }

    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let tracker = context.project.history as? TrackingChangeHistory else { return inner.evaluate(context) }
        tracker.enter(ControlKey(system: context.subject.id, rule: Inner.description.id))
        defer { tracker.leave() }
        return inner.evaluate(context)
    }
}

/// Wraps any rule (opens the existential).
func tracked(_ rule: any Rule) -> any Rule {
    func wrap<R: Rule>(_ rule: R) -> any Rule { TrackedRule(rule) }
    return wrap(rule)
}
