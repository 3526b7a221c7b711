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
/// All files are blamed together, in one first-parent walk per run (`Repository.blame(_:at:)`):
/// a line that came in with a merge names the merge commit, the commit that brought it to the
/// checked branch. A file that cannot be blamed (a missing object) leaves its findings without
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
        // Per file, the finding lines still to blame at `commit` (scanned line → line there).
        var toBlame: [String: [Int: Int]] = [:]
        // A finding the change fixed (`absent`) describes the base, whose file may not exist at
        // the checked commit any more: there is no line of the checked commit to blame.
        let current = findings.filter { $0.baselineState != .absent }
        for (path, lines) in Dictionary(grouping: current, by: \.location.path).mapValues({ Set($0.map(\.location.line)) }) {
            switch source {
            case .revision:
                guard commit != nil else { continue }
                toBlame[path] = Dictionary(uniqueKeysWithValues: lines.map { ($0, $0) })
            case .index, .worktree:
                do {
                    let split = try uncommittedAware(path: path, lines: lines, head: commit, text: texts[path])
                    introductions[path] = split.decided
                    if !split.toBlame.isEmpty { toBlame[path] = split.toBlame }
                } catch {
                    problems.append("cannot tie findings in '\(path)' to commits: \(error)")
                }
            }
        }
        if let commit, !toBlame.isEmpty {
            do {
                let blamed = try repository.blame(toBlame.mapValues { Set($0.values) }, at: commit)
                for (path, result) in blamed {
                    switch result {
                    case .success(let lines):
                        for (scanned, line) in toBlame[path] ?? [:] {
                            guard let found = lines[line] else { continue }
                            introductions[path, default: [:]][scanned] = Introduction(commit: found.commit.hex, author: found.author.name,
                                                                                      date: found.author.iso8601)
                        }
                    case .failure(let error):
                        problems.append("cannot tie findings in '\(path)' to commits: \(error)")
                    }
                }
            } catch {
                problems.append("cannot tie findings to commits: \(error)")
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

    /// Staged or working-tree content: lines HEAD does not have are uncommitted (`decided`), the
    /// others are to be blamed at HEAD at their HEAD line number (`toBlame`).
    private func uncommittedAware(path: String, lines: Set<Int>, head: ObjectID?,
                                  text: String?) throws -> (decided: [Int: Introduction], toBlame: [Int: Int]) {
        let uncommitted = Dictionary(uniqueKeysWithValues: lines.map { ($0, Introduction.uncommitted) })
        guard let head else { return (uncommitted, [:]) }
        guard let entry = try repository.treeEntries(commit: head, under: path).first(where: { $0.path == path }),
              let id = entry.id, entry.kind == .file || entry.kind == .executable else { return (uncommitted, [:]) }
        guard let text else { return ([:], [:]) }
        let headText = String(decoding: try repository.blob(id), as: UTF8.self)
        let current = LineMatch.lines(of: text)
        let mapping = headText == text ? current.indices.map { Optional($0) } : LineMatch.match(old: LineMatch.lines(of: headText), new: current)
        var toBlame: [Int: Int] = [:]
        var decided: [Int: Introduction] = [:]
        for line in lines {
            if line >= 1 && line <= mapping.count, let old = mapping[line - 1] {
                toBlame[line] = old + 1
            } else {
                decided[line] = .uncommitted
            }
        }
        return (decided, toBlame)
    }
}
