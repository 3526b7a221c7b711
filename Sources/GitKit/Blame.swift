import Foundation

/// A run of lines last changed by one commit.
public struct BlameHunk: Sendable, Hashable {
    /// 1-based line numbers in the file as it is at the blamed commit.
    public let lines: ClosedRange<Int>
    /// The commit that last changed these lines.
    public let commit: ObjectID
    public let author: Signature

    public init(lines: ClosedRange<Int>, commit: ObjectID, author: Signature) {
        self.lines = lines
        self.commit = commit
        self.author = author
    }
}

/// The commit that last changed one line, and that commit's author.
public struct BlameLine: Sendable, Hashable {
    public let commit: ObjectID
    public let author: Signature

    public init(commit: ObjectID, author: Signature) {
        self.commit = commit
        self.author = author
    }
}

extension Repository {
    /// Who last changed each of `lines` (1-based) of `path` as of `commit`, in line order, as
    /// runs of lines with the same commit. Lines past the end of the file are ignored. See
    /// `blame(_:at:)` for how lines are followed.
    public func blame(path: String, at commit: ObjectID, lines: ClosedRange<Int>) throws -> [BlameHunk] {
        // An absent path is asked about anyway, for its error.
        let count = try FirstParentBlame.lineCount(of: path, at: commit, in: self) ?? 1
        let first = max(1, lines.lowerBound), last = min(lines.upperBound, count)
        guard first <= last else { return [] }
        let found = try blame([path: Set(first...last)], at: commit)[path]?.get() ?? [:]
        var hunks: [BlameHunk] = []
        for line in found.keys.sorted() {
            guard let blamed = found[line] else { continue }
            if let previous = hunks.last, previous.lines.upperBound == line - 1, previous.commit == blamed.commit {
                hunks[hunks.count - 1] = BlameHunk(lines: previous.lines.lowerBound...line, commit: blamed.commit, author: blamed.author)
            } else {
                hunks.append(BlameHunk(lines: line...line, commit: blamed.commit, author: blamed.author))
            }
        }
        return hunks
    }

    /// Who last changed each requested line (1-based) of each path as of `commit`, for all the
    /// paths in one walk down the first-parent line.
    ///
    /// The walk compares each commit with its first parent only along the requested paths (the
    /// cost of a commit is the depth of those paths, not the size of the tree). Where a file
    /// changed, its old and new lines are matched (longest common subsequence, `LineMatch`);
    /// a requested line with no old counterpart was changed by that commit, the others are
    /// followed into the parent. A file that was added is followed through an exact rename
    /// (the same blob deleted elsewhere in that commit); otherwise its remaining lines belong
    /// to the commit that added it. Lines older than a shallow clone's boundary belong to the
    /// boundary commit, as `git blame` reports them.
    ///
    /// First-parent, like `git blame --first-parent`: a line that came in with a merge belongs
    /// to the merge commit, the commit that brought it to the checked branch. (libgit2's own
    /// blame diffs whole trees per commit for each file — minutes on a repository with a few
    /// thousand commits.)
    ///
    /// Per path the result is the lines found, or the error that stopped that path (the path
    /// is absent or not a file at `commit`, an object is missing); lines past the end of the
    /// file are left out.
    public func blame(_ requested: [String: Set<Int>], at commit: ObjectID) throws -> [String: Result<[Int: BlameLine], GitError>] {
        var blame = FirstParentBlame(repository: self, tip: commit)
        return try blame.run(requested)
    }
}

/// The walk behind `Repository.blame(_:at:)`.
private struct FirstParentBlame {
    let repository: Repository
    let tip: ObjectID
    private var results: [String: Result<[Int: BlameLine], GitError>] = [:]
    private var found: [String: [Int: ObjectID]] = [:]
    private var authors: [ObjectID: Signature] = [:]

    /// One file being followed back: where it is and what it holds at the commit reached, and
    /// which requested lines (1-based, at the tip) are still open, with their 0-based index in
    /// that version.
    private final class Trace {
        let original: String
        var path: String
        var blob: ObjectID
        var lines: [Substring]
        var open: [(requested: Int, index: Int)]

        init(original: String, blob: ObjectID, lines: [Substring], open: [(requested: Int, index: Int)]) {
            self.original = original
            self.path = original
            self.blob = blob
            self.lines = lines
            self.open = open
        }
    }

    init(repository: Repository, tip: ObjectID) {
        self.repository = repository
        self.tip = tip
    }

