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

/// `ChangeHistory` over a GitKit repository, with a cache per question.
public final class GitChangeHistory: ChangeHistory, @unchecked Sendable {
    private let repository: Repository
    private let tipID: ObjectID?
    private let lock = NSLock()
    private var cache: [PathSelector: CommitStamp?] = [:]
    public let tip: CommitStamp?

    public init(repository: Repository, tip: ObjectID?) {
        self.repository = repository
        self.tipID = tip
        self.tip = tip.flatMap { try? GitChangeHistory.stamp(repository.commitInfo($0)) }
    }

    static func stamp(_ info: CommitInfo) -> CommitStamp {
        CommitStamp(commit: info.id.hex, author: info.author.name, time: info.committer.time, date: info.committer.iso8601)
    }

    public func lastChange(_ selector: PathSelector) -> CommitStamp? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[selector] { return cached }
        if log == nil { log = readLog() }
        let answer = log?.first { entry in entry.paths.contains { selector.selects($0) } }?.stamp
        cache[selector] = answer
        return answer
    }

    /// The first-parent history, newest first, with the paths each commit changed: read ONCE per
    /// run (every rule and system asks its questions against it), not one walk per question.
    private var log: [(stamp: CommitStamp, paths: [String])]?

    private func readLog() -> [(stamp: CommitStamp, paths: [String])]? {
        guard let tipID, let commits = try? repository.walk(from: tipID, firstParent: true, order: .topologicalNewestFirst) else {
            return nil
        }
        var entries: [(stamp: CommitStamp, paths: [String])] = []
        for id in commits {
            guard let info = try? repository.commitInfo(id),
                  let changes = try? repository.treeDiff(from: info.parents.first, to: id) else { return entries }
            var paths: [String] = []
            for change in changes {
                if let old = change.oldPath { paths.append(old) }
                if let new = change.newPath, new != change.oldPath { paths.append(new) }
            }
            entries.append((GitChangeHistory.stamp(info), paths))
        }
        return entries
    }
}
