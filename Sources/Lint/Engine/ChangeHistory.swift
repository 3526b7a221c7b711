import Foundation
import GitKit

/// A commit as history facts need it: id, author and date.
public struct CommitStamp: Hashable, Sendable, Codable {
    public let commit: String
    public let author: String
    /// Unix seconds of the committer date (what "changed later" compares).
    public let time: Int64
    /// ISO 8601 with the commit's own offset.
    public let date: String

    public init(commit: String, author: String, time: Int64, date: String) {
        self.commit = commit
        self.author = author
        self.time = time
        self.date = date
    }
}

/// Which files a history question is about: exact paths, or files under folders whose names
/// match a predicate (model weights, data, training code).
public struct PathSelector: Hashable, Sendable {
    public let exact: [String]
    public let folders: [String]
    /// File-name endings (lowercased) that count under `folders`; empty means every file.
    public let suffixes: [String]
    /// Paths under `folders` to leave out (the documents themselves).
    public let excluding: [String]
    /// Leave out, under `folders`, every file whose name makes it a document (Markdown, a
    /// Croissant file, a licence: anything `ArtifactClassifier` does not rule out). Unlike a list
    /// of paths, this stays the same question while documents come and go, so history answers
    /// it once instead of walking back again after every added datasheet.
    public let excludingDocuments: Bool

    public init(exact: [String] = [], folders: [String] = [], suffixes: [String] = [], excluding: [String] = [],
                excludingDocuments: Bool = false) {
        self.exact = exact.sorted()
        self.folders = folders.sorted()
        self.suffixes = suffixes.sorted()
        self.excluding = excluding.sorted()
        self.excludingDocuments = excludingDocuments
    }

    public func selects(_ path: String) -> Bool {
        if exact.contains(path) { return true }
        if excluding.contains(path) { return false }
        guard folders.contains(where: { PathMath.isInside(path, folder: $0) }) else { return false }
        if excludingDocuments && ArtifactClassifier.classify(path) != .notAnArtifact { return false }
        if suffixes.isEmpty { return true }
        let lower = path.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }
}

/// Saved with the history cache and `check`'s saved answers; decoded through the initialiser, so
/// a saved selector is the same value as the one a rule builds.
extension PathSelector: Codable, Comparable {
    private enum CodingKeys: String, CodingKey {
        case exact, folders, suffixes, excluding, excludingDocuments
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(exact: try container.decode([String].self, forKey: .exact),
                  folders: try container.decode([String].self, forKey: .folders),
                  suffixes: try container.decode([String].self, forKey: .suffixes),
                  excluding: try container.decode([String].self, forKey: .excluding),
                  excludingDocuments: try container.decode(Bool.self, forKey: .excludingDocuments))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(exact, forKey: .exact)
        try container.encode(folders, forKey: .folders)
        try container.encode(suffixes, forKey: .suffixes)
        try container.encode(excluding, forKey: .excluding)
        try container.encode(excludingDocuments, forKey: .excludingDocuments)
    }

    /// A fixed order, so saved files list their questions the same way every time.
    public static func < (lhs: PathSelector, rhs: PathSelector) -> Bool {
        for (left, right) in [(lhs.exact, rhs.exact), (lhs.folders, rhs.folders), (lhs.suffixes, rhs.suffixes),
                              (lhs.excluding, rhs.excluding)] where left != right {
            return left.lexicographicallyPrecedes(right)
        }
        return !lhs.excludingDocuments && rhs.excludingDocuments
    }
}

/// Answers "when did these files last change?" from the first-parent history of the checked
/// commit. Rules never touch git: they ask this, and it walks lazily, once per question.
public protocol ChangeHistory: Sendable {
    /// The checked commit (the "now" of every date comparison, so reports stay deterministic).
    var tip: CommitStamp? { get }
    /// The newest first-parent commit that added, changed or removed a selected file.
    func lastChange(_ selector: PathSelector) -> CommitStamp?
    /// The same, but only a change made after `bound` (an earlier answer, or the tip) counts:
    /// "did the model change after the card?" walks back to the card's commit, not to the root.
    func lastChange(_ selector: PathSelector, after bound: CommitStamp?) -> CommitStamp?
    /// Told by a rule that compared the tip's date with a deadline: its answer stays the same
    /// for any tip whose commit time lies in `range` (history then need not ask again each commit).
    func answer(holdsWhileTipTimeIn range: Range<Int64>)
}

