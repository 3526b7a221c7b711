import Foundation
import Documents
import GitKit

/// Where a check reads the repository from.
public enum CheckSource: Sendable, Hashable {
    case revision(String)
    case index
    case worktree

    public var name: String {
        switch self {
        case .revision(let revision): revision
        case .index: "index"
        case .worktree: "worktree"
        }
    }
}

/// One checked snapshot: what was read, and what the rules said.
public struct CheckedSnapshot: Sendable {
    public let result: LintResult
    /// The commit checked (for `--rev`), or HEAD for the index and the working tree (nil when unborn).
    public let commit: ObjectID?
    public let source: CheckSource
    /// The text lines of every file a finding points at, for report excerpts.
    public let sourceLines: [String: [String]]
}

/// Reads a snapshot through GitKit, loads the policy, builds the project and runs the engine.
public struct Checker {
    public let repository: Repository
    public let engine: Engine
    public let knownRuleIDs: Set<String>

    public init(repository: Repository, engine: Engine) {
        self.repository = repository
        self.engine = engine
        var ids: Set<String> = []
        for rule in engine.rules {
            let description = type(of: rule).description
            ids.insert(description.id)
            ids.formUnion(description.deprecatedIDs)
        }
        self.knownRuleIDs = ids
    }

    /// Resolves the source to a snapshot (errors are `GitError`s with a next step).
    public func snapshot(of source: CheckSource) throws -> (Snapshot, ObjectID?) {
        switch source {
        case .revision(let revision):
            let commit = try repository.resolveCommit(revision)
            return (try repository.snapshot(.commit(commit)), commit)
        case .index:
            let head = repository.isHeadUnborn ? nil : try repository.resolveCommit("HEAD")
            return (try repository.snapshot(.index), head)
        case .worktree:
            let head = repository.isHeadUnborn ? nil : try repository.resolveCommit("HEAD")
            return (try repository.snapshot(.worktree), head)
        }
    }

    /// Reads `.aims/config.yml` from a snapshot; a missing file gives the defaults.
    public func policy(in snapshot: Snapshot) -> Policy {
        guard let entry = snapshot.entry(at: Policy.configPath) else { return .defaults }
        let problemAt = { (message: String, location: SourceLocation) in
            Policy(exists: true, problems: [PolicyProblem(message, at: Anchor(path: Policy.configPath, range: SourceRange(start: location, end: location)))])
        }
        guard entry.kind == .file || entry.kind == .executable else {
            return problemAt("the config must be a regular file (found a link or submodule)", .start)
        }
        let data: Data
        do {
            guard let bytes = try snapshot.content(maxBytes: DocumentLimits.maxBytes, of: entry) else {
                return problemAt("the config is larger than \(DocumentLimits.maxBytes) bytes", .start)
            }
            data = bytes
        } catch {
            return problemAt("the config cannot be read: \(error)", .start)
        }
        switch TextDecoder.decode(data) {
        case .failure(let problem): return problemAt("the config cannot be read: \(problem.message)", problem.location)
        case .success(let text): return PolicyDecoder.decode(text, knownRuleIDs: knownRuleIDs)
        }
    }

    /// Checks one source with its own policy (or `policyOverride`).
    public func check(_ source: CheckSource, policyOverride: Policy? = nil, only: Set<String>? = nil,
                      systems: Set<String>? = nil) throws -> CheckedSnapshot {
        let (snapshot, commit) = try snapshot(of: source)
        let policy = policyOverride ?? self.policy(in: snapshot)
        let history = GitChangeHistory(repository: repository, tip: commit)
        let project = ProjectBuilder(snapshot: snapshot, policy: policy, sourceName: source.name, history: history).build()
        let result = engine.run(project, only: only, systems: systems)
        return CheckedSnapshot(result: result, commit: commit, source: source,
                               sourceLines: Checker.lines(of: Set(result.findings.map(\.location.path)), in: snapshot))
    }

    /// Reads and splits the text of the given paths (unreadable files are left out).
    static func lines(of paths: Set<String>, in snapshot: Snapshot) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for path in paths {
            guard let entry = snapshot.entry(at: path), entry.kind == .file || entry.kind == .executable,
                  let data = try? snapshot.content(maxBytes: DocumentLimits.maxBytes, of: entry),
                  case .success(let text) = TextDecoder.decode(data) else { continue }
            result[path] = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
            }
        }
        return result
    }
}
