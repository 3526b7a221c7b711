import CLibGit2

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

extension Repository {
    /// Who last changed each of `lines` (1-based) of `path` as of `commit`, in line order.
    /// Lines past the end of the file are ignored.
    public func blame(path: String, at commit: ObjectID, lines: ClosedRange<Int>) throws -> [BlameHunk] {
        // libgit2 1.5 reports a hunk running to `max_line` even past the end of the file.
        let first = max(1, lines.lowerBound)
        let last = min(lines.upperBound, try lineCount(of: path, at: commit))
        guard last >= first else { return [] }
        return try locked { pointer in
            var options = git_blame_options()
            try check(git_blame_options_init(&options, UInt32(GIT_BLAME_OPTIONS_VERSION)), "git_blame_options_init")
            options.newest_commit = commit.oid
            options.min_line = first
            options.max_line = last
            // libgit2 1.5 ignores `.git/shallow`; stopping at the single boundary commit stands in
            // for it. With several boundary commits, blame fails on their absent parents.
            let boundary = isShallow ? shallowBoundary() : []
            if boundary.count == 1 { options.oldest_commit = boundary[0].oid }
            var raw: OpaquePointer?
            let rc = git_blame_file(&raw, pointer, path, &options)
            guard rc == 0, let raw else {
                let error = GitError.last(rc, "git_blame_file")
                throw error.with(
                    code: error.code == .objectMissing ? .objectMissing : .other,
                    summary: "cannot blame '\(path)' at \(commit.short): \(error.message)",
                    hint: boundary.isEmpty ? nil : "this is a shallow clone; fetch full history with `git fetch --unshallow`")
            }
            let blame = BlameHandle(raw)
            return withExtendedLifetime(blame) { hunks(blame, within: first...last) }
        }
    }

    /// Lines in the file at `commit` (a last line without a newline counts); Int.max when absent,
    /// leaving libgit2 to report the missing path.
    private func lineCount(of path: String, at commit: ObjectID) throws -> Int {
        guard let entry = try treeEntries(commit: commit, under: path).first,
              entry.path == path, let id = entry.id, entry.kind != .submodule else { return Int.max }
        let data = try blob(id)
        let newlines = data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return data.last == UInt8(ascii: "\n") || data.isEmpty ? newlines : newlines + 1
    }

    private func hunks(_ blame: BlameHandle, within window: ClosedRange<Int>) -> [BlameHunk] {
        var result: [BlameHunk] = []
        for position in 0..<git_blame_get_hunk_count(blame.pointer) {
            guard let hunk = git_blame_get_hunk_byindex(blame.pointer, position)?.pointee,
                  hunk.lines_in_hunk > 0 else { continue }
            let start = Int(hunk.final_start_line_number)
            let end = start + Int(hunk.lines_in_hunk) - 1
            let lower = max(start, window.lowerBound)
            let upper = min(end, window.upperBound)
            guard lower <= upper else { continue }
            let commit = ObjectID(hunk.final_commit_id)
            let author = signature(of: hunk, commit: commit)
            result.append(BlameHunk(lines: lower...upper, commit: commit, author: author))
        }
        return result.sorted { $0.lines.lowerBound < $1.lines.lowerBound }
    }

    /// The hunk's author; libgit2 leaves it out when it could not read the commit.
    private func signature(of hunk: git_blame_hunk, commit: ObjectID) -> Signature {
        if let pointer = hunk.final_signature {
            return Signature(UnsafePointer(pointer))
        }
        if let info = try? commitInfo(commit) { return info.author }
        return Signature(name: "", email: "", time: 0, offsetMinutes: 0)
    }
}
