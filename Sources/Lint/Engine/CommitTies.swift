import Documents
import Foundation
import GitKit

/// Ties findings to commits (SPEC §1): who last changed each finding's anchor line.
///
/// - A commit (`--rev`): blame of the anchor line at that commit. Findings about something
///   missing are anchored on the config line that declares the system, so they name the commit
///   that declared it (or moved it to its stage).
/// - The index or the working tree: a line whose text is not in HEAD's version of the file (a
///   line-level diff decides which lines are HEAD's) is `Introduction.uncommitted`, as is every
///   line of a file HEAD does not have; any other line is blamed at HEAD, at its HEAD line number.
///
/// Findings the change fixed (`absent` in diff mode) are about the base and stay untied.
///
/// Each file is blamed once per run, over the span of lines its findings need. A file that
/// cannot be blamed (a shallow boundary, a missing object) leaves its findings without
/// `introducedBy` and yields one problem line; the rest continue.
public struct CommitTies {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// `findings` with `introducedBy` filled in, and one line per file that could not be tied.
    /// `texts` holds the scanned text of the findings' files (see `texts(of:source:commit:)`);
    /// it is needed only for the index and the working tree.
    public func attach(to findings: [Finding], source: CheckSource, commit: ObjectID?,
                       texts: [String: String]) -> (findings: [Finding], problems: [String]) {
        var introductions: [String: [Int: Introduction]] = [:]
        var problems: [String] = []
        // A finding the change fixed (`absent`) describes the base, whose file may not exist at
        // the checked commit any more: there is no line of the checked commit to blame.
        let current = findings.filter { $0.baselineState != .absent }
        for (path, lines) in Dictionary(grouping: current, by: \.location.path).mapValues({ Set($0.map(\.location.line)) }) {
            do {
                switch source {
                case .revision:
                    guard let commit else { continue }
                    introductions[path] = try blame(path: path, lines: Dictionary(uniqueKeysWithValues: lines.map { ($0, $0) }), at: commit)
                case .index, .worktree:
                    introductions[path] = try uncommittedAware(path: path, lines: lines, head: commit, text: texts[path])
                }
            } catch {
                problems.append("cannot tie findings in '\(path)' to commits: \(error)")
            }
        }
        let tied = findings.map { finding -> Finding in
            var finding = finding
            guard finding.baselineState != .absent else { return finding }
            finding.introducedBy = introductions[finding.location.path]?[finding.location.line]
            return finding
        }
        return (tied, problems.sorted())
    }

    /// The text of each path as the source holds it, bytes decoded as UTF-8 with invalid
    /// sequences replaced (what a JavaScript reader of the checked-out file sees). Files that
    /// are missing, not regular files or over the document size cap are left out.
    public func texts(of paths: Set<String>, source: CheckSource, commit: ObjectID?) -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        let snapshotSource: SnapshotSource
        switch source {
        case .revision:
            guard let commit else { return [:] }
            snapshotSource = .commit(commit)
        case .index: snapshotSource = .index
        case .worktree: snapshotSource = .worktree
        }
        guard let snapshot = try? repository.snapshot(snapshotSource, filter: PathFilter(prefixes: paths.sorted())) else { return [:] }
        var texts: [String: String] = [:]
        for path in paths {
            guard let entry = snapshot.entry(at: path), entry.kind == .file || entry.kind == .executable,
                  let data = try? snapshot.content(maxBytes: DocumentLimits.maxBytes, of: entry) else { continue }
            texts[path] = String(decoding: data, as: UTF8.self)
        }
        return texts
    }

    /// Blames `lines` (scanned line → line at `commit`) of one file in a single pass.
    private func blame(path: String, lines: [Int: Int], at commit: ObjectID) throws -> [Int: Introduction] {
        guard let low = lines.values.min(), let high = lines.values.max() else { return [:] }
        let hunks = try repository.blame(path: path, at: commit, lines: low...high)
        var result: [Int: Introduction] = [:]
        for (scanned, line) in lines {
            guard let hunk = hunks.first(where: { $0.lines.contains(line) }) else { continue }
            result[scanned] = Introduction(commit: hunk.commit.hex, author: hunk.author.name, date: hunk.author.iso8601)
        }
        return result
    }

    /// Staged or working-tree content: lines HEAD does not have are uncommitted, the others are
    /// blamed at HEAD.
    private func uncommittedAware(path: String, lines: Set<Int>, head: ObjectID?, text: String?) throws -> [Int: Introduction] {
        let uncommitted = Dictionary(uniqueKeysWithValues: lines.map { ($0, Introduction.uncommitted) })
        guard let head else { return uncommitted }
        guard let entry = try repository.treeEntries(commit: head, under: path).first(where: { $0.path == path }),
              let id = entry.id, entry.kind == .file || entry.kind == .executable else { return uncommitted }
        guard let text else { return [:] }
        let headText = String(decoding: try repository.blob(id), as: UTF8.self)
        let current = LineMatch.lines(of: text)
        let mapping = headText == text ? current.indices.map { Optional($0) } : LineMatch.match(old: LineMatch.lines(of: headText), new: current)
        var toBlame: [Int: Int] = [:]
        var result: [Int: Introduction] = [:]
        for line in lines {
            if line >= 1 && line <= mapping.count, let old = mapping[line - 1] {
                toBlame[line] = old + 1
            } else {
                result[line] = .uncommitted
            }
        }
        for (line, introduction) in try blame(path: path, lines: toBlame, at: head) { result[line] = introduction }
        return result
    }
}

/// Which lines of a new text are unchanged lines of an old one: a longest common subsequence
/// of lines after the common head and tail are taken off.
enum LineMatch {
    /// Above this many cells the middle of a large rewrite counts as changed, keeping time and
    /// memory bounded (a governance document is far smaller).
    static let maximumCells = 4_000_000

    static func lines(of text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// For each new line (0-based), the 0-based old line it is, or nil when it is new or changed.
    static func match(old: [Substring], new: [Substring]) -> [Int?] {
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
