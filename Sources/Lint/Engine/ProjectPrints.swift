import GitKit

/// What each subject's controls can depend on, as comparable text, so an evaluation re-runs only
/// the subjects whose inputs changed.
///
/// - `global`: the policy files and licences (with content). A change here re-evaluates everything.
/// - `names`, `datasetIDs`, `datasetDocuments`: which files, datasets and dataset documents
///   exist. A change re-evaluates only the controls whose rules asked about it (`ExistenceQuestion`).
/// - per system: its definition, the definitions of the datasets it holds or uses, the content
///   (blob ids) of the artifacts the engine gives it and of its datasets' documents;
///   per dataset: its definition, the systems that hold or use it, its documents and its
///   system's artifacts (cards and datasheets refer to each other); the repository: every
///   artifact with its owner.
///
/// A rule that reads the *content* of an unrelated system's documents would be missed; none does.
///
/// `history` compares the prints of consecutive commits; `check` compares the prints of the
/// checked tree with those saved for its base (`SubjectResultStore`).
public struct ProjectPrints: Equatable, Sendable {
    public var global: String
    /// Every path the project lists.
    public var names: Set<String>
    public var datasetIDs: [String]
    /// The paths of dataset documentation.
    public var datasetDocuments: Set<String>
    /// Keyed by subject id; nil is the repository.
    public var subjects: [String?: String]
    /// Per subject, why one of its own artifacts cannot be read (the first, by path).
    public var unreadable: [String: String]

    /// Without `complete`, `names` and `unreadable` stay empty: `check` compares the path lists
    /// itself and uses no problems (which would read every held document's content).
    public init(project: Project, entries: [SnapshotEntry], complete: Bool = true) {
        var global: [String] = []
        var names: Set<String> = []
        for entry in entries {
            if complete { names.insert(entry.path) }
            if entry.path.hasPrefix(".aims/") || project.licenseFiles[entry.path] != nil {
                global.append("\(entry.path) \(entry.id?.hex ?? "-") \(entry.mode)")
            }
        }
        self.global = global.joined(separator: "\n")
        self.names = names
        datasetIDs = project.datasets.map(\.id).sorted()
        datasetDocuments = Set(project.artifacts.filter { $0.kind.documentsDataset }.map(\.path))

        // What the engine hands each subject (`Project.holdings`, as Engine.run gives them).
        func line(_ artifact: Artifact) -> String { "\(artifact.path) \(artifact.kind.rawValue) \(artifact.blob?.hex ?? "-")" }
        let owned = project.holdings.mapValues { $0.map(line) }
        var problems: [String: String] = [:]
        for (holder, artifacts) in project.holdings where complete {
            if let problem = artifacts.lazy.compactMap(Self.problem).first { problems[holder] = problem }
        }
        let repository = project.artifacts.map { "\(line($0)) \(project.owner(of: $0) ?? "-")" }
        let systems = Dictionary(project.systems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var subjects: [String?: String] = [:]
        for system in project.systems {
            let datasets = project.datasets.filter { $0.system == system.id || $0.usedBy.contains(system.id) }
            var lines = [Self.describe(system)] + datasets.map(Self.describe) + (owned[system.id] ?? [])
            lines.append("datasets")
            for dataset in datasets where dataset.system == system.id { lines += owned[dataset.id] ?? [] }
            subjects[system.id] = lines.joined(separator: "\n")
        }
        for dataset in project.datasets {
            let related = ([dataset.system].compactMap { $0 } + dataset.usedBy).compactMap { systems[$0] }
            var lines = [Self.describe(dataset)] + related.map(Self.describe) + (owned[dataset.id] ?? [])
            lines.append("system")
            lines += dataset.system.flatMap { owned[$0] } ?? []
            subjects[dataset.id] = lines.joined(separator: "\n")
        }
        subjects[String?.none] = repository.joined(separator: "\n")
        self.subjects = subjects
        self.unreadable = problems
    }

    /// Every field of a system's definition, in a fixed order.
    static func describe(_ system: AISystem) -> String {
        let paths = system.artifactPaths.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: ",")
        return "system \(system.id) \(system.root) \(system.stage.rawValue) \(system.risk.rawValue) \(system.continuousLearning) "
            + "\(system.owner ?? "-") [\(paths)] \(anchor(system.declaration)) \(anchor(system.stageDeclaration))"
    }

    /// Every field of a dataset's definition, in a fixed order.
    static func describe(_ dataset: Dataset) -> String {
        "dataset \(dataset.id) \(dataset.root) \(dataset.system ?? "-") \(anchor(dataset.declaration)) [\(dataset.usedBy.sorted().joined(separator: ","))]"
    }

    private static func anchor(_ anchor: Anchor?) -> String {
        anchor.map { "\($0.path):\($0.range.start.line):\($0.range.start.column)-\($0.range.end.line):\($0.range.end.column)" } ?? "-"
    }

    /// Why an artifact's content cannot be checked, or nil.
    static func problem(_ artifact: Artifact) -> String? {
        switch artifact.content {
        case .unreadable(let problem): return "\(artifact.path) cannot be parsed: \(problem.message)"
        case .lfsPointer: return "\(artifact.path) is a Git LFS pointer, not the document"
        case .markdown, .json, .yaml: return nil
        }
    }
}
