/// The systems of a project indexed for the questions asked once per artifact ("who owns this
/// path?"), so building a project costs the number of artifacts times path depth, not artifacts
/// times systems.
struct SystemIndex: Sendable {
    let systems: [AISystem]
    private let ids: Set<String>
    /// Explicit artifact paths from the config, to the first system (in array order) naming them.
    private let explicit: [String: String]
    /// Systems by root (its bytes: NFC and NFD spellings are two folders), each list in array order.
    private let byRoot: [[UInt8]: [Int]]

    init(_ systems: [AISystem]) {
        self.systems = systems
        ids = Set(systems.map(\.id))
        var explicit: [String: String] = [:]
        var byRoot: [[UInt8]: [Int]] = [:]
        for (position, system) in systems.enumerated() {
            for path in system.artifactPaths.values where explicit[path] == nil { explicit[path] = system.id }
            byRoot[Array(system.root.utf8), default: []].append(position)
        }
        self.explicit = explicit
        self.byRoot = byRoot
    }

    func contains(id: String) -> Bool { ids.contains(id) }

    /// The system an artifact belongs to (see `Project.owner(of:)`).
    func owner(of artifact: Artifact) -> String? {
        if let declared = artifact.declaredSystem, ids.contains(declared) { return declared }
        if let id = explicit[artifact.path] { return id }
        for prefix in [".aims/systems/", "docs/ai/"] where artifact.path.hasPrefix(prefix) {
            let rest = artifact.path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                let id = String(rest[..<slash])
                if ids.contains(id) { return id }
            }
        }
        return nearestSystem(containing: artifact.path)?.id
    }

    /// The system whose root is the nearest ancestor of `path` (or `path` itself); among systems
    /// sharing that root, the smallest id, the first one listed when ids repeat.
    func nearestSystem(containing path: String) -> AISystem? {
        var folder = Substring(path)
        while true {
            if let positions = byRoot[Array(folder.utf8)] {
                var best = systems[positions[0]]
                for position in positions.dropFirst() where systems[position].id < best.id { best = systems[position] }
                return best
            }
            if folder.isEmpty { return nil }
            folder = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
        }
    }
}
