import GitKit
import Lint

/// What each subject's controls can depend on, as comparable text, so an evaluation re-runs only
/// the subjects whose inputs changed.
///
/// - `global`: the policy files and licences (with content), the names of every other file the
///   project lists (existence only), and every artifact's path, kind and declared system — which
///   between them decide which systems and datasets exist. A change here re-evaluates everything.
/// - per system: the content (blob ids) of its own artifacts and of its datasets' documents;
///   per dataset: its documents and its system's artifacts (cards and datasheets refer to each
///   other); the repository: every artifact.
///
/// A rule that reads the *content* of another system's documents would be missed; none does.
struct ProjectPrints: Equatable {
    var global: String
    var subjects: [String?: String]
    /// Per subject, why one of its own artifacts cannot be read (the first, by path).
    var unreadable: [String: String]

    init(project: Project, entries: [SnapshotEntry]) {
        let artifactPaths = Set(project.artifacts.map(\.path))
        var global: [String] = []
        for entry in entries where !artifactPaths.contains(entry.path) {
            let withContent = entry.path.hasPrefix(".aims/") || project.licenseFiles[entry.path] != nil
            global.append(withContent ? "\(entry.path) \(entry.id?.hex ?? "-") \(entry.mode)" : entry.path)
        }
        for artifact in project.artifacts {
            global.append("artifact \(artifact.path) \(artifact.kind.rawValue) \(artifact.declaredSystem ?? "-")")
        }
        self.global = global.joined(separator: "\n")

        // Every system that could own an artifact: those whose root holds it (the owner is the
        // nearest of them), the one its front matter names, and the one an explicit path or a
        // `.aims/systems/ID/`, `docs/ai/ID/` folder names. A superset of `Project.owner(of:)`, which
        // costs a scan of all systems per call; a wider print only means an extra re-evaluation.
        var byRoot: [String: [String]] = [:]
        var explicit: [String: [String]] = [:]
        for system in project.systems {
            byRoot[system.root, default: []].append(system.id)
            for path in system.artifactPaths.values { explicit[path, default: []].append(system.id) }
        }
        let ids = Set(project.systems.map(\.id))
        func line(_ artifact: Artifact) -> String { "\(artifact.path) \(artifact.blob?.hex ?? "-")" }
        var own: [String: [String]] = [:]
        var problems: [String: String] = [:]
        for artifact in project.artifacts {
            var candidates = explicit[artifact.path] ?? []
            if let declared = artifact.declaredSystem, ids.contains(declared) { candidates.append(declared) }
            for prefix in [".aims/systems/", "docs/ai/"] where artifact.path.hasPrefix(prefix) {
                let rest = artifact.path.dropFirst(prefix.count)
                if let slash = rest.firstIndex(of: "/"), ids.contains(String(rest[..<slash])) { candidates.append(String(rest[..<slash])) }
            }
            var folder = artifact.path
            repeat {
                folder = PathMath.parent(of: folder)
                candidates += byRoot[folder] ?? []
            } while !folder.isEmpty
            for system in Set(candidates) { own[system, default: []].append(line(artifact)) }
            if let problem = Self.problem(artifact), let owner = project.owner(of: artifact), problems[owner] == nil {
                problems[owner] = problem
            }
        }
        var datasetDocs: [String: [String]] = [:]
        for dataset in project.datasets {
            for artifact in project.artifacts where artifact.kind.documentsDataset && PathMath.isInside(artifact.path, folder: dataset.root) {
                datasetDocs[dataset.id, default: []].append(line(artifact))
                if problems[dataset.id] == nil, let problem = Self.problem(artifact) { problems[dataset.id] = problem }
            }
        }
        var subjects: [String?: String] = [:]
        for system in project.systems {
            let docs = project.datasets.filter { $0.system == system.id }.flatMap { datasetDocs[$0.id] ?? [] }
            subjects[system.id] = ((own[system.id] ?? []) + ["datasets"] + docs).joined(separator: "\n")
        }
        for dataset in project.datasets {
            let system = dataset.system.flatMap { own[$0] } ?? []
            subjects[dataset.id] = ((datasetDocs[dataset.id] ?? []) + ["system"] + system).joined(separator: "\n")
        }
        subjects[String?.none] = project.artifacts.map(line).joined(separator: "\n")
        self.subjects = subjects
        self.unreadable = problems
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
