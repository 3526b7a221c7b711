import Foundation
import Catalog
import Documents

extension ProjectBuilder {
    /// Declared systems, plus one inferred system per folder holding a model card that no declared
    /// system covers (SPEC §1: with no config, one system per folder that holds a model card).
    func buildSystems(artifacts: [Artifact]) -> [AISystem] {
        var systems = policy.systems.map { declaration in
            AISystem(id: declaration.id, root: declaration.root, stage: declaration.stage, risk: declaration.risk,
                     continuousLearning: declaration.continuousLearning, owner: declaration.owner,
                     artifactPaths: declaration.artifacts, declaration: declaration.declaration,
                     stageDeclaration: declaration.stageDeclaration)
        }
        let declaredIDs = Set(systems.map(\.id))
        let declaredRoots = Set(policy.systems.map(\.root))
        var inferredRoots = Set<String>()
        for card in artifacts where card.kind == .modelCard {
            if let declared = card.declaredSystem, declaredIDs.contains(declared) { continue }
            if PathMath.hasAncestor(of: card.path, in: declaredRoots) { continue }
            inferredRoots.insert(card.folder)
        }
        var taken = declaredIDs
        for root in inferredRoots.sorted() {
            let id = Self.uniqueID(for: root, taken: &taken, fallback: "repository")
            systems.append(AISystem(id: id, root: root))
        }
        return systems.sorted { $0.id < $1.id }
    }

    /// Declared datasets, plus one inferred dataset per folder holding dataset documentation that
    /// no declared dataset covers.
    func buildDatasets(artifacts: [Artifact], systems: [AISystem]) -> [Dataset] {
        let index = SystemIndex(systems)
        func owner(_ path: String) -> String? { index.nearestSystem(containing: path)?.id }
        let references = Self.datasetReferences(artifacts: artifacts, index: index)
        // Which references (by position) name each dataset id, and which link into each folder.
        var namedBy: [String: Set<Int>] = [:]
        var linkedFrom: [String: Set<Int>] = [:]
        var linking = Set<Int>()
        for (position, reference) in references.enumerated() {
            for name in reference.names { namedBy[name, default: []].insert(position) }
            if !reference.paths.isEmpty { linking.insert(position) }
            for path in reference.paths {
                var folder = Substring(path)
                while true {
                    linkedFrom[String(folder), default: []].insert(position)
                    guard let slash = folder.lastIndex(of: "/") else { break }
                    folder = folder[..<slash]
                }
            }
        }
        /// The systems of every reference that names the id or links inside the root, sorted
        /// (a system with two cards counts twice).
        func users(_ id: String, _ root: String) -> [String] {
            let linked = root.isEmpty ? linking : linkedFrom[root] ?? []
            return namedBy[id, default: []].union(linked).map { references[$0].system }.sorted()
        }
        var datasets = policy.datasets.map {
            Dataset(id: $0.id, root: $0.root, system: owner($0.root + "/x"), declaration: $0.declaration,
                    usedBy: users($0.id, $0.root))
        }
        let declaredRoots = Set(policy.datasets.map(\.root))
        var folders = Set<String>()
        for document in artifacts where document.kind.documentsDataset {
            if PathMath.hasAncestor(of: document.path, in: declaredRoots) { continue }
            folders.insert(document.folder)
        }
        var taken = Set(systems.map(\.id)).union(datasets.map(\.id))
        for folder in folders.sorted() {
            let id = Self.uniqueID(for: folder, taken: &taken, fallback: "repository-data", suffix: "-data")
            datasets.append(Dataset(id: id, root: folder, system: owner(folder + "/x"), usedBy: users(id, folder)))
        }
        return datasets.sorted { $0.id < $1.id }
    }

    /// What each system's model cards name as data: front matter `datasets` entries and the
    /// repository paths of relative Markdown links (`](../../data/reviews/)`).
    static func datasetReferences(artifacts: [Artifact], index: SystemIndex) -> [(system: String, names: Set<String>, paths: [String])] {
        var result: [(system: String, names: Set<String>, paths: [String])] = []
        for card in artifacts where card.kind == .modelCard {
            guard let system = index.owner(of: card), let named = references(of: card) else { continue }
            result.append((system, named.names, named.paths))
        }
        return result
    }

    /// What a Markdown model card names as data (nil for a JSON card; a reference naming nothing
    /// counts the same). Known without reading the card when a ledger recorded it.
    static func references(of card: Artifact) -> (names: Set<String>, paths: [String])? {
        if let known = referenceMemo.known(for: card) { return known }
        guard let document = card.markdown else { return nil }
        return referenceMemo.value(for: card) { references(in: document, folder: card.folder) }
    }

    static let referenceMemo = ArtifactMemo<(names: Set<String>, paths: [String])>()

    /// A card's front matter `datasets` and the repository paths its relative links point to.
    private static func references(in document: MarkdownDocument, folder: String) -> (names: Set<String>, paths: [String]) {
        var names = Set<String>()
        if let listed = document.frontMatter?.root?["datasets"] {
            for item in listed.array ?? [listed] { if let name = item.string { names.insert(name) } }
        }
        var paths: [String] = []
        var rest = Substring(document.text)
        while let open = rest.range(of: "](") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { break }
            let target = after[..<close].split(separator: " ").first.map(String.init) ?? ""
            if !target.contains("://"), !target.hasPrefix("#"), !target.hasPrefix("mailto:"),
               let resolved = PathMath.resolve(target, from: folder) {
                paths.append(resolved)
            }
            rest = after[close...]
        }
        return (names, paths)
    }

    /// The folder's last component, or its whole path joined with '-' when that is taken.
    static func uniqueID(for folder: String, taken: inout Set<String>, fallback: String, suffix: String = "") -> String {
        let name = folder.isEmpty ? fallback : PathMath.name(of: folder)
        var candidates = [name, folder.replacingOccurrences(of: "/", with: "-")]
        if !suffix.isEmpty { candidates += [name + suffix, candidates[1] + suffix] }
        for candidate in candidates where !candidate.isEmpty && !taken.contains(candidate) {
            taken.insert(candidate)
            return candidate
        }
        var counter = 2
        while taken.contains("\(name)-\(counter)") { counter += 1 }
        taken.insert("\(name)-\(counter)")
        return "\(name)-\(counter)"
    }
}
