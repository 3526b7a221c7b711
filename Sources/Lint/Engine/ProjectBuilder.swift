import Foundation
import Catalog
import Documents
import GitKit

/// Builds the `Project` a run checks: recognises artifacts by path, then by front matter; reads
/// and parses only those; groups them into AI systems and datasets.
public struct ProjectBuilder {
    public let snapshot: Snapshot
    public let policy: Policy
    public let sourceName: String
    public let history: (any ChangeHistory)?
    public let changeSet: ChangeSet?
    /// Remembered verdicts for the paths (nil: classify each path afresh).
    public let classifications: ClassificationMemo?
    /// Artifacts of an earlier build, reused when path, blob and kind are the same.
    public let reuse: ArtifactReuse?

    public init(snapshot: Snapshot, policy: Policy, sourceName: String, history: (any ChangeHistory)? = nil,
                changeSet: ChangeSet? = nil, classifications: ClassificationMemo? = nil, reuse: ArtifactReuse? = nil) {
        self.classifications = classifications
        self.reuse = reuse
        self.snapshot = snapshot
        self.policy = policy
        self.sourceName = sourceName
        self.history = history
        self.changeSet = changeSet
    }

    public func build(reader: ArtifactReader? = nil) -> Project {
        let reader = reader ?? ArtifactReader(snapshot: snapshot, concurrent: reuse == nil)
        var explicitKinds: [String: ArtifactKind] = [:]
        for system in policy.systems {
            for (kind, path) in system.artifacts { explicitKinds[path] = kind }
        }
        // Paths classify on one thread; reading and parsing the files they name (the bulk of a
        // build) runs on all cores unless an earlier build's artifacts are reused (history,
        // whose builds follow one another and remember what they read).
        var work: [(entry: SnapshotEntry, plan: Plan)] = []
        var paths: [String] = []
        paths.reserveCapacity(snapshot.entries.count)
        for entry in snapshot.entries {
            paths.append(entry.path)
            if entry.kind == .submodule || entry.path.hasPrefix(".aims/") && !entry.path.hasPrefix(".aims/systems/") { continue }
            let plan: Plan
            if let kind = explicitKinds[entry.path] {
                plan = .artifact(kind)
            } else {
                switch classifications?.verdict(entry.path) ?? ArtifactClassifier.classify(entry.path) {
                case .notAnArtifact: continue
                case .licenseFile: plan = .license
                case .kind(let kind): plan = .artifact(kind)
                case .needsFrontMatter: plan = .sniff
                }
            }
            // Exclusion globs only for the paths that would be read (most paths are not).
            if policy.isExcluded(entry.path) { continue }
            work.append((entry, plan))
        }
        let made = parallelMap(count: work.count, parallel: reuse == nil, filler: Made.nothing) { index in
            make(work[index].entry, work[index].plan, reader: reader)
        }
        var artifacts: [Artifact] = []
        var licenses: [String: String] = [:]
        for (index, result) in made.enumerated() {
            switch result {
            case .nothing: continue
            case .artifact(let artifact): artifacts.append(artifact)
            case .license(let text): licenses[work[index].entry.path] = text
            }
        }
        artifacts.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let systems = buildSystems(artifacts: artifacts)
        let datasets = buildDatasets(artifacts: artifacts, systems: systems)
        return Project(sourceName: sourceName, policy: policy, systems: systems, datasets: datasets,
                       artifacts: artifacts, licenseFiles: licenses, paths: paths, history: history,
                       changeSet: changeSet)
    }

    /// What to do with an entry the paths picked out.
    private enum Plan {
        case artifact(ArtifactKind), license, sniff
    }

    /// What it gave.
    private enum Made {
        case nothing, artifact(Artifact), license(String)
    }

    private func make(_ entry: SnapshotEntry, _ plan: Plan, reader: ArtifactReader) -> Made {
        switch plan {
        case .artifact(let kind):
            return .artifact(artifact(entry, kind: kind, reader: reader))
        case .license:
            return reader.text(of: entry).map(Made.license) ?? .nothing
        case .sniff:
            let found: Artifact?
            if let known = reuse?.sniffed(entry) {
                found = known
            } else {
                found = sniff(entry, reader: reader)
                reuse?.remember(sniffed: found, for: entry)
            }
            return found.map(Made.artifact) ?? .nothing
        }
    }

    /// The artifact at an entry: an earlier build's when it is the same blob at the same path.
    private func artifact(_ entry: SnapshotEntry, kind: ArtifactKind, reader: ArtifactReader) -> Artifact {
        if let known = reuse?.artifact(entry, kind: kind) { return known }
        let made = makeArtifact(entry, kind: kind, reader: reader)
        reuse?.remember(made, for: entry)
        return made
    }

