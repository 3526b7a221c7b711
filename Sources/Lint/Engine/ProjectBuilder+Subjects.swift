import Foundation
import Catalog
import Documents

extension ProjectBuilder {
    /// Declared systems, plus one inferred system per model card that no declared system covers
    /// (SPEC §1, §5.1). A card is a model: several cards in one folder (`MODEL_CARD.md` beside
    /// `MODEL_CARD_VISION.md`, a `model_cards/` folder) are several systems sharing that folder
    /// as their root, each owning its own card. Ids (`inferredID`) are unique and valid config ids.
    func buildSystems(artifacts: [Artifact]) -> [AISystem] {
        var systems = policy.systems.map { declaration in
            AISystem(id: declaration.id, root: declaration.root, stage: declaration.stage, risk: declaration.risk,
                     continuousLearning: declaration.continuousLearning, owner: declaration.owner,
                     artifactPaths: declaration.artifacts, declaration: declaration.declaration,
                     stageDeclaration: declaration.stageDeclaration)
        }
        let declaredIDs = Set(systems.map(\.id))
        let declaredRoots = Set(policy.systems.map(\.root))
        // Folders by their bytes: two spellings of one name (NFC, NFD) are two folders.
        var cardsByFolder: [[UInt8]: [Artifact]] = [:]
        for card in artifacts where card.kind == .modelCard {
            if let declared = card.declaredSystem, declaredIDs.contains(declared) { continue }
            if PathMath.hasAncestor(of: card.path, in: declaredRoots) { continue }
            cardsByFolder[Array(card.folder.utf8), default: []].append(card)
        }
        var taken = declaredIDs
        for folderBytes in cardsByFolder.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let cards = cardsByFolder[folderBytes]?.sorted(by: { $0.path.precedesInByteOrder($1.path) }),
                  let folder = cards.first?.folder else { continue }
            if cards.count == 1, Self.modelName(ofCard: cards[0].path) == nil {
                systems.append(AISystem(id: Self.inferredID(folder: folder, name: nil, taken: &taken), root: folder))
                continue
            }
            for card in cards {
                let id = Self.inferredID(folder: folder, name: Self.modelName(ofCard: card.path), taken: &taken)
                systems.append(AISystem(id: id, root: folder, artifactPaths: [.modelCard: card.path]))
            }
        }
        return systems.sorted { $0.id < $1.id }
    }

    /// The model a card's file name names, if any: `AUDIOGEN_MODEL_CARD.md` → `audiogen`,
    /// `MODEL_CARD_VISION.md` → `vision`, `Stable_Diffusion_v1_Model_Card.md` →
    /// `stable_diffusion_v1`, `model_cards/FLUX.1-dev.md` → `flux.1-dev`; nil for a card named only
    /// as a card (`MODEL_CARD.md`, `model-card.md`, `README.md`).
    static func modelName(ofCard path: String) -> String? {
        let file = PathMath.name(of: path)
        var stem = file
        for ext in [".md", ".markdown", ".json"] where stem.lowercased().hasSuffix(ext) { stem = String(stem.dropLast(ext.count)) }
        let lower = stem.lowercased()
        if ["model_card", "model-card", "modelcard", "readme", "model card"].contains(lower) { return nil }
        for marker in ["model_card", "model-card", "modelcard"] {
            if lower.hasPrefix(marker) { return clean(String(stem.dropFirst(marker.count))) }
            if lower.hasSuffix(marker) { return clean(String(stem.dropLast(marker.count))) }
        }
        return clean(stem)
    }

    /// A name part without its joining marks (`_VISION` → `VISION`); nil when nothing is left.
    private static func clean(_ part: String) -> String? {
        let trimmed = part.trimmingCharacters(in: CharacterSet(charactersIn: "_-. "))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A unique, valid id for an inferred system: the card's model name, lowercased, else the
    /// folder's name ("repository" at the root); a folder named by a size or version alone (`8B`,
    /// `v2`) is qualified by its parent (`Llama-Guard3-8B`). Characters a config id cannot hold
    /// become `-`. A taken id falls back to the folder path joined with `-`, then a counter.
    static func inferredID(folder: String, name: String?, taken: inout Set<String>) -> String {
        var base: String
        if let name {
            base = name.lowercased()
        } else if folder.isEmpty {
            base = "repository"
        } else {
            base = PathMath.name(of: folder)
            let parent = PathMath.parent(of: folder)
            if Self.isQualifierName(base), !parent.isEmpty { base = PathMath.name(of: parent) + "-" + base }
        }
        let pathForm = folder.isEmpty ? base : folder.replacingOccurrences(of: "/", with: "-") + (name.map { "-" + $0.lowercased() } ?? "")
        for candidate in [base, pathForm].map(Self.validID) where !candidate.isEmpty && !taken.contains(candidate) {
            taken.insert(candidate)
            return candidate
        }
        let stem = validID(base).isEmpty ? "system" : validID(base)
        var counter = 2
        while taken.contains("\(stem)-\(counter)") { counter += 1 }
        taken.insert("\(stem)-\(counter)")
        return "\(stem)-\(counter)"
    }

    /// `8B`, `11B-vision`, `v2`, `1.0`: names that say which variant, not which model.
    static func isQualifierName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        if ("0"..."9").contains(first) { return true }
        let scalars = Array(name.unicodeScalars)
        return (first == "v" || first == "V") && scalars.count > 1 && ("0"..."9").contains(scalars[1])
    }

    /// The text as a config id: ASCII letters, digits, `.`, `_`, `-`; anything else becomes `-`
    /// (runs collapsed); it starts with a letter or digit.
    static func validID(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            if keep { result.unicodeScalars.append(scalar) } else if !result.hasSuffix("-") { result += "-" }
        }
        while let first = result.unicodeScalars.first, !(first.properties.isAlphabetic || ("0"..."9").contains(first)) {
            result.removeFirst()
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
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
        let raw = validID(folder.isEmpty ? fallback : PathMath.name(of: folder))
        let name = raw.isEmpty ? fallback : raw
        var candidates = [name, validID(folder.replacingOccurrences(of: "/", with: "-"))]
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
