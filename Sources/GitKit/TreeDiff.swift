import CLibGit2
import Foundation

/// One path that differs between two trees.
public struct TreeChange: Sendable, Hashable {
    /// How the path changed.
    public enum Status: Sendable {
        /// `typeChanged`: file ↔ symlink ↔ submodule at the same path (file ↔ executable is `modified`).
        case added, deleted, modified, renamed, typeChanged
    }

    public let status: Status
    public let oldPath: String?
    public let newPath: String?
    public let oldID: ObjectID?
    public let newID: ObjectID?
    /// The git mode after the change (nil for a deletion).
    public let newMode: UInt32?

    public init(status: Status, oldPath: String?, newPath: String?, oldID: ObjectID?, newID: ObjectID?, newMode: UInt32? = nil) {
        self.status = status
        self.oldPath = oldPath
        self.newPath = newPath
        self.oldID = oldID
        self.newID = newID
        self.newMode = newMode
    }

    /// The path after the change, or before it for a deletion.
    public var path: String { newPath ?? oldPath ?? "" }
}

extension Repository {
    /// The file-level changes between two commits (nil is the empty tree), sorted by `path` (byte order).
    ///
    /// Works in time proportional to the change, not the repository: subtrees whose ids are equal
    /// are skipped without being opened, and folders the filter rules out are never opened.
    /// (libgit2's own tree-to-tree diff opens unchanged subtrees.) With `detectRenames`, a deleted
    /// and an added path with the same blob id become one `.renamed` change (exact renames only;
    /// empty files are never paired); a rename across the filter's edge shows as an add or delete.
    public func treeDiff(from old: ObjectID?, to new: ObjectID?, filter: PathFilter = .all,
                         detectRenames: Bool = false) throws -> [TreeChange] {
        if old == new { return [] }
        var changes = try locked { _ in
            var differ = TreeDiffer(repository: self, filter: filter)
            let oldTree = try old.map(lookupRootTree)
            let newTree = try new.map(lookupRootTree)
            try differ.compare(oldTree, newTree, prefix: "")
            return differ.changes
        }
        if detectRenames { changes = pairExactRenames(changes) }
        return changes.sorted { lhs, rhs in
            lhs.path == rhs.path
                ? (lhs.oldPath ?? "").precedesInByteOrder(rhs.oldPath ?? "")
                : lhs.path.precedesInByteOrder(rhs.path)
        }
    }
}

/// The recursive comparison of two trees' entry lists. Both lists are in git's tree order, in
/// which a folder name sorts as if it ended in '/', so one merge pass pairs equal names.
private struct TreeDiffer {
    let repository: Repository
    let filter: PathFilter
    var changes: [TreeChange] = []

    init(repository: Repository, filter: PathFilter) {
        self.repository = repository
        self.filter = filter
    }

    mutating func compare(_ old: TreeHandle?, _ new: TreeHandle?, prefix: String) throws {
        try withExtendedLifetime((old, new)) {
            let oldCount = old.map { git_tree_entrycount($0.pointer) } ?? 0
            let newCount = new.map { git_tree_entrycount($0.pointer) } ?? 0
            var i = 0
            var j = 0
            while i < oldCount || j < newCount {
                let oldEntry = i < oldCount ? old.flatMap { git_tree_entry_byindex($0.pointer, i) } : nil
                let newEntry = j < newCount ? new.flatMap { git_tree_entry_byindex($0.pointer, j) } : nil
                let order: Int32
                switch (oldEntry, newEntry) {
                case let (a?, b?): order = compareTreeOrder(a, b)
                case (.some, nil): order = -1
                case (nil, .some): order = 1
                case (nil, nil): return
                }
                if order < 0 {
                    try removed(oldEntry, prefix: prefix)
                    i += 1
                } else if order > 0 {
                    try added(newEntry, prefix: prefix)
                    j += 1
                } else {
                    try paired(oldEntry, newEntry, prefix: prefix)
                    i += 1
                    j += 1
                }
            }
        }
    }

    private mutating func paired(_ old: OpaquePointer?, _ new: OpaquePointer?, prefix: String) throws {
        guard let old, let new, let oldID = git_tree_entry_id(old), let newID = git_tree_entry_id(new) else { return }
        let oldMode = mode(old)
        let newMode = mode(new)
        if oldMode == newMode && git_oid_equal(oldID, newID) == 1 { return }
        let path = prefix + name(new)
        if oldMode == 0o040000 && newMode == 0o040000 {
            guard filter.descends(into: path) else { return }
            try compare(repository.lookupTree(oldID), repository.lookupTree(newID), prefix: path + "/")
            return
        }
        guard filter.selects(path) else { return }
        let status: TreeChange.Status = leafClass(oldMode) == leafClass(newMode) ? .modified : .typeChanged
        changes.append(TreeChange(status: status, oldPath: path, newPath: path,
                                  oldID: ObjectID(oldID), newID: ObjectID(newID), newMode: newMode))
    }

