import GitKit
import Lint

/// Every path the walk has seen change, with the last commit that changed it, so a history
/// question asked for the first time half-way through a walk is answered by a lookup instead of
/// a walk back through all earlier commits (which made a long history quadratic: a system that
/// appears late asks about its data folder, whose answer may be "never").
///
/// Valid only while it was fed every first-parent commit's own change from the start of the
/// history (or its shallow boundary): `TrackingChangeHistory` drops it otherwise and walks back.
struct ChangeIndex {
    struct Change {
        /// The step of the walk, for "newest": larger is newer.
        let step: Int
        let commit: ObjectID
    }

    private var last: [String: Change] = [:]
    /// Files directly inside each folder ("" for the top), each listed once.
    private var files: [String: [String]] = [:]
    /// Folders directly inside each folder.
    private var folders: [String: [String]] = [:]
    private var knownFolders: Set<String> = []

    /// Records that `commit` (walk step `step`) added, changed or removed each of `paths`.
    mutating func record(_ paths: [String], step: Int, commit: ObjectID) {
        let change = Change(step: step, commit: commit)
        for path in paths {
            if last.updateValue(change, forKey: path) == nil { register(path) }
        }
    }

    /// The newest change of a file the selector selects.
    func newest(_ selector: PathSelector) -> Change? {
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

/// History questions indexed by the paths and folders they name, so "which questions does this
/// changed path answer anew?" looks at the path's own ancestors instead of every question asked.
struct SelectorIndex: Sendable {
    private var byExact: [String: [PathSelector]] = [:]
    private var byFolder: [String: [PathSelector]] = [:]

    mutating func insert(_ selector: PathSelector) {
        for path in Set(selector.exact) { byExact[path, default: []].append(selector) }
        for folder in Set(selector.folders) { byFolder[folder, default: []].append(selector) }
    }

    /// Calls `body` with each question that selects `path` (a question may come more than once);
    /// stops when `body` returns false.
    func forEachSelecting(_ path: String, _ body: (PathSelector) -> Bool) {
        for selector in byExact[path] ?? [] where selector.selects(path) {
            if !body(selector) { return }
        }
        // The path itself (a folder question may name a file), each ancestor, then the top.
        var folder = Substring(path)
        while true {
            for selector in byFolder[String(folder)] ?? [] where selector.selects(path) {
                if !body(selector) { return }
            }
            if folder.isEmpty { return }
            folder = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
        }
    }

    func anySelects(_ path: String) -> Bool {
        var found = false
        forEachSelecting(path) { _ in
            found = true
            return false
        }
        return found
    }
}
