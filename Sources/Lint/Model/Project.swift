import Documents
import GitKit

/// Everything the rules may read about one snapshot of a repository, as plain values.
///
/// Built once per run by `ProjectBuilder`; rules never touch git or the file system.
public struct Project: Sendable {
    /// Where the snapshot came from ("HEAD", "index", "worktree"), for messages.
    public let sourceName: String
    public let policy: Policy
    public let systems: [AISystem]
    public let datasets: [Dataset]
    /// All recognised artifacts, sorted by path.
    public let artifacts: [Artifact]
    /// Licence files (LICENSE, LICENSE-MODEL, …) by path, decoded as text.
    public let licenseFiles: [String: String]
    /// Every file path in the snapshot, sorted (byte order), for existence checks.
    public let paths: [String]
    /// When files last changed (nil when there is no history, e.g. an unborn HEAD).
    public let history: (any ChangeHistory)?
    /// What the change under review touches (`--base`, `--staged`); nil outside diff mode.
    public let changeSet: ChangeSet?
    /// Told of every existence question rules ask (history uses it to re-run only the controls
    /// a file's appearance or removal can change); nil in a plain check.
    public var observer: (any ProjectObserver)?
    /// The owning system of every artifact, worked out once (rules ask for it per artifact).
    private let owners: [String: String]
    /// What the engine hands each subject, by id: the artifacts it owns, and for a dataset the
    /// dataset documents inside its root, in path order.
    public let holdings: [String: [Artifact]]
    /// Artifacts by path.
    private let artifactIndex: [String: Int]
    /// Every inline suppression of every artifact, in artifact order (gathered once per build:
    /// the suppression pass runs after every engine run, and history runs the engine often).
    public let directives: [InlineDirective]
    /// The systems by id, root and explicit path.
    private let systemIndex: SystemIndex

    public init(sourceName: String, policy: Policy, systems: [AISystem], datasets: [Dataset], artifacts: [Artifact],
                licenseFiles: [String: String], paths: [String], history: (any ChangeHistory)? = nil,
                changeSet: ChangeSet? = nil) {
        self.sourceName = sourceName
        self.policy = policy
        self.systems = systems
        self.datasets = datasets
        self.artifacts = artifacts
        self.licenseFiles = licenseFiles
        self.paths = paths
        self.history = history
        self.changeSet = changeSet
        let systemIndex = SystemIndex(systems)
        self.systemIndex = systemIndex
        var owners: [String: String] = [:]
        for artifact in artifacts {
            if let owner = systemIndex.owner(of: artifact) { owners[artifact.path] = owner }
        }
        self.owners = owners
        var holdings: [String: [Artifact]] = [:]
        var datasetsByRoot: [String: [Dataset]] = [:]
        for dataset in datasets { datasetsByRoot[dataset.root, default: []].append(dataset) }
        for artifact in artifacts {
            let owner = owners[artifact.path]
            if let owner { holdings[owner, default: []].append(artifact) }
            guard artifact.kind.documentsDataset else { continue }
            var folder = artifact.path
            repeat {
                folder = PathMath.parent(of: folder)
                for dataset in datasetsByRoot[folder] ?? [] where dataset.id != owner {
                    holdings[dataset.id, default: []].append(artifact)
                }
            } while !folder.isEmpty
        }
        self.holdings = holdings
        var index: [String: Int] = [:]
        for (position, artifact) in artifacts.enumerated() { index[artifact.path] = position }
        self.artifactIndex = index
        self.directives = artifacts.flatMap(\.directives)
    }

    /// The folders and files history questions are about: every system root and artifact path
    /// (what `GitChangeHistory.limit(to:)` takes).
    public var historyScope: [String] {
        Array(Set(systems.map(\.root) + artifacts.map(\.path))).sorted()
    }

    /// Whether a file exists at `path`.
    public func fileExists(_ path: String) -> Bool {
        observer?.asked(.file(path))
        let index = lowerBound(path)
        return index < paths.count && paths[index] == path
    }

