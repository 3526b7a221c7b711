/// Which paths a tree diff or listing looks at, and so which folders it needs to open at all.
///
/// A path is selected when it is one of the prefixes or lies under one (on a folder boundary:
/// "models" selects "models/a.md", not "models2/a.md"), or when `matches` says so. Without
/// `matches`, a folder is opened only if a prefix could lie inside it or it lies inside a prefix,
/// which is what keeps a diff limited to a few system roots cheap.
///
/// Both questions cost time proportional to the path's depth (plus a binary search), not to the
/// number of prefixes: a history scope holds hundreds of artifact paths.
public struct PathFilter: Sendable {
    /// Everything.
    public static let all = PathFilter(prefixes: [""])

    /// The prefixes as bytes, sorted and unique.
    private let sorted: [[UInt8]]
    private let set: Set<[UInt8]>
    private let matches: (@Sendable (String) -> Bool)?
    private let selectsEverything: Bool

    public init(prefixes: [String], matches: (@Sendable (String) -> Bool)? = nil) {
        let normalised = Set(prefixes.map { Array(Self.normalise($0).utf8) })
        set = normalised
        sorted = normalised.sorted { $0.lexicographicallyPrecedes($1) }
        self.matches = matches
        selectsEverything = normalised.contains([])
    }

    /// Whether a file path is part of the diff.
    public func selects(_ path: String) -> Bool {
        if selectsEverything { return true }
        if isInsidePrefix(Array(path.utf8)) { return true }
        return matches?(path) ?? false
    }

    /// Whether a folder may hold selected paths and so must be opened.
    public func descends(into folder: String) -> Bool {
        if selectsEverything || matches != nil { return true }
        let bytes = Array(folder.utf8)
        if bytes.isEmpty { return !sorted.isEmpty }
        return isInsidePrefix(bytes) || holdsPrefix(bytes)
    }

    /// The path itself or one of its ancestor folders is a prefix.
    private func isInsidePrefix(_ path: [UInt8]) -> Bool {
        if set.contains(path) { return true }
        var end = path.count
        while let slash = path[..<end].lastIndex(of: UInt8(ascii: "/")) {
            if set.contains(Array(path[..<slash])) { return true }
            end = slash
        }
        return false
    }

    /// Some prefix lies inside the folder: the first prefix not before "folder/" starts with it.
    private func holdsPrefix(_ folder: [UInt8]) -> Bool {
        let key = folder + [UInt8(ascii: "/")]
        let low = sorted.firstIndex(notBefore: key)
        return low < sorted.count && sorted[low].starts(with: key)
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

extension Array where Element == [UInt8] {
    /// In an array of paths sorted in byte order, the first index whose path does not come
    /// before `key` (binary search): where `key` would be inserted, and where the paths that
    /// start with it begin.
    func firstIndex(notBefore key: [UInt8]) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
