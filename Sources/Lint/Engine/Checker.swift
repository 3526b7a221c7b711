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
    /// In diff mode, the commit the change was compared with (the merge base for a branch).
    public var baseCommit: ObjectID? = nil
    /// Submodule (gitlink) paths of the checked snapshot: skipped, and named in the report's notices.
    public var skippedSubmodules: [String] = []
}

/// Reads a snapshot through GitKit, loads the policy, builds the project and runs the engine.
public struct Checker {
    public let repository: Repository
    public let engine: Engine
    public let knownRuleIDs: Set<String>
    /// Read and write saved history answers under `.git/aimslint/` (`--no-cache` turns it off).
    public var useCache = true

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
            return (try repository.snapshot(.commit(commit), sizes: .onDemand), commit)
        case .index:
            let head = repository.isHeadUnborn ? nil : try repository.resolveCommit("HEAD")
            return (try repository.snapshot(.index), head)
        case .worktree:
            let head = repository.isHeadUnborn ? nil : try repository.resolveCommit("HEAD")
            return (try repository.snapshot(.worktree), head)
        }
    }

    /// Reads `.aims/config.yml`, `.aims/waivers.yml` and `.aims/baseline.json` from a snapshot; a
    /// missing config gives the defaults.
    public func policy(in snapshot: Snapshot) -> Policy {
        var policy: Policy
        switch Checker.text(at: Policy.configPath, in: snapshot) {
        case nil:
            policy = .defaults
        case .failure(let problem)?:
            policy = Policy(exists: true, problems: [problem])
        case .success(let text)?:
            policy = PolicyDecoder.decode(text, knownRuleIDs: knownRuleIDs)
        }
        switch Checker.text(at: Policy.waiversPath, in: snapshot) {
        case nil:
            break
        case .failure(let problem)?:
            policy.problems.append(problem)
        case .success(let text)?:
            let decoded = WaiverDecoder.decode(text, knownRuleIDs: knownRuleIDs)
            policy.waivers = decoded.waivers
            policy.problems += decoded.problems
        }
        if let entry = snapshot.entry(at: Policy.baselinePath) {
            do {
                guard let data = try snapshot.content(maxBytes: DocumentLimits.maxBytes, of: entry) else {
                    throw Baseline.ParseError(description: "the baseline is larger than \(DocumentLimits.maxBytes) bytes")
                }
                policy.baseline = try Baseline.parse(data, path: Policy.baselinePath)
            } catch {
                policy.problems.append(PolicyProblem("\(error)", at: Anchor(path: Policy.baselinePath, line: 1)))
            }
        }
        return policy
    }

    /// The decoded text of a policy file, a problem naming it, or nil when it does not exist.
    static func text(at path: String, in snapshot: Snapshot) -> Result<String, PolicyProblem>? {
        guard let entry = snapshot.entry(at: path) else { return nil }
        let problem = { (message: String, location: SourceLocation) in
            PolicyProblem(message, at: Anchor(path: path, range: SourceRange(start: location, end: location)))
        }
        guard entry.kind == .file || entry.kind == .executable else {
            return .failure(problem("\(path) must be a regular file (found a link or submodule)", .start))
        }
        do {
            guard let data = try snapshot.content(maxBytes: DocumentLimits.maxBytes, of: entry) else {
                return .failure(problem("\(path) is larger than \(DocumentLimits.maxBytes) bytes", .start))
            }
            switch TextDecoder.decode(data) {
            case .failure(let parse): return .failure(problem("\(path) cannot be read: \(parse.message)", parse.location))
            case .success(let text): return .success(text)
            }
        } catch {
            return .failure(problem("\(path) cannot be read: \(error)", .start))
        }
    }

    /// Checks one source with its own policy (or `policyOverride`).
    public func check(_ source: CheckSource, policyOverride: Policy? = nil, only: Set<String>? = nil,
                      selection: Selection = .everything) throws -> CheckedSnapshot {
        let (snapshot, commit) = try snapshot(of: source)
        let policy = policyOverride ?? self.policy(in: snapshot)
        let history = GitChangeHistory(repository: repository, tip: commit)
        let project = ProjectBuilder(snapshot: snapshot, policy: policy, sourceName: source.name, history: history).build()
        history.limit(to: project.historyScope)
        let store = answerStore()
        let stopWalking = history.startWalking(unlessPreloadedFrom: store)
        let result = engine.run(project, only: only, selection: selection, parallel: true)
        stopWalking()
        if let store { history.save(to: store) }
        var checked = CheckedSnapshot(result: result, commit: commit, source: source,
                                      sourceLines: Checker.lines(of: Set(result.findings.map(\.location.path)), in: snapshot))
        checked.skippedSubmodules = Checker.submodules(in: snapshot)
        return checked
    }

    /// Where saved history answers live, or nil with `useCache` off.
    func answerStore() -> ChangeAnswerStore? {
        useCache ? ChangeAnswerStore(repository: repository) : nil
    }

    /// The submodule (gitlink) paths of a snapshot, in order.
    static func submodules(in snapshot: Snapshot) -> [String] {
        snapshot.entries.filter { $0.kind == .submodule }.map(\.path)
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