    /// Whether dataset documentation (a datasheet, dataset card or Croissant file) lies in
    /// `folder`, in a folder above it or in one below it.
    public func datasetDocumentation(near folder: String) -> Bool {
        observer?.asked(.datasetDocumentation(near: folder))
        return artifacts.contains { $0.kind.documentsDataset && Project.isNear($0.folder, folder) }
    }

    static func isNear(_ one: String, _ other: String) -> Bool {
        PathMath.isInside(one, folder: other) || PathMath.isInside(other, folder: one)
    }

    /// The ids of every dataset, sorted.
    public var datasetIDs: [String] {
        observer?.asked(.datasetIDs)
        return datasets.map(\.id).sorted()
    }

    /// Whether any file lies inside `folder`.
    public func folderExists(_ folder: String) -> Bool {
        observer?.asked(.folder(folder))
        if folder.isEmpty { return !paths.isEmpty }
        let prefix = folder + "/"
        let index = lowerBound(prefix)
        return index < paths.count && paths[index].hasPrefix(prefix)
    }

    /// Files inside `folder`, in order.
    public func files(inside folder: String) -> ArraySlice<String> {
        observer?.asked(.folder(folder))
        if folder.isEmpty { return paths[...] }
        let prefix = folder + "/"
        var index = lowerBound(prefix)
        let start = index
        while index < paths.count && paths[index].hasPrefix(prefix) { index += 1 }
        return paths[start..<index]
    }

    private func lowerBound(_ key: String) -> Int {
        var low = 0, high = paths.count
        while low < high {
            let mid = (low + high) / 2
            if paths[mid].precedesInByteOrder(key) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The artifact at a path, if recognised.
    public func artifact(at path: String) -> Artifact? {
        artifactIndex[path].map { artifacts[$0] }
    }

    /// The system an artifact belongs to: the front-matter declaration, an explicit config path,
    /// `.aims/systems/ID/` or `docs/ai/ID/`, else the system whose root is the nearest ancestor.
    public func owner(of artifact: Artifact) -> String? {
        owners[artifact.path] ?? (artifactIndex[artifact.path] != nil ? nil : systemIndex.owner(of: artifact))
    }

    /// The system whose root is the nearest ancestor of `path`.
    public func nearestSystem(containing path: String) -> AISystem? {
        systemIndex.nearestSystem(containing: path)
    }
}

/// The files a change adds, modifies or deletes relative to its base (SPEC §2, diff mode).
public struct ChangeSet: Hashable, Sendable {
    /// The base commit the change is compared with.
    public let base: String
    /// Changed paths (added, modified or deleted), sorted.
    public let paths: [String]

    public init(base: String, paths: [String]) {
        self.base = base
        self.paths = paths.sorted()
    }

    /// Changed paths inside a folder.
    public func paths(inside folder: String) -> [String] {
        paths.filter { PathMath.isInside($0, folder: folder) }
    }

    public func contains(_ path: String) -> Bool { paths.contains(path) }
}

/// A question about which files exist, as rules ask it through `Project`.
public enum ExistenceQuestion: Hashable, Sendable {
    /// `fileExists(path)`.
    case file(String)
    /// `folderExists(folder)` or `files(inside: folder)`.
    case folder(String)
    /// `datasetDocumentation(near: folder)`.
    case datasetDocumentation(near: String)
    /// `datasetIDs`.
    case datasetIDs

    /// Whether adding or removing the file at `path` (for `datasetDocumentation`, a dataset
    /// document) can change the answer. `datasetIDs` changes with the list of datasets only.
    public func isAffected(by path: String) -> Bool {
        switch self {
        case .file(let file): file == path
        case .folder(let folder): PathMath.isInside(path, folder: folder)
        case .datasetDocumentation(let folder): Project.isNear(PathMath.parent(of: path), folder)
        case .datasetIDs: false
        }
    }
}

/// Watches the existence questions rules ask of a project.
public protocol ProjectObserver: AnyObject, Sendable {
    func asked(_ question: ExistenceQuestion)
}
