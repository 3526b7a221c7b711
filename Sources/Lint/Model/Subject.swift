import Catalog

/// Risk level of an AI system, as declared in `.aims/config.yml`.
public enum RiskLevel: String, Sendable, Codable, CaseIterable {
    case minimal, limited, high
}

/// An AI system: the unit of governance (SPEC §1).
public struct AISystem: Sendable, Hashable {
    public let id: String
    /// The root folder, "" for the repository root.
    public let root: String
    public let stage: LifecycleStage
    public let risk: RiskLevel
    public let continuousLearning: Bool
    public let owner: String?
    /// Explicit artifact paths from the config (`artifacts:`).
    public let artifactPaths: [ArtifactKind: String]
    /// Where the config declares the system (the `- id:` line), nil when inferred.
    public let declaration: Anchor?
    /// Where the config declares the stage, nil when inferred or defaulted.
    public let stageDeclaration: Anchor?

    public init(id: String, root: String, stage: LifecycleStage = .designAndDevelopment, risk: RiskLevel = .minimal,
                continuousLearning: Bool = false, owner: String? = nil, artifactPaths: [ArtifactKind: String] = [:],
                declaration: Anchor? = nil, stageDeclaration: Anchor? = nil) {
        self.id = id
        self.root = root
        self.stage = stage
        self.risk = risk
        self.continuousLearning = continuousLearning
        self.owner = owner
        self.artifactPaths = artifactPaths
        self.declaration = declaration
        self.stageDeclaration = stageDeclaration
    }

    public var isDeclared: Bool { declaration != nil }
}

/// A dataset: declared in the config, or inferred from a folder that holds dataset documentation.
public struct Dataset: Sendable, Hashable {
    public let id: String
    public let root: String
    /// The system whose root holds this dataset, if any.
    public let system: String?
    public let declaration: Anchor?
    /// Systems whose model cards name this dataset (front matter `datasets`, or a link into its
    /// root), sorted: a dataset outside every system root takes its life cycle stage from them.
    public let usedBy: [String]

    public init(id: String, root: String, system: String? = nil, declaration: Anchor? = nil, usedBy: [String] = []) {
        self.id = id
        self.root = root
        self.system = system
        self.declaration = declaration
        self.usedBy = usedBy
    }
}

/// What a rule is evaluated for.
public enum Subject: Sendable, Hashable {
    case system(AISystem)
    case dataset(Dataset)
    /// The repository as a whole (policy files, artifacts that belong to no system).
    case repository

    public var kind: SubjectKind {
        switch self {
        case .system: .system
        case .dataset: .dataset
        case .repository: .repository
        }
    }

    /// The id findings carry in their `system` field; nil for the repository.
    public var id: String? {
        switch self {
        case .system(let system): system.id
        case .dataset(let dataset): dataset.id
        case .repository: nil
        }
    }

    /// The folder the subject owns ("" for the repository).
    public var root: String {
        switch self {
        case .system(let system): system.root
        case .dataset(let dataset): dataset.root
        case .repository: ""
        }
    }
}

/// The kinds of subject a rule can be evaluated for.
public enum SubjectKind: String, Sendable, Codable, CaseIterable {
    case system, dataset, repository
}
