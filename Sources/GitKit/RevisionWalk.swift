import CLibGit2

/// The order a `RevisionWalk` yields commits in.
public enum WalkOrder: Sendable {
    /// Parents before children: the order history happened in.
    case topologicalOldestFirst
    /// Children before parents, like `git log --topo-order`.
    case topologicalNewestFirst
}

/// Streams commit ids from a tip back through its history; Sequence + IteratorProtocol.
///
/// The walk ends on the last commit or on the first error. An error is never mistaken for the
/// end of history: after iteration, check `error` (a missing commit in the middle of the
/// history, for instance, shows up there as `.objectMissing`).
public final class RevisionWalk: Sequence, IteratorProtocol {
    /// Why the walk stopped early, or nil if it reached the end of history.
    public private(set) var error: GitError?
    private let repository: Repository
    private let source: Source
    private var finished = false
    private var listed: [ObjectID]?
    private var position = 0

    /// libgit2's walker, or (for shallow clones) our own walk that stops at the boundary:
    /// libgit2 1.5 does not read `.git/shallow` and fails on the boundary commits' absent parents.
    enum Source {
        case libgit2(RevwalkHandle)
        case shallow(tip: ObjectID, firstParent: Bool, order: WalkOrder, boundary: Set<ObjectID>)
    }

    init(repository: Repository, source: Source) {
        self.repository = repository
        self.source = source
    }

    public func next() -> ObjectID? {
        guard !finished else { return nil }
        switch source {
        case .libgit2(let walker):
            return nextFromLibgit2(walker)
        case let .shallow(tip, firstParent, order, boundary):
            return nextFromList { try self.repository.shallowHistory(
                tip: tip, firstParent: firstParent, order: order, boundary: boundary) }
        }
    }

    private func nextFromLibgit2(_ walker: RevwalkHandle) -> ObjectID? {
        let (rc, oid, failure) = repository.locked { _ in
            withExtendedLifetime(walker) {
                var oid = git_oid()
                let rc = git_revwalk_next(&oid, walker.pointer)
                let failure = rc != 0 && rc != GIT_ITEROVER.rawValue ? GitError.last(rc, "git_revwalk_next") : nil
                return (rc, oid, failure)
            }
        }
        if rc == 0 { return ObjectID(oid) }
        finished = true
        if let failure {
            error = failure.with(
                code: failure.code == .other ? .objectMissing : failure.code,
                summary: "the history walk stopped early: \(failure.message)",
                hint: "the repository may be partial or corrupt; run `git fsck`")
        }
        return nil
    }

    private func nextFromList(_ compute: () throws -> [ObjectID]) -> ObjectID? {
        if listed == nil {
            do {
                listed = try compute()
            } catch {
                finished = true
                self.error = error as? GitError ?? GitError(
                    code: .other, function: "walk", message: "\(error)", summary: "the history walk failed: \(error)")
                return nil
            }
        }
        guard let listed, position < listed.count else {
            finished = true
            return nil
        }
        position += 1
        return listed[position - 1]
    }
}

extension Repository {
    /// A walk over `tip` and its ancestors. With `firstParent`, only the first-parent line
    /// (the commits made on the branch, merges included, their side branches not).
    ///
    /// Topological order needs the whole history read before the first commit comes out, as
    /// it does for git; the walk is still one pass, so walk once and keep what you need.
    /// In a shallow clone the walk ends at the boundary commits, as `git log` does.
    public func walk(from tip: ObjectID, firstParent: Bool,
                     order: WalkOrder = .topologicalOldestFirst) throws -> RevisionWalk {
        if isShallow {
            _ = try lookupCommit(tip)
            let boundary = Set(shallowBoundary())
            return RevisionWalk(repository: self, source: .shallow(
                tip: tip, firstParent: firstParent, order: order, boundary: boundary))
        }
        return try locked { pointer in
            var raw: OpaquePointer?
            try check(git_revwalk_new(&raw, pointer), "git_revwalk_new")
            guard let raw else { throw GitError.last(-1, "git_revwalk_new") }
            let walker = RevwalkHandle(raw, repository: handle)
            try withExtendedLifetime(walker) {
                var sorting = GIT_SORT_TOPOLOGICAL.rawValue
                if order == .topologicalOldestFirst { sorting |= GIT_SORT_REVERSE.rawValue }
                // One call with the flags OR-ed: a second call would replace the first.
                try check(git_revwalk_sorting(walker.pointer, sorting), "git_revwalk_sorting")
                if firstParent {
                    try check(git_revwalk_simplify_first_parent(walker.pointer), "git_revwalk_simplify_first_parent")
                }
                var oid = tip.oid
                let rc = git_revwalk_push(walker.pointer, &oid)
                if rc != 0 {
                    throw GitError.missing(tip, what: "commit", rc: rc, function: "git_revwalk_push")
                }
            }
            return RevisionWalk(repository: self, source: .libgit2(walker))
        }
    }

    /// The history of `tip` in a shallow clone, treating boundary commits as roots. A depth-first
    /// walk that emits a commit after all its parents (first parent's line first) gives a
    /// topological order, oldest first.
    func shallowHistory(tip: ObjectID, firstParent: Bool, order: WalkOrder,
                        boundary: Set<ObjectID>) throws -> [ObjectID] {
        var result: [ObjectID] = []
        var visited: Set<ObjectID> = [tip]
        var stack: [(id: ObjectID, parents: [ObjectID], next: Int)] = []
        stack.append((tip, try walkParents(of: tip, firstParent: firstParent, boundary: boundary), 0))
        while let top = stack.last {
            if top.next < top.parents.count {
                stack[stack.count - 1].next += 1
                let parent = top.parents[top.next]
                if visited.insert(parent).inserted {
                    stack.append((parent, try walkParents(of: parent, firstParent: firstParent, boundary: boundary), 0))
                }
            } else {
                result.append(top.id)
                stack.removeLast()
            }
        }
        return order == .topologicalOldestFirst ? result : result.reversed()
    }

    private func walkParents(of id: ObjectID, firstParent: Bool, boundary: Set<ObjectID>) throws -> [ObjectID] {
        if boundary.contains(id) { return [] }
        let commit = try lookupCommit(id)
        return withExtendedLifetime(commit) {
            let count = firstParent ? min(1, git_commit_parentcount(commit.pointer)) : git_commit_parentcount(commit.pointer)
            return (0..<count).compactMap { git_commit_parent_id(commit.pointer, $0).map(ObjectID.init) }
        }
    }
}

extension Repository {
    /// The first parent of a commit, nil for a root commit or a shallow clone's boundary commit
    /// (pass `boundary`, from `shallowBoundary()`). Reads one commit: the way to walk a branch's
    /// first-parent line lazily, newest first, stopping whenever the caller has its answer
    /// (a sorted revision walk reads the whole history before giving the first commit).
    public func firstParent(of id: ObjectID, boundary: Set<ObjectID> = []) throws -> ObjectID? {
        try walkParents(of: id, firstParent: true, boundary: boundary).first
    }
}