    private func makeArtifact(_ entry: SnapshotEntry, kind: ArtifactKind, reader: ArtifactReader) -> Artifact {
        let content = reader.content(of: entry)
        let declared = Self.declaration(in: content)?.system
        var directives: [InlineDirective]?
        if case .yaml = content, let text = reader.text(of: entry, maxBytes: DocumentLimits.maxBytes) {
            directives = InlineDirective.directives(inYAML: text, path: entry.path)
        }
        return Artifact(path: entry.path, kind: kind, blob: entry.id, content: content, declaredSystem: declared,
                        directives: directives)
    }

    /// README.md, metadata.json and other Markdown: an artifact only if its content says so.
    private func sniff(_ entry: SnapshotEntry, reader: ArtifactReader) -> Artifact? {
        let name = PathMath.name(of: entry.path).lowercased()
        if entry.kind != .file && entry.kind != .executable { return nil }
        if name == "metadata.json" {
            let content = reader.content(of: entry)
            guard case .json(let node) = content, Self.isCroissant(node) else { return nil }
            return Artifact(path: entry.path, kind: .croissant, blob: entry.id, content: content)
        }
        guard reader.mayHaveFrontMatter(entry) else { return nil }
        let content = reader.content(of: entry)
        guard case .markdown(let document) = content, let front = document.frontMatter?.root else { return nil }
        if let declaration = Self.declaration(in: content), let kind = declaration.kind {
            return Artifact(path: entry.path, kind: kind, blob: entry.id, content: content, declaredSystem: declaration.system)
        }
        guard name == "readme.md" else { return nil }
        if Self.hasModelMetadata(front) { return Artifact(path: entry.path, kind: .modelCard, blob: entry.id, content: content) }
        if Self.hasDatasetMetadata(front) { return Artifact(path: entry.path, kind: .datasetCard, blob: entry.id, content: content) }
        return nil
    }

    /// `aims: { kind: KIND, system: ID }` in front matter.
    static func declaration(in content: ArtifactContent) -> (kind: ArtifactKind?, system: String?)? {
        guard case .markdown(let document) = content, let aims = document.frontMatter?.root?["aims"] else { return nil }
        let kind = aims["kind"]?.string.flatMap(ArtifactClassifier.kind(named:))
        return (kind, aims["system"]?.string)
    }

    static func hasModelMetadata(_ front: YAMLNode) -> Bool {
        guard front["license"] != nil else { return false }
        return ["pipeline_tag", "base_model", "model-index", "library_name"].contains { front[$0] != nil }
    }

    static func hasDatasetMetadata(_ front: YAMLNode) -> Bool {
        ["task_categories", "size_categories", "annotations_creators", "configs"].contains { front[$0] != nil }
    }

    static func isCroissant(_ node: JSONNode) -> Bool {
        let types = node["@type"].map { $0.array?.compactMap(\.string) ?? [$0.string].compactMap { $0 } } ?? []
        let isDataset = types.contains { $0 == "sc:Dataset" || $0 == "Dataset" || $0.hasSuffix("schema.org/Dataset") }
        let conforms = (node["conformsTo"] ?? node["dct:conformsTo"])?.string ?? ""
        return isDataset && conforms.contains("croissant")
    }
}

/// Artifacts kept from one project build to the next (history builds one per evaluated commit,
/// and most documents are the same blobs as before): by path, valid while the blob is the same.
/// Front-matter sniffing is remembered the same way, including "not an artifact".
public final class ArtifactReuse: @unchecked Sendable {
    private var artifacts: [String: (mode: UInt32, artifact: Artifact)] = [:]
    private var sniffs: [String: (blob: ObjectID, mode: UInt32, artifact: Artifact?)] = [:]
    private let lock = NSLock()

    public init() {}

    func artifact(_ entry: SnapshotEntry, kind: ArtifactKind) -> Artifact? {
        guard let id = entry.id else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let known = artifacts[entry.path], known.artifact.blob == id, known.mode == entry.mode,
              known.artifact.kind == kind else { return nil }
        return known.artifact
    }

    func remember(_ artifact: Artifact, for entry: SnapshotEntry) {
        guard entry.id != nil else { return }
        lock.lock()
        artifacts[entry.path] = (entry.mode, artifact)
        lock.unlock()
    }

    /// The remembered outcome of sniffing this blob at this path (nil: not sniffed yet).
    func sniffed(_ entry: SnapshotEntry) -> Artifact?? {
        guard let id = entry.id else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let known = sniffs[entry.path], known.blob == id, known.mode == entry.mode else { return nil }
        return .some(known.artifact)
    }

    func remember(sniffed artifact: Artifact?, for entry: SnapshotEntry) {
        guard let id = entry.id else { return }
        lock.lock()
        sniffs[entry.path] = (id, entry.mode, artifact)
        lock.unlock()
    }
}
