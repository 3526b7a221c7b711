import CLibGit2
import Foundation

/// Where a snapshot's listing comes from.
public enum SnapshotSource: Sendable, Hashable {
    /// The tree of a commit.
    case commit(ObjectID)
    /// The staged content (`git diff --cached` side).
    case index
    /// The files on disk: the index, minus deleted files, plus untracked files not ignored.
    case worktree
}

/// What a path in a snapshot is, from its git mode.
public enum EntryKind: Sendable, Hashable {
    case file, executable, symlink, submodule

    /// Git modes: 100644 file, 100755 executable, 120000 symlink, 160000 gitlink.
    public init?(mode: UInt32) {
        switch mode & 0o170000 {
        case 0o100000: self = mode & 0o111 != 0 ? .executable : .file
        case 0o120000: self = .symlink
        case 0o160000: self = .submodule
        default: return nil
        }
    }
}

/// Whether a commit listing reads every blob's size up front or only when asked.
public enum SizeReading: Sendable {
    case eager, onDemand
}

/// One path in a snapshot.
public struct SnapshotEntry: Sendable, Hashable {
    /// Relative to the repository root, '/'-separated, as git stores it.
    public let path: String
    /// The blob (or, for a submodule, commit) id; nil for a working tree file that differs
    /// from the index or is untracked (it has not been hashed).
    public let id: ObjectID?
    /// The git mode (0o100644, 0o100755, 0o120000, 0o160000).
    public let mode: UInt32
    public let kind: EntryKind
    /// Bytes of content (for a symlink, the length of its target). 0 for submodules. -1 only
    /// when the blob is missing from the object database (partial clone, corruption): reading
    /// it then throws `GitError.objectMissing` naming the id, while the rest of the listing stays usable.
    /// `SnapshotEntry.sizeNotRead` in a listing made with `sizes: .onDemand`: ask `Snapshot.size(of:)`.
    public let size: Int64

    /// The `size` of an entry whose object header has not been read yet.
    public static let sizeNotRead: Int64 = -2

    public init(path: String, id: ObjectID?, mode: UInt32, kind: EntryKind, size: Int64) {
        self.path = path
        self.id = id
        self.mode = mode
        self.kind = kind
        self.size = size
    }
}

/// An immutable listing of a tree plus lazy content reading. Entries sorted by path (byte order).
///
/// Holds its repository open; content is read only when asked for.
public final class Snapshot: @unchecked Sendable {
    public let source: SnapshotSource
    public let entries: [SnapshotEntry]
    private let repository: Repository

    /// A snapshot over entries the caller already holds (history keeps a running listing and
    /// updates it from each commit's diff). Entries are sorted by path in byte order if they are not.
    public init(source: SnapshotSource, entries: [SnapshotEntry], repository: Repository) {
        self.source = source
        self.repository = repository
        let inOrder = zip(entries, entries.dropFirst()).allSatisfy { $0.path.precedesInByteOrder($1.path) }
        self.entries = inOrder ? entries : entries.sorted { $0.path.precedesInByteOrder($1.path) }
    }

    private init(source: SnapshotSource, sortedEntries: [SnapshotEntry], repository: Repository) {
        self.source = source
        self.entries = sortedEntries
        self.repository = repository
    }

    /// The same listing, reading blobs through another handle on the same repository (each
    /// handle has its own lock: threads that read through different handles do not wait for
    /// one another).
    public func reading(through other: Repository) -> Snapshot {
        Snapshot(source: source, sortedEntries: entries, repository: other)
    }

    /// The same listing over a new handle on its repository (see `reading(through:)`).
    public func repositoryHandle() throws -> Snapshot {
        reading(through: try repository.anotherHandle())
    }

