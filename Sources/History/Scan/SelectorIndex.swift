import Lint

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