extension ChangeHistory {
    public func answer(holdsWhileTipTimeIn range: Range<Int64>) {}

    /// Judged by commit time when an implementation knows no better.
    public func lastChange(_ selector: PathSelector, after bound: CommitStamp?) -> CommitStamp? {
        guard let change = lastChange(selector) else { return nil }
        guard let bound else { return change }
        return change.time > bound.time ? change : nil
    }
}

/// `ChangeHistory` over a GitKit repository: one lazy first-parent walk, newest first, shared by
/// every question of a run and extended only as far as the oldest answer asked for.
///
/// Once `limit(to:)` names the folders and files the questions are about (system roots and
/// artifact paths), each commit is compared with its parent only inside them, so a commit
/// costs time proportional to its change inside those folders. A question about a path outside
/// them walks on its own, limited to that question's paths.
public final class GitChangeHistory: ChangeHistory, @unchecked Sendable {
    private let repository: Repository
    private let tipID: ObjectID?
    private let lock = NSLock()
    private var cache: [Question: CommitStamp?] = [:]
    public let tip: CommitStamp?

    /// What the shared log records: nil is everything.
    private var scope: [String]?
    /// `scope` as a diff filter.
    private var logFilter = PathFilter.all
    /// The commits diffed so far, newest first, with the paths each changed (inside `scope`).
    private var log: [(commit: ObjectID, paths: [String])] = []
    private var positions: [ObjectID: Int] = [:]
    /// Every path the log has seen, with the newest commit that changed it (step: minus its
    /// position in the log, so newer is larger).
    private var index = ChangeIndex()
    /// The newest commit not yet in the log; nil once the walk reached the root (or an error).
    private var cursor: ObjectID?
    private lazy var boundary: Set<ObjectID> = Set(repository.shallowBoundary())

    /// Steps shared with another history of the same run (a pull request's base lies on its
    /// change's first-parent line, so the base's walk is a suffix of the change's).
    private var sharedSteps: WalkSteps?

    public init(repository: Repository, tip: ObjectID?) {
        self.repository = repository
        self.tipID = tip
        self.cursor = tip
        self.tip = tip.flatMap { try? GitChangeHistory.stamp(repository.commitInfo($0)) }
    }

    static func stamp(_ info: CommitInfo) -> CommitStamp {
        CommitStamp(commit: info.id.hex, author: info.author.name, time: info.committer.time, date: info.committer.iso8601)
    }

    /// Limits the shared log to these folders and files ("" is everything). Takes effect only
    /// before the first question; questions outside the limit are still answered (walking alone).
    /// `steps`, made for the same scope, are shared with another history of the run.
    public func limit(to prefixes: [String], sharing steps: WalkSteps? = nil) {
        lock.lock()
        defer { lock.unlock() }
        guard log.isEmpty, cursor == tipID else { return }
        scope = Self.scope(of: prefixes)
        logFilter = scope.map { PathFilter(prefixes: $0) } ?? .all
        sharedSteps = steps?.scope == scope ? steps : nil
    }