    private mutating func removed(_ entry: OpaquePointer?, prefix: String) throws {
        guard let entry, let id = git_tree_entry_id(entry) else { return }
        let path = prefix + name(entry)
        if mode(entry) == 0o040000 {
            guard filter.descends(into: path) else { return }
            try compare(repository.lookupTree(id), nil, prefix: path + "/")
        } else if filter.selects(path) {
            changes.append(TreeChange(status: .deleted, oldPath: path, newPath: nil, oldID: ObjectID(id), newID: nil))
        }
    }

    private mutating func added(_ entry: OpaquePointer?, prefix: String) throws {
        guard let entry, let id = git_tree_entry_id(entry) else { return }
        let path = prefix + name(entry)
        if mode(entry) == 0o040000 {
            guard filter.descends(into: path) else { return }
            try compare(nil, repository.lookupTree(id), prefix: path + "/")
        } else if filter.selects(path) {
            changes.append(TreeChange(status: .added, oldPath: nil, newPath: path, oldID: nil, newID: ObjectID(id),
                                      newMode: mode(entry)))
        }
    }

    private func mode(_ entry: OpaquePointer) -> UInt32 {
        UInt32(git_tree_entry_filemode(entry).rawValue)
    }

    private func name(_ entry: OpaquePointer) -> String {
        git_tree_entry_name(entry).map { String(cString: $0) } ?? ""
    }

    /// Regular and executable files are one class (a mode flip is a modification); symlinks and
    /// gitlinks are others.
    private func leafClass(_ mode: UInt32) -> UInt32 {
        mode & 0o170000
    }
}

/// git's tree entry order: names compared as bytes, a folder's name as if it ended in '/'.
private func compareTreeOrder(_ a: OpaquePointer, _ b: OpaquePointer) -> Int32 {
    guard let nameA = git_tree_entry_name(a), let nameB = git_tree_entry_name(b) else { return 0 }
    let lengthA = strlen(nameA)
    let lengthB = strlen(nameB)
    let common = min(lengthA, lengthB)
    let result = memcmp(nameA, nameB, common)
    if result != 0 { return result }
    let isTreeA = git_tree_entry_filemode(a).rawValue == GIT_FILEMODE_TREE.rawValue
    let isTreeB = git_tree_entry_filemode(b).rawValue == GIT_FILEMODE_TREE.rawValue
    let nextA: UInt8 = lengthA > common ? UInt8(bitPattern: nameA[common]) : (isTreeA ? UInt8(ascii: "/") : 0)
    let nextB: UInt8 = lengthB > common ? UInt8(bitPattern: nameB[common]) : (isTreeB ? UInt8(ascii: "/") : 0)
    return Int32(nextA) - Int32(nextB)
}

/// Pairs each deleted path with an added path of the same blob id, in path order, into a rename.
private func pairExactRenames(_ changes: [TreeChange]) -> [TreeChange] {
    var deletedByID: [ObjectID: [Int]] = [:]
    for (position, change) in changes.enumerated() where change.status == .deleted {
        guard let id = change.oldID, id != ObjectID.emptyBlob else { continue }
        deletedByID[id, default: []].append(position)
    }
    if deletedByID.isEmpty { return changes }
    for key in deletedByID.keys {
        deletedByID[key]?.sort { (changes[$0].oldPath ?? "").precedesInByteOrder(changes[$1].oldPath ?? "") }
    }
    let additions = changes.indices
        .filter { changes[$0].status == .added }
        .sorted { changes[$0].path.precedesInByteOrder(changes[$1].path) }
    var consumed = Set<Int>()
    var renames: [TreeChange] = []
    for position in additions {
        guard let id = changes[position].newID, var candidates = deletedByID[id], !candidates.isEmpty else { continue }
        let source = candidates.removeFirst()
        deletedByID[id] = candidates
        consumed.insert(source)
        consumed.insert(position)
        renames.append(TreeChange(status: .renamed, oldPath: changes[source].oldPath,
                                  newPath: changes[position].newPath, oldID: id, newID: id, newMode: changes[position].newMode))
    }
    return changes.indices.filter { !consumed.contains($0) }.map { changes[$0] } + renames
}
