import GitKit

/// Every path a walk has seen change, with the newest commit that changed it, and the folders
/// they lie in, so "when did a file this question selects last change?" is a lookup over the
/// paths under the question's folders instead of a scan of the walk.
///
/// `check`'s `GitChangeHistory` feeds it newest first, `history`'s tracker oldest first; either
/// way a path keeps the change with the largest step. `history` uses it to answer a question asked
/// for the first time half-way through a walk without walking back through all earlier commits
/// (which made a long history quadratic: a system that appears late asks about its data folder,
/// whose answer may be "never").
public struct ChangeIndex: Sendable {
    public struct Change: Sendable {
        /// The step of the walk, for "newest": larger is newer.
        public let step: Int
        public let commit: ObjectID
    }

    public init() {}

    private var last: [String: Change] = [:]
    /// Files directly inside each folder ("" for the top), each listed once.
    private var files: [String: [String]] = [:]
    /// Folders directly inside each folder.
    private var folders: [String: [String]] = [:]
    private var knownFolders: Set<String> = []

    /// Records that `commit` (walk step `step`) added, changed or removed each of `paths`; a path
    /// already recorded with a larger step keeps it.
    public mutating func record(_ paths: [String], step: Int, commit: ObjectID) {
        let change = Change(step: step, commit: commit)
        for path in paths {
            if let known = last[path] {
                if known.step < step { last[path] = change }
            } else {
                last[path] = change
                register(path)
            }
        }
    }

    /// The newest change of a file the selector selects.
    public func newest(_ selector: PathSelector) -> Change? {
        var best: Change?
        func consider(_ path: String) {
            guard let change = last[path], change.step > (best?.step ?? Int.min), selector.selects(path) else { return }
            best = change
        }
        for path in selector.exact { consider(path) }
        for folder in selector.folders {
            // A folder may also be a file's own path ("models/a.bin" as a folder selects itself).
            consider(folder)
            var pending = [folder]
            while let next = pending.popLast() {
                for path in files[next] ?? [] { consider(path) }
                pending += folders[next] ?? []
            }
        }
        return best
    }

    private mutating func register(_ path: String) {
        var folder = PathMath.parent(of: path)
        files[folder, default: []].append(path)
        // Link each folder not seen before to its parent, up to the first one already known.
        while !folder.isEmpty, knownFolders.insert(folder).inserted {
            let parent = PathMath.parent(of: folder)
            folders[parent, default: []].append(folder)
            folder = parent
        }
    }
}