    static func lines(of data: Data) -> [Substring] {
        let text = String(decoding: data, as: UTF8.self)
        var lines = LineMatch.lines(of: text)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// Lines in the file at `commit` (a last line without a newline counts); nil when it is absent.
    static func lineCount(of path: String, at commit: ObjectID, in repository: Repository) throws -> Int? {
        guard let entry = try repository.treeEntries(commit: commit, under: path).first(where: { $0.path == path }),
              let id = entry.id, entry.kind == .file || entry.kind == .executable else { return nil }
        return lines(of: try repository.blob(id)).count
    }

    mutating func run(_ requested: [String: Set<Int>]) throws -> [String: Result<[Int: BlameLine], GitError>] {
        let snapshot = try repository.snapshot(.commit(tip), filter: PathFilter(prefixes: requested.keys.sorted()), sizes: .onDemand)
        var traces: [Trace] = []
        for (path, wanted) in requested.sorted(by: { $0.key < $1.key }) {
            guard let entry = snapshot.entry(at: path), let id = entry.id, entry.kind == .file || entry.kind == .executable else {
                results[path] = .failure(GitError(code: .other, function: "blame", message: "",
                                                  summary: "cannot blame '\(path)' at \(tip.short): no such file in that commit"))
                continue
            }
            do {
                let lines = Self.lines(of: try repository.blob(id))
                let open = wanted.sorted().filter { $0 >= 1 && $0 <= lines.count }.map { (requested: $0, index: $0 - 1) }
                found[path] = [:]
                if !open.isEmpty { traces.append(Trace(original: path, blob: id, lines: lines, open: open)) }
            } catch let error as GitError {
                results[path] = .failure(error)
            }
        }
        try walk(traces)
        for (path, lines) in found where results[path] == nil {
            var blamed: [Int: BlameLine] = [:]
            for (line, commit) in lines { blamed[line] = BlameLine(commit: commit, author: try author(of: commit)) }
            results[path] = .success(blamed)
        }
        return results
    }

    private mutating func walk(_ start: [Trace]) throws {
        let boundary = Set(repository.shallowBoundary())
        var traces = start
        var current = tip
        // Rebuilt only when the set of followed paths changes (a file reached its first commit
        // or a rename), not per commit.
        var filter = PathFilter(prefixes: traces.map(\.path))
        var pathsChanged = false
        while !traces.isEmpty {
            if pathsChanged {
                filter = PathFilter(prefixes: traces.map(\.path))
                pathsChanged = false
            }
            let parent: ObjectID?
            let changes: [TreeChange]
            do {
                parent = try repository.firstParent(of: current, boundary: boundary)
                changes = try repository.treeDiff(from: parent, to: current, filter: filter)
            } catch let error as GitError {
                for trace in traces { results[trace.original] = .failure(error) }
                return
            }
            guard parent != nil else {
                // The root commit, or the last commit a shallow clone has: it holds what is left.
                for trace in traces { close(trace, at: current) }
                return
            }
            let byPath = Dictionary(changes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            var renames: [TreeChange]?
            var kept: [Trace] = []
            for trace in traces {
                guard let change = byPath[trace.path] else {
                    kept.append(trace)
                    continue
                }
                do {
                    switch change.status {
                    case .modified:
                        guard let old = change.oldID else { close(trace, at: current); continue }
                        if old != trace.blob {
                            let lines = Self.lines(of: try repository.blob(old))
                            let mapping = LineMatch.match(old: lines, new: trace.lines)
                            var open: [(requested: Int, index: Int)] = []
                            for line in trace.open {
                                if let before = mapping[line.index] {
                                    open.append((line.requested, before))
                                } else {
                                    found[trace.original]?[line.requested] = current
                                }
                            }
                            trace.open = open
                            trace.lines = lines
                            trace.blob = old
                        }
                        if trace.open.isEmpty { continue }
                        kept.append(trace)
                    case .added, .renamed:
                        // Followed only through an exact rename: the same blob left another path.
                        if renames == nil {
                            renames = try repository.treeDiff(from: parent, to: current, detectRenames: true).filter { $0.status == .renamed }
                        }
                        if let rename = renames?.first(where: { $0.newPath == trace.path }), let from = rename.oldPath {
                            trace.path = from
                            pathsChanged = true
                            kept.append(trace)
                        } else {
                            close(trace, at: current)
                        }
                    case .deleted, .typeChanged:
                        close(trace, at: current)
                    }
                } catch let error as GitError {
                    results[trace.original] = .failure(error)
                }
            }
            if kept.count != traces.count { pathsChanged = true }
            traces = kept
            current = parent ?? current
        }
    }

    /// Every line still open belongs to `commit`.
    private mutating func close(_ trace: Trace, at commit: ObjectID) {
        for line in trace.open { found[trace.original]?[line.requested] = commit }
        trace.open = []
    }

    private mutating func author(of commit: ObjectID) throws -> Signature {
        if let known = authors[commit] { return known }
        let author = try repository.commitInfo(commit).author
        authors[commit] = author
        return author
    }
}

/// Which lines of a new text are unchanged lines of an old one: a longest common subsequence
/// of lines after the common head and tail are taken off.
public enum LineMatch {
    /// Above this many cells the middle of a large rewrite counts as changed, keeping time and
    /// memory bounded (a governance document is far smaller).
    public static let maximumCells = 4_000_000

    /// The lines of a text split at "\n", a trailing "\r" dropped from each; a text ending in a
    /// newline has an empty last element.
    public static func lines(of text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// For each new line (0-based), the 0-based old line it is, or nil when it is new or changed.
    public static func match(old: [Substring], new: [Substring]) -> [Int?] {
        var result = [Int?](repeating: nil, count: new.count)
        var head = 0
        while head < old.count && head < new.count && old[head] == new[head] {
            result[head] = head
            head += 1
        }
        var tail = 0
        while tail < old.count - head && tail < new.count - head && old[old.count - 1 - tail] == new[new.count - 1 - tail] {
            result[new.count - 1 - tail] = old.count - 1 - tail
            tail += 1
        }
        let a = Array(old[head..<(old.count - tail)]), b = Array(new[head..<(new.count - tail)])
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= maximumCells else { return result }
        var ids: [Substring: Int] = [:]
        let x = a.map { line in ids[line] ?? { ids[line] = ids.count; return ids.count - 1 }() }
        let y = b.map { line in ids[line] ?? { ids[line] = ids.count; return ids.count - 1 }() }
        let width = y.count + 1
        var table = [UInt32](repeating: 0, count: (x.count + 1) * width)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i * width + j] = x[i] == y[j] ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                result[head + j] = head + i
                i += 1
                j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}
