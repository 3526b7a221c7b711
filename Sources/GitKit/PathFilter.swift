/// Which paths a tree diff looks at, and so which folders it needs to open at all.
///
/// A path is selected when it is one of the prefixes or lies under one (on a folder boundary:
/// "models" selects "models/a.md", not "models2/a.md"), or when `matches` says so. Without
/// `matches`, a folder is opened only if a prefix could lie inside it or it lies inside a prefix,
/// which is what keeps a diff limited to a few system roots cheap.
public struct PathFilter: Sendable {
    /// Everything.
    public static let all = PathFilter(prefixes: [""])

    private let prefixes: [String]
    private let matches: (@Sendable (String) -> Bool)?
    private let selectsEverything: Bool

    public init(prefixes: [String], matches: (@Sendable (String) -> Bool)? = nil) {
        let normalised = prefixes.map(Self.normalise)
        self.prefixes = normalised
        self.matches = matches
        selectsEverything = normalised.contains("")
    }

    /// Whether a file path is part of the diff.
    public func selects(_ path: String) -> Bool {
        if selectsEverything { return true }
        for prefix in prefixes where Self.isSameOrInside(path, prefix) { return true }
        return matches?(path) ?? false
    }

    /// Whether a folder may hold selected paths and so must be opened.
    public func descends(into folder: String) -> Bool {
        if selectsEverything || matches != nil { return true }
        for prefix in prefixes {
            if Self.isSameOrInside(folder, prefix) || Self.isSameOrInside(prefix, folder) { return true }
        }
        return false
    }

    /// "a/b" is inside "a"; compared as bytes, like git paths.
    private static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        let pathBytes = path.utf8
        let folderBytes = folder.utf8
        guard pathBytes.starts(with: folderBytes) else { return false }
        if pathBytes.count == folderBytes.count { return true }
        return pathBytes[pathBytes.index(pathBytes.startIndex, offsetBy: folderBytes.count)] == UInt8(ascii: "/")
    }

    /// Drops "./", leading and trailing slashes: "./models/" means "models".
    private static func normalise(_ prefix: String) -> String {
        var text = Substring(prefix)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        while text.hasPrefix("/") { text = text.dropFirst() }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text == "." ? "" : String(text)
    }
}
