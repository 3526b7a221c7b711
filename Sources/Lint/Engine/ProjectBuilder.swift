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
    /// What a build of a related tree found (see `ArtifactLedger`): recorded documents are made
    /// without reading them, recorded plain files skipped.
    public let ledger: ArtifactLedger?

    public init(snapshot: Snapshot, policy: Policy, sourceName: String, history: (any ChangeHistory)? = nil,
                changeSet: ChangeSet? = nil, classifications: ClassificationMemo? = nil, reuse: ArtifactReuse? = nil,
                ledger: ArtifactLedger? = nil) {
        self.classifications = classifications
        self.reuse = reuse
        self.ledger = ledger
        self.snapshot = snapshot
        self.policy = policy
        self.sourceName = sourceName
        self.history = history
        self.changeSet = changeSet
    }

    public func build(reader: ArtifactReader? = nil) -> Project {
        let reader = reader ?? ArtifactReader(snapshot: snapshot, concurrent: reuse == nil)
        // Paths classify on one thread; reading and parsing the files they name (the bulk of a
        // build) runs on all cores unless an earlier build's artifacts are reused (history,
        // whose builds follow one another and remember what they read).
        let work = plans()
        let made = parallelMap(count: work.count, parallel: reuse == nil, filler: Made.nothing) { index in
            if let ledger, let known = ledger.record(for: work[index].entry), let made = make(work[index].entry, work[index].plan,
                                                                                            known: known, reader: reader) {
                return made
            }
            return make(work[index].entry, work[index].plan, reader: reader)
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
        artifacts.sort { $0.path.precedesInByteOrder($1.path) }
        let systems = buildSystems(artifacts: artifacts)
        // A `reviews/` folder no system owns holds some other kind of review (of a paper, of
        // code): only a system's review records are life cycle documents.
        let owners = SystemIndex(systems)
        artifacts.removeAll { $0.kind == .reviewRecord && owners.owner(of: $0) == nil }
        let datasets = buildDatasets(artifacts: artifacts, systems: systems)
        return Project(sourceName: sourceName, policy: policy, systems: systems, datasets: datasets,
                       artifacts: artifacts, licenseFiles: licenses, paths: snapshot.entries.map(\.path), history: history,
                       changeSet: changeSet)
    }

    /// What this build's documents say for a later build (see `ArtifactLedger`): every artifact
    /// and every front-matter candidate that was none, by blob. `project` is this builder's build.
    public func ledger(of project: Project) -> ArtifactLedger {
        var ledger = ArtifactLedger()
        for (entry, plan) in plans() {
            guard entry.kind == .file || entry.kind == .executable, let id = entry.id else { continue }
            let sniffed: Bool
            switch plan {
            case .license: continue
            case .artifact: sniffed = false
            case .sniff: sniffed = true
            }
            if let artifact = project.artifact(at: entry.path) {
                guard artifact.directives.isEmpty, artifact.blob == id else { continue }
                var record = ArtifactLedger.Record(blob: id.hex, kind: artifact.kind, system: artifact.declaredSystem, sniffed: sniffed)
                if artifact.kind == .modelCard {
                    // A card that is not Markdown (JSON, an LFS pointer) names nothing: recorded
                    // as empty, which counts the same (see `datasetReferences`).
                    let references = Self.references(of: artifact)
                    record.datasets = references?.names.sorted() ?? []
                    record.links = references?.paths ?? []
                }
                ledger.records[entry.path] = record
            } else if sniffed {
                ledger.records[entry.path] = ArtifactLedger.Record(blob: id.hex, kind: nil, system: nil, sniffed: true)
            }
        }
        return ledger
    }

    /// The entries the paths (and the policy) pick out, and what to do with each.
    private func plans() -> [(entry: SnapshotEntry, plan: Plan)] {
        var explicitKinds: [String: ArtifactKind] = [:]
        for system in policy.systems {
            for (kind, path) in system.artifacts { explicitKinds[path] = kind }
        }
        var work: [(entry: SnapshotEntry, plan: Plan)] = []
        for entry in snapshot.entries {
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
        return work
    }

    /// An entry the ledger knows: the artifact made without reading it, or nothing for a plain
    /// file; nil when the record does not fit the plan (then the entry is read as usual).
    private func make(_ entry: SnapshotEntry, _ plan: Plan, known: ArtifactLedger.Record, reader: ArtifactReader) -> Made? {
        let kind: ArtifactKind
        switch plan {
        case .license: return nil
        case .artifact(let planned):
            guard !known.sniffed, known.kind == planned else { return nil }
            kind = planned
        case .sniff:
            guard known.sniffed else { return nil }
            guard let recorded = known.kind else { return .nothing }
            kind = recorded
        }
        let artifact = Artifact(path: entry.path, kind: kind, blob: entry.id, declaredSystem: known.system) {
            reader.content(of: entry)
        }
        if kind == .modelCard, let names = known.datasets, let links = known.links {
            Self.referenceMemo.remember((Set(names), links), for: artifact)
        }
        return .artifact(artifact)
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

    /// Hub dataset-card front matter, current and older (datasets 2.x wrote `languages`,
    /// `licenses`, `task_ids`, `pretty_name`, `paperswithcode_id`).
    static func hasDatasetMetadata(_ front: YAMLNode) -> Bool {
        ["task_categories", "size_categories", "annotations_creators", "configs", "task_ids", "language_creators",
         "multilinguality", "source_datasets", "pretty_name", "paperswithcode_id", "dataset_info"].contains { front[$0] != nil }
    }

    /// A JSON file that says it conforms to Croissant (whatever its `@type`: CR-001 reports a
    /// file that claims Croissant but is no `sc:Dataset`, never passes it over in silence), or an
    /// `sc:Dataset` with a Croissant `@context` (the `cr` prefix).
    static func isCroissant(_ node: JSONNode) -> Bool {
        let conforms = (node["conformsTo"] ?? node["dct:conformsTo"]).map { value in
            value.array?.compactMap(\.string) ?? [value.string].compactMap { $0 }
        } ?? []
        if conforms.contains(where: { $0.contains("mlcommons.org/croissant") }) { return true }
        let types = node["@type"].map { $0.array?.compactMap(\.string) ?? [$0.string].compactMap { $0 } } ?? []
        let isDataset = types.contains { $0 == "sc:Dataset" || $0 == "Dataset" || $0.hasSuffix("schema.org/Dataset") }
        return isDataset && (conforms.contains { $0.contains("croissant") } || node["@context"]?["cr"] != nil)
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
