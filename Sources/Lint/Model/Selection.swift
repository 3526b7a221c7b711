/// What a run is asked to look at: given systems or datasets (`--system`), the subjects and
/// documents under one folder (`aimslint check PATH`), or both. The repository is still read
/// whole (ownership, history and dataset links need it); the selection decides which subjects
/// are evaluated and which findings, controls and subjects the report shows.
public struct Selection: Hashable, Sendable {
    /// Subject ids; nil for every subject.
    public var ids: Set<String>?
    /// A repository-relative folder; nil (or "") for the whole repository.
    public var folder: String?

    public static let everything = Selection()

    public init(ids: Set<String>? = nil, folder: String? = nil) {
        self.ids = ids
        self.folder = folder.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isEverything: Bool { ids == nil && folder == nil }

    /// Whether a subject with this id and root is selected: its id is named (when ids are given)
    /// and its root lies under the folder, or the folder under its root (when a folder is given).
    public func includes(id: String?, root: String, owner: String? = nil) -> Bool {
        if let ids {
            guard let id, ids.contains(id) || owner.map(ids.contains) == true else { return false }
        }
        guard let folder else { return true }
        return PathMath.isInside(root, folder: folder) || (!root.isEmpty && PathMath.isInside(folder, folder: root))
    }

    public func includes(_ subject: Subject) -> Bool {
        switch subject {
        case .repository: return ids == nil
        case .system(let system): return includes(id: system.id, root: system.root)
        case .dataset(let dataset): return includes(id: dataset.id, root: dataset.root, owner: dataset.system)
        }
    }

    /// Whether a finding at `path` about subject `subject` belongs to the selection.
    public func includes(findingAt path: String, subject: String?, selected: Set<String>) -> Bool {
        if let subject, selected.contains(subject) { return true }
        guard ids == nil else { return false }
        return folder.map { PathMath.isInside(path, folder: $0) } ?? true
    }

    /// For cache keys: what the selection asks for, in a fixed order.
    public var key: String {
        "systems \(ids.map { $0.sorted().joined(separator: ",") } ?? "*") folder \(folder ?? "*")"
    }
}
