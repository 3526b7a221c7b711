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

    public init(exact: [String] = [], folders: [String] = [], suffixes: [String] = [], excluding: [String] = []) {
        self.exact = exact.sorted()
        self.folders = folders.sorted()
        self.suffixes = suffixes.sorted()
        self.excluding = excluding.sorted()
    }

    public func selects(_ path: String) -> Bool {
        if exact.contains(path) { return true }
        if excluding.contains(path) { return false }
        guard folders.contains(where: { PathMath.isInside(path, folder: $0) }) else { return false }
        if suffixes.isEmpty { return true }
        let lower = path.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }
}

/// Answers "when did these files last change?" from the first-parent history of the checked
/// commit. Rules never touch git: they ask this, and it walks lazily, once per question.
public protocol ChangeHistory: Sendable {
    /// The checked commit (the "now" of every date comparison, so reports stay deterministic).
    var tip: CommitStamp? { get }
    /// The newest first-parent commit that added, changed or removed a selected file.
    func lastChange(_ selector: PathSelector) -> CommitStamp?
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
    private var cache: [PathSelector: CommitStamp?] = [:]
    public let tip: CommitStamp?

    /// What the shared log records: nil is everything.
    private var scope: [String]?
    /// The commits diffed so far, newest first, with the paths each changed (inside `scope`).
    private var log: [(commit: ObjectID, paths: [String])] = []
    /// The newest commit not yet in the log; nil once the walk reached the root (or an error).
    private var cursor: ObjectID?
    private lazy var boundary: Set<ObjectID> = Set(repository.shallowBoundary())

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
    public func limit(to prefixes: [String]) {
        lock.lock()
        defer { lock.unlock() }
        guard log.isEmpty, cursor == tipID else { return }
        let folders = Set(prefixes.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) })
        scope = folders.contains("") ? nil : folders.sorted()
    }

    public func lastChange(_ selector: PathSelector) -> CommitStamp? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[selector] { return cached }
        let commit = covers(selector) ? searchSharedLog(selector) : walkAlone(selector)
        let answer = commit.flatMap { try? GitChangeHistory.stamp(repository.commitInfo($0)) }
        cache[selector] = answer
        return answer
    }

    /// Whether every path the selector can pick lies inside the shared log's scope.
    private func covers(_ selector: PathSelector) -> Bool {
        guard let scope else { return true }
        return (selector.exact + selector.folders).allSatisfy { path in
            scope.contains { PathMath.isInside(path, folder: $0) }
        }
    }

    private func searchSharedLog(_ selector: PathSelector) -> ObjectID? {
        if let hit = log.first(where: { $0.paths.contains(where: selector.selects) }) { return hit.commit }
        let filter = scope.map { PathFilter(prefixes: $0) } ?? .all
        while let id = cursor {
            guard let step = step(id, filter: filter) else { cursor = nil; break }
            cursor = step.parent
            log.append((id, step.paths))
            if step.paths.contains(where: selector.selects) { return id }
        }
        return nil
    }

    private func walkAlone(_ selector: PathSelector) -> ObjectID? {
        let filter = PathFilter(prefixes: selector.exact + selector.folders)
        var next = tipID
        while let id = next {
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