    /// The entry at an exact path (binary search), or nil.
    public func entry(at path: String) -> SnapshotEntry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = entries[middle].path
            if candidate == path { return entries[middle] }
            if candidate.precedesInByteOrder(path) { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The content of an entry: the blob, or for an unhashed working tree entry the file on disk.
    ///
    /// Never follows a symlink: a symlink's content is its target path. Submodules have no content and throw.
    public func content(of entry: SnapshotEntry) throws -> Data {
        guard let data = try read(entry, limit: nil) else { return Data() }
        return data
    }

    /// Like `content(of:)`, but nil when the content is larger than `maxBytes`; the size is
    /// checked before anything is read.
    public func content(maxBytes: Int, of entry: SnapshotEntry) throws -> Data? {
        if size(of: entry) > Int64(maxBytes) { return nil }
        return try read(entry, limit: maxBytes)
    }

    /// The entry's size, reading the object header when the listing did not (-1: the blob is missing).
    public func size(of entry: SnapshotEntry) -> Int64 {
        guard entry.size == SnapshotEntry.sizeNotRead, let id = entry.id else { return entry.size }
        return repository.blobSizeIfPresent(id) ?? -1
    }

    private func read(_ entry: SnapshotEntry, limit: Int?) throws -> Data? {
        if entry.kind == .submodule {
            throw GitError(code: .invalidObject, function: "content", message: "",
                           summary: "'\(entry.path)' is a submodule (gitlink) and has no content to read",
                           hint: "submodules are skipped; check the submodule's own repository")
        }
        if let id = entry.id {
            let data = try repository.blob(id)
            if let limit, data.count > limit { return nil }
            return data
        }
        guard let root = repository.workingDirectory else {
            throw GitError(code: .io, function: "content", message: "",
                           summary: "'\(entry.path)' has no blob id and the repository has no working tree")
        }
        return try WorktreeFile.load(root: root, path: entry.path, limit: limit)
    }
}

extension Repository {
    /// A listing of a commit's tree, the index, or the working tree, limited to `filter`.
    ///
    /// A commit snapshot reads the trees of the commit (only folders the filter can select)
    /// plus one object header per listed blob, for its size: about 45 ms for 20k files in a
    /// packed repository, three quarters of it the header reads, so pass a filter when only some
    /// paths matter. An index snapshot reads only the index; a worktree snapshot also scans
    /// the working tree like `git status`.
    ///
    /// With `sizes: .onDemand` a commit listing reads no object headers: entries carry
    /// `SnapshotEntry.sizeNotRead` and `Snapshot.size(of:)` reads the header of the few that are
    /// asked about (a check reads only its artifacts).
    public func snapshot(_ source: SnapshotSource, filter: PathFilter = .all, sizes: SizeReading = .eager) throws -> Snapshot {
        let entries: [SnapshotEntry]
        switch source {
        case .commit(let id):
            entries = try locked { _ in
                let tree = try lookupRootTree(id)
                var listing: [SnapshotEntry] = []
                try collectEntries(of: tree, prefix: "", filter: filter, sizes: sizes, into: &listing)
                return listing
            }
        case .index:
            entries = try indexEntries(filter: filter)
        case .worktree:
            entries = try worktreeEntries(filter: filter)
        }
        return Snapshot(source: source, entries: entries, repository: self)
    }

    /// Only the part of a commit's tree under `prefix` (a folder or a single file); everything
    /// when `prefix` is nil or empty; empty when the path does not exist.
    public func treeEntries(commit: ObjectID, under prefix: String?) throws -> [SnapshotEntry] {
        try locked { _ in
            let root = try lookupRootTree(commit)
            let folder = (prefix ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            var listing: [SnapshotEntry] = []
            if folder.isEmpty {
                try collectEntries(of: root, prefix: "", filter: .all, sizes: .eager, into: &listing)
                return listing
            }
            var raw: OpaquePointer?
            let rc = withExtendedLifetime(root) { git_tree_entry_bypath(&raw, root.pointer, folder) }
            if rc == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                return []
            }
            try check(rc, "git_tree_entry_bypath")
            guard let raw else { return [] }
            let entry = TreeEntryHandle(raw)
            return try withExtendedLifetime(entry) {
                let mode = UInt32(git_tree_entry_filemode(entry.pointer).rawValue)
                guard let oid = git_tree_entry_id(entry.pointer) else { return [] }
                if mode == 0o040000 {
                    let subtree = try lookupTree(oid)
                    try collectEntries(of: subtree, prefix: folder + "/", filter: .all, sizes: .eager, into: &listing)
                } else if let leaf = makeEntry(path: folder, oid: oid, mode: mode) {
                    listing.append(leaf)
                }
                return listing
            }
        }
    }

    /// Depth-first listing of a tree. Git orders tree entries as if folder names ended in '/',
    /// which makes this walk produce full paths already in byte order.
    func collectEntries(of tree: TreeHandle, prefix: String, filter: PathFilter, sizes: SizeReading,
                        into listing: inout [SnapshotEntry]) throws {
        try withExtendedLifetime(tree) {
            let count = git_tree_entrycount(tree.pointer)
            for index in 0..<count {
                guard let entry = git_tree_entry_byindex(tree.pointer, index),
                      let namePointer = git_tree_entry_name(entry),
                      let oid = git_tree_entry_id(entry) else { continue }
                let path = prefix + String(cString: namePointer)
                let mode = UInt32(git_tree_entry_filemode(entry).rawValue)
                if mode == 0o040000 {
                    guard filter.descends(into: path) else { continue }
                    let subtree = try lookupTree(oid)
                    try collectEntries(of: subtree, prefix: path + "/", filter: filter, sizes: sizes, into: &listing)
                } else if filter.selects(path), let leaf = makeEntry(path: path, oid: oid, mode: mode, sizes: sizes) {
                    listing.append(leaf)
                }
            }
        }
    }

    /// An entry for a tree leaf, sized from the object header (gitlinks have no local object).
    func makeEntry(path: String, oid: UnsafePointer<git_oid>, mode: UInt32, sizes: SizeReading = .eager) -> SnapshotEntry? {
        guard let kind = EntryKind(mode: mode) else { return nil }
        let size: Int64 = kind == .submodule ? 0 : sizes == .onDemand ? SnapshotEntry.sizeNotRead : (blobSizeIfPresent(oid) ?? -1)
        return SnapshotEntry(path: path, id: ObjectID(oid), mode: mode, kind: kind, size: size)
    }
}