    /// Prefixes without surrounding slashes, sorted and unique; nil when one of them is the root.
    static func scope(of prefixes: [String]) -> [String]? {
        let folders = Set(prefixes.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) })
        return folders.contains("") ? nil : folders.sorted()
    }

    public func lastChange(_ selector: PathSelector) -> CommitStamp? {
        lastChange(selector, after: nil)
    }

    /// Walks down the first-parent line to `bound` at most (its own change does not count: it is
    /// not "after" itself). A bound not on the line walks the whole line.
    public func lastChange(_ selector: PathSelector, after bound: CommitStamp?) -> CommitStamp? {
        lock.lock()
        defer { lock.unlock() }
        let boundID = bound.flatMap { ObjectID(hex: $0.commit) }
        let key = Question(selector: selector, bound: boundID)
        if let cached = cache[key] { return cached }
        let commit = covers(selector) ? searchSharedLog(selector, bound: boundID) : walkAlone(selector, bound: boundID)
        let answer = commit.flatMap { try? GitChangeHistory.stamp(repository.commitInfo($0)) }
        cache[key] = answer
        return answer
    }

    struct Question: Hashable {
        let selector: PathSelector
        let bound: ObjectID?
    }

    // MARK: Saved answers

    /// How many answers came from the store (nil: none did), so `save` writes only what is new.
    private var preloaded: Int?

    /// Takes the answers saved for the tip, or for an ancestor a few commits down the
    /// first-parent line, carried forward over the commits in between. True when it found some:
    /// the questions of the last run at this commit need no walk (so no prefetch either).
    public func preload(from store: ChangeAnswerStore) -> Bool {
        guard let tipID else { return false }
        var newer: [ObjectID] = []
        var next: ObjectID? = tipID
        while let id = next, newer.count <= ChangeAnswerStore.reach {
            if let saved = store.load(id) {
                guard let answers = newer.isEmpty ? saved : carry(saved, over: newer) else { return false }
                lock.lock()
                defer { lock.unlock() }
                cache.merge(answers) { current, _ in current }
                preloaded = newer.isEmpty ? cache.count : 0
                return true
            }
            newer.append(id)
            next = try? repository.firstParent(of: id, boundary: boundary)
        }
        return false
    }

    /// Preloads saved answers when there are any (see `preload(from:)`); otherwise starts the
    /// shared walk on another thread (`prefetch()`). Returns the function that stops the walk.
    public func startWalking(unlessPreloadedFrom store: ChangeAnswerStore?) -> @Sendable () -> Void {
        if let store, preload(from: store) { return {} }
        return prefetch()
    }

    /// Saves every answer of the run for the tip, unless they all came from the store as they are.
    @discardableResult
    public func save(to store: ChangeAnswerStore) -> String? {
        guard let tipID else { return nil }
        lock.lock()
        let answers = cache
        let unchanged = preloaded == answers.count
        lock.unlock()
        guard !answers.isEmpty, !unchanged else { return nil }
        return store.save(answers, tip: tipID)
    }

    /// Answers saved at an ancestor, brought up to the tip: `newer` holds the commits after that
    /// ancestor, newest first; the newest of them that touches a question's files is its answer.
    /// Nil when one of them cannot be read.
    private func carry(_ saved: [Question: CommitStamp?], over newer: [ObjectID]) -> [Question: CommitStamp?]? {
        let prefixes = Set(saved.keys.flatMap { $0.selector.exact + $0.selector.folders })
        let filter = PathFilter(prefixes: Array(prefixes))
        // A question bounded by one of the newer commits was not asked of the ancestor's line.
        let newerSet = Set(newer)
        var answers = saved.filter { question, _ in question.bound.map { !newerSet.contains($0) } ?? true }
        var settled = Set<Question>()
        for commit in newer {
            guard let step = step(commit, filter: filter) else { return nil }
            guard !step.paths.isEmpty else { continue }
            let stamp = try? GitChangeHistory.stamp(repository.commitInfo(commit))
            for question in answers.keys where !settled.contains(question) {
                if step.paths.contains(where: question.selector.selects) {
                    guard let stamp else { return nil }
                    answers[question] = .some(stamp)
                    settled.insert(question)
                }
            }
        }
        return answers
    }

    /// Whether every path the selector can pick lies inside the shared log's scope.
    private func covers(_ selector: PathSelector) -> Bool {
        guard let scope else { return true }
        return (selector.exact + selector.folders).allSatisfy { path in
            scope.contains { PathMath.isInside(path, folder: $0) }
        }
    }

    /// Walks the shared log on another thread while the caller evaluates rules, so the walk and
    /// the rules use two cores; call the returned function when the rules are done (the walk stops
    /// there, keeping what it read). Questions asked meanwhile extend the same log.
    public func prefetch() -> @Sendable () -> Void {
        let control = PrefetchControl()
        Thread.detachNewThread { [self] in
            var done = false
            while !done && !control.isStopped {
                lock.lock()
                var steps = 0
                while steps < 64, extendLog() != nil { steps += 1 }
                done = steps < 64
                lock.unlock()
            }
            control.finish()
        }
        return { control.stopAndWait() }
    }

    private func searchSharedLog(_ selector: PathSelector, bound: ObjectID?) -> ObjectID? {
        let boundPosition = bound.flatMap { positions[$0] }
        if let hit = searchIndex(selector) {
            return boundPosition.map { hit < $0 } ?? true ? log[hit].commit : nil
        }
        if boundPosition != nil { return nil }
        while cursor != bound, let step = extendLog() {
            if step.paths.contains(where: selector.selects) { return step.commit }
        }
        return nil
    }

    /// Diffs the next commit of the shared log and records it; nil when the walk has ended.
    /// The caller holds `lock`.
    private func extendLog() -> (commit: ObjectID, paths: [String])? {
        guard let id = cursor else { return nil }
        let computed = sharedSteps.map { shared in shared.step(id) { self.step(id, filter: logFilter) } } ?? step(id, filter: logFilter)
        guard let next = computed else {
            cursor = nil
            return nil
        }
        cursor = next.parent
        record(id, paths: next.paths)
        return (id, next.paths)
    }

    private func record(_ commit: ObjectID, paths: [String]) {
        let position = log.count
        log.append((commit, paths))
        positions[commit] = position
        index.record(paths, step: -position, commit: commit)
    }

    /// The position in the log of the newest commit that changed a selected path, from the
    /// paths seen so far.
    private func searchIndex(_ selector: PathSelector) -> Int? {
        index.newest(selector).map { -$0.step }
    }

    private func walkAlone(_ selector: PathSelector, bound: ObjectID?) -> ObjectID? {
        let filter = PathFilter(prefixes: selector.exact + selector.folders)
        var next = tipID
        while let id = next, id != bound {
            guard let step = step(id, filter: filter) else { return nil }
            if step.paths.contains(where: selector.selects) { return id }
            next = step.parent
        }
        return nil
    }

    /// One commit against its first parent: the paths it changed inside `filter`. Nil when the
    /// commit cannot be read (the walk ends there, as history ends at a shallow boundary).
    private func step(_ id: ObjectID, filter: PathFilter) -> (parent: ObjectID?, paths: [String])? {
        let parent: ObjectID?
        let changes: [TreeChange]
        do {
            parent = try repository.firstParent(of: id, boundary: boundary)
            changes = try repository.treeDiff(from: parent, to: id, filter: filter)
        } catch {
            return nil
        }
        var paths: [String] = []
        for change in changes {
            if let old = change.oldPath { paths.append(old) }
            if let new = change.newPath, new != change.oldPath { paths.append(new) }
        }
        return (parent, paths)
    }
}

/// A stop flag and a "finished" signal for `GitChangeHistory.prefetch()`.
private final class PrefetchControl: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var finished = false

    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func stopAndWait() {
        condition.lock()
        stopped = true
        while !finished { condition.wait() }
        condition.unlock()
    }
}

/// First-parent steps (a commit's first parent and the paths it changed inside `scope`) that
/// two histories of one run share, so the commits both walk are diffed once.
public final class WalkSteps: @unchecked Sendable {
    /// The scope both histories log (`GitChangeHistory.limit(to:)`), sorted; nil is everything.
    let scope: [String]?
    private var steps: [ObjectID: (parent: ObjectID?, paths: [String])] = [:]
    private let lock = NSLock()

    public init(scope: [String]) {
        self.scope = GitChangeHistory.scope(of: scope)
    }

    func step(_ id: ObjectID, compute: () -> (parent: ObjectID?, paths: [String])?) -> (parent: ObjectID?, paths: [String])? {
        lock.lock()
        if let known = steps[id] {
            lock.unlock()
            return known
        }
        lock.unlock()
        guard let made = compute() else { return nil }
        lock.lock()
        steps[id] = made
        lock.unlock()
        return made
    }
}
