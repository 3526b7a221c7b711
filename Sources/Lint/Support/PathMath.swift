/// Small helpers for repository-relative paths (always `/`-separated, no leading slash).
public enum PathMath {
    /// The parent folder, "" for a top-level file.
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last component.
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Whether `path` lies inside `folder` ("" contains everything).
    /// Compared as bytes, as git compares paths, and without building `folder + "/"`: history
    /// asks this for every changed path against every question's folders.
    public static func isInside(_ path: String, folder: String) -> Bool {
        if folder.isEmpty { return true }
        let whole = path.utf8, head = folder.utf8
        guard whole.count >= head.count, whole.starts(with: head) else { return false }
        return whole.count == head.count || whole[whole.index(whole.startIndex, offsetBy: head.count)] == UInt8(ascii: "/")
    }

    /// Whether `path` lies inside any of `folders` (a folder contains itself; "" contains
    /// everything): a lookup per ancestor, not a scan of the folders.
    public static func hasAncestor(of path: String, in folders: Set<String>) -> Bool {
        if folders.isEmpty { return false }
        var folder = Substring(path)
        while true {
            if folders.contains(String(folder)) { return true }
            guard let slash = folder.lastIndex(of: "/") else { return folders.contains("") }
            folder = folder[..<slash]
        }
    }

    /// Joins and normalises a relative link target against a folder; nil when it escapes the repository.
    public static func resolve(_ relative: String, from folder: String) -> String? {
        var parts = relative.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in relative.split(separator: "/") {
            switch piece {
            case ".", "": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether a root is valid in a config: relative, no `..`, no backslashes, no empty components.
    public static func isCleanRelative(_ path: String) -> Bool {
        if path == "." || path == "./" { return true }
        if path.isEmpty || path.hasPrefix("/") || path.contains("\\") || path.contains("\0") { return false }
        var trimmed = path
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return !trimmed.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == ".." || $0 == "." }
    }

    /// A root as stored: "" for the repository root, no trailing slash.
    public static func normalizedRoot(_ path: String) -> String {
        var root = path
        while root.hasSuffix("/") { root.removeLast() }
        return root == "." ? "" : root
    }
}
