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
        let declaredRoots = policy.systems.map(\.root)
        var inferredRoots: [String] = []
        for card in artifacts where card.kind == .modelCard {
            if let declared = card.declaredSystem, declaredIDs.contains(declared) { continue }
            if declaredRoots.contains(where: { PathMath.isInside(card.path, folder: $0) }) { continue }
            if !inferredRoots.contains(card.folder) { inferredRoots.append(card.folder) }
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
        func owner(_ path: String) -> String? {
            systems.filter { PathMath.isInside(path, folder: $0.root) }.max { $0.root.count < $1.root.count }?.id
        }
        let references = Self.datasetReferences(artifacts: artifacts, systems: systems)
        func users(_ id: String, _ root: String) -> [String] {
            references.filter { reference in
                reference.names.contains(id) || reference.paths.contains { PathMath.isInside($0, folder: root) }
            }.map(\.system).sorted()
        }
        var datasets = policy.datasets.map {
            Dataset(id: $0.id, root: $0.root, system: owner($0.root + "/x"), declaration: $0.declaration,
                    usedBy: users($0.id, $0.root))
        }
        let declaredRoots = policy.datasets.map(\.root)
        var folders: [String] = []
        for document in artifacts where document.kind.documentsDataset {
            if declaredRoots.contains(where: { PathMath.isInside(document.path, folder: $0) }) { continue }
            if !folders.contains(document.folder) { folders.append(document.folder) }
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
    static func datasetReferences(artifacts: [Artifact], systems: [AISystem]) -> [(system: String, names: Set<String>, paths: [String])] {
        var result: [(system: String, names: Set<String>, paths: [String])] = []
        for card in artifacts where card.kind == .modelCard {
            guard let document = card.markdown,
                  let system = Project.owner(of: card, systems: systems) else { continue }
            let named = referenceMemo.value(for: card) { references(in: document, folder: card.folder) }
            result.append((system, named.names, named.paths))
        }
        return result
    }

    private static let referenceMemo = ArtifactMemo<(names: Set<String>, paths: [String])>(limit: 1024)

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
