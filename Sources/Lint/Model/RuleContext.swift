import Catalog
import Documents

/// What a rule sees when it is evaluated for one subject.
public struct RuleContext: Sendable {
    public let project: Project
    public let subject: Subject
    /// Artifacts that belong to the subject, sorted by path.
    public let artifacts: [Artifact]

    public init(project: Project, subject: Subject, artifacts: [Artifact]) {
        self.project = project
        self.subject = subject
        self.artifacts = artifacts
    }

    public var system: AISystem? {
        if case .system(let system) = subject { return system }
        return nil
    }

    public var dataset: Dataset? {
        if case .dataset(let dataset) = subject { return dataset }
        return nil
    }

    public func artifacts(_ kind: ArtifactKind) -> [Artifact] { artifacts.filter { $0.kind == kind } }

    public func artifacts(_ kinds: Set<ArtifactKind>) -> [Artifact] { artifacts.filter { kinds.contains($0.kind) } }

    /// Model cards of the subject that parsed (Markdown or JSON).
    public var modelCards: [Artifact] { artifacts(.modelCard) }

    /// Where a finding about something *missing* is anchored (SPEC §1): the config line that
    /// declares the system's stage (or the system), else the model card's first line, else the
    /// nearest README, else the config file itself.
    public var missingAnchor: Anchor {
        if let system {
            if let stage = system.stageDeclaration { return stage }
            if let declaration = system.declaration { return declaration }
        }
        if let dataset, let declaration = dataset.declaration { return declaration }
        if let card = modelCards.first { return card.firstLine }
        if let document = artifacts.first { return document.firstLine }
        var folder = subject.root
        while true {
            let readme = folder.isEmpty ? "README.md" : folder + "/README.md"
            if project.fileExists(readme) { return Anchor(path: readme, line: 1) }
            if folder.isEmpty { break }
            folder = PathMath.parent(of: folder)
        }
        return Anchor(path: Policy.configPath, line: 1)
    }

    /// Whether the subject's life cycle stage is known: a system declared in the config, a dataset
    /// declared there or held or used by a declared system, or the repository (which has no stage). An inferred
    /// system's `stage` is only a default (SPEC §5.1).
    public var stageIsKnown: Bool {
        switch subject {
        case .repository: return true
        case .system(let system): return system.isDeclared
        case .dataset(let dataset):
            if dataset.declaration != nil { return true }
            let declared = Set(project.systems.filter(\.isDeclared).map(\.id))
            if let owner = dataset.system { return declared.contains(owner) }
            return dataset.usedBy.contains(where: declared.contains)
        }
    }

    /// Whether another system has the same root (several model cards in one folder).
    public var sharesRoot: Bool {
        guard let system else { return false }
        return project.systems.contains { $0.id != system.id && Array($0.root.utf8) == Array(system.root.utf8) }
    }

    /// The stage the subject is at. A dataset takes the stage of the system whose root holds it,
    /// else the most advanced stage of the systems whose model cards use it, else design and development.
    public var stage: LifecycleStage {
        if let system { return system.stage }
        if let dataset, let owner = dataset.system, let system = project.systems.first(where: { $0.id == owner }) {
            return system.stage
        }
        if let dataset {
            let users = project.systems.filter { dataset.usedBy.contains($0.id) }
            if let furthest = users.map(\.stage).max(by: { $0.order < $1.order }) { return furthest }
        }
        return .designAndDevelopment
    }
}
