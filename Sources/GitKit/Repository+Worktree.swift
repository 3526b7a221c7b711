import CLibGit2

extension Repository {
    /// Stage-0 entries of the index. A conflicted path is listed with its stage-2 ("ours")
    /// version, the one the user's branch had, and left out when "ours" deleted it.
    /// Intent-to-add entries (`git add -N`) are left out: they stage no content.
    func indexEntries(filter: PathFilter) throws -> [SnapshotEntry] {
        guard !isBare else {
            throw GitError(code: .other, function: "git_repository_index", message: "",
                           summary: "a bare repository has no index to read",
                           hint: "name a commit instead (--rev)")
        }
        return try locked { pointer in
            var raw: OpaquePointer?
            try check(git_repository_index(&raw, pointer), "git_repository_index")
            guard let raw else { return [] }
            let index = IndexHandle(raw)
            return try withExtendedLifetime(index) {
                // The repository caches its index; reload it if the file changed since.
                let rc = git_index_read(index.pointer, 0)
                if rc != 0 {
                    throw GitError.last(rc, "git_index_read").with(
                        code: .io, summary: "cannot read the index of \(gitDirectory)")
                }
                return collectIndexEntries(index, filter: filter)
            }
        }
    }

    private func collectIndexEntries(_ index: IndexHandle, filter: PathFilter) -> [SnapshotEntry] {
        let count = git_index_entrycount(index.pointer)
        var entries: [SnapshotEntry] = []
        entries.reserveCapacity(count)
        let intentToAdd = UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue)
        for position in 0..<count {
            guard let pointer = git_index_get_byindex(index.pointer, position),
                  let rawPath = pointer.pointee.path else { continue }
            let stage = (UInt32(pointer.pointee.flags) & 0x3000) >> 12
            guard stage == 0 || stage == 2, pointer.pointee.flags_extended & intentToAdd == 0 else { continue }
            let mode = pointer.pointee.mode
            guard let kind = EntryKind(mode: mode) else { continue }
            let path = String(cString: rawPath)
            guard filter.selects(path) else { continue }
            let size: Int64
            if kind == .submodule {
                size = 0
            } else if pointer.pointee.file_size != 0 {
                size = Int64(pointer.pointee.file_size)
            } else {
                // 0 is also what git writes for racily-clean or `--cacheinfo` entries; ask the header.
                size = withUnsafePointer(to: pointer.pointee.id) { blobSizeIfPresent($0) } ?? -1
            }
            let id = withUnsafePointer(to: pointer.pointee.id) { ObjectID($0) }
            entries.append(SnapshotEntry(path: path, id: id, mode: mode, kind: kind, size: size))
        }
        return entries
    }

    /// The index entries with the working tree's changes applied: deleted files removed,
    /// modified and untracked (not ignored) files added from disk with no id.
    func worktreeEntries(filter: PathFilter) throws -> [SnapshotEntry] {
        guard let root = workingDirectory else {
            throw GitError(code: .other, function: "git_status_list_new", message: "",
                           summary: "a bare repository has no working tree to read",
                           hint: "name a commit instead (--rev)")
        }
        let indexed = try indexEntries(filter: filter)
        var changes = try worktreeChanges(root: root).filter { filter.selects($0.key) }
        var merged: [SnapshotEntry] = []
        merged.reserveCapacity(indexed.count + changes.count)
        for entry in indexed {
            if let change = changes.removeValue(forKey: entry.path) {
                if let replacement = change { merged.append(replacement) }
            } else {
                merged.append(entry)
            }
        }
        let additions = changes.values.compactMap { $0 }.sorted { $0.path.precedesInByteOrder($1.path) }
        return mergeSorted(merged, additions)
    }

    /// Paths whose working tree state differs from the index: nil for deleted, else the entry from disk.
    private func worktreeChanges(root: String) throws -> [String: SnapshotEntry?] {
        try locked { pointer in
            var options = git_status_options()
            try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
            options.show = GIT_STATUS_SHOW_WORKDIR_ONLY
            // Submodules are listed from the index as gitlinks; asking their status would open each one.
            options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
                | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
                | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
            var raw: OpaquePointer?
            let rc = git_status_list_new(&raw, pointer, &options)
            guard rc == 0, let raw else {
                throw GitError.last(rc, "git_status_list_new").with(
                    code: .io, summary: "cannot compare the working tree with the index in \(root)")
            }
            let list = StatusListHandle(raw)
            return withExtendedLifetime(list) { collectChanges(list, root: root) }
        }
    }

    private func collectChanges(_ list: StatusListHandle, root: String) -> [String: SnapshotEntry?] {
        let deleted = GIT_STATUS_WT_DELETED.rawValue
        let changed = GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue
            | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_WT_UNREADABLE.rawValue | GIT_STATUS_CONFLICTED.rawValue
        var changes: [String: SnapshotEntry?] = [:]
        for position in 0..<git_status_list_entrycount(list.pointer) {
            guard let status = git_status_byindex(list.pointer, position),
                  let delta = status.pointee.index_to_workdir,
                  let rawPath = delta.pointee.new_file.path ?? delta.pointee.old_file.path else { continue }
            let path = String(cString: rawPath)
            let flags = status.pointee.status.rawValue
            if flags & deleted != 0 {
                changes[path] = .some(nil)
            } else if flags & changed != 0 {
                // Not a file we can list (a folder holding another repository, a socket): leave it out.
                changes[path] = .some(WorktreeFile.entry(root: root, path: path))
            }
        }
        return changes
    }
}

/// Merges two lists each sorted by path (byte order).
private func mergeSorted(_ left: [SnapshotEntry], _ right: [SnapshotEntry]) -> [SnapshotEntry] {
    if right.isEmpty { return left }
    var result: [SnapshotEntry] = []
    result.reserveCapacity(left.count + right.count)
    var i = 0
    var j = 0
    while i < left.count && j < right.count {
        if right[j].path.precedesInByteOrder(left[i].path) {
            result.append(right[j])
            j += 1
        } else {
            result.append(left[i])
            i += 1
        }
    }
    result.append(contentsOf: left[i...])
    result.append(contentsOf: right[j...])
    return result
}
