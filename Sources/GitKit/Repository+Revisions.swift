import CLibGit2

extension Repository {
    /// Resolves any rev-parse syntax (`HEAD~2`, `main`, `v1.0^{}`, `abc123^`) to a commit id,
    /// peeling tags. Errors name the revision and say what to do about it.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        try locked { pointer in
            var raw: OpaquePointer?
            let rc = git_revparse_single(&raw, pointer, revision)
            guard rc == 0, let raw else {
                throw revisionError(GitError.last(rc, "git_revparse_single"), rc: rc, revision: revision)
            }
            let object = ObjectHandle(raw)
            return try withExtendedLifetime(object) {
                var peeled: OpaquePointer?
                let peelRC = git_object_peel(&peeled, object.pointer, GIT_OBJECT_COMMIT)
                guard peelRC == 0, let peeled else {
                    let type = git_object_type2string(git_object_type(object.pointer)).map { String(cString: $0) } ?? "object"
                    throw GitError.last(peelRC, "git_object_peel").with(
                        code: .invalidObject,
                        summary: "bad revision '\(revision)': it names a \(type), not a commit",
                        hint: "name a commit, branch or tag")
                }
                let commit = ObjectHandle(peeled)
                return withExtendedLifetime(commit) { ObjectID(git_object_id(commit.pointer)) }
            }
        }
    }

    /// Builds the one-line error for a revision that did not resolve.
    private func revisionError(_ error: GitError, rc: Int32, revision: String) -> GitError {
        let quoted = "'\(revision)'"
        if rc == GIT_EUNBORNBRANCH.rawValue || (isHeadUnborn && refersToUnbornHead(revision)) {
            return error.with(code: .unbornHead, summary: "HEAD has no commits yet (bad revision \(quoted))",
                              hint: "make a first commit, or name an existing revision")
        }
        switch rc {
        case GIT_EAMBIGUOUS.rawValue:
            return error.with(code: .ambiguousRevision,
                              summary: "ambiguous revision \(quoted): more than one object or reference matches",
                              hint: "use more hex digits or a full reference name such as refs/heads/\(revision)")
        case GIT_EINVALIDSPEC.rawValue:
            return error.with(code: .revisionNotFound, summary: "bad revision \(quoted): not a valid revision",
                              hint: "see `git help revisions` for the syntax")
        case GIT_ENOTFOUND.rawValue:
            if let (remote, branch) = remoteBranch(revision) {
                return error.with(code: .revisionNotFound, summary: "bad revision \(quoted): not found locally",
                                  hint: "fetch it with `git fetch \(remote) \(branch)` or check the name")
            }
            if isShallow {
                return error.with(code: .revisionNotFound, summary: "bad revision \(quoted): not found",
                                  hint: "this is a shallow clone; fetch full history with `git fetch --unshallow` or check the name")
            }
            return error.with(code: .revisionNotFound, summary: "bad revision \(quoted): not found",
                              hint: "check the name with `git branch -a`, `git tag` or `git log`")
        default:
            let detail = error.message.isEmpty ? "" : ": \(error.message)"
            return error.with(code: error.code == .other ? .revisionNotFound : error.code,
                              summary: "bad revision \(quoted)\(detail)")
        }
    }

    /// Whether a revision starts from HEAD (or names the unborn branch itself).
    private func refersToUnbornHead(_ revision: String) -> Bool {
        if revision.hasPrefix("HEAD") || revision.hasPrefix("@") { return true }
        guard let target = unbornBranchName else { return false }
        return revision == target || revision.hasPrefix(target + "~") || revision.hasPrefix(target + "^")
    }

    /// The short branch name HEAD points to while unborn ("main" for a fresh `git init`).
    private var unbornBranchName: String? {
        locked { pointer in
            var raw: OpaquePointer?
            guard git_reference_lookup(&raw, pointer, "HEAD") == 0, let raw else {
                git_error_clear()
                return nil
            }
            let head = ReferenceHandle(raw)
            return withExtendedLifetime(head) {
                guard let target = git_reference_symbolic_target(head.pointer) else { return nil }
                let name = String(cString: target)
                return name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
            }
        }
    }

    /// Splits "origin/main" into ("origin", "main") when a remote of that name is configured.
    private func remoteBranch(_ revision: String) -> (String, String)? {
        var name = revision
        if name.hasPrefix("refs/remotes/") { name = String(name.dropFirst("refs/remotes/".count)) }
        guard let slash = name.firstIndex(of: "/") else { return nil }
        let remote = String(name[..<slash])
        let branch = String(name[name.index(after: slash)...])
        guard !branch.isEmpty, remoteURL(remote) != nil else { return nil }
        return (remote, branch)
    }

    /// The best common ancestor of two commits, or nil when their histories never meet.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        if isShallow { return try shallowMergeBase(a, b) }
        return try locked { pointer in
            var result = git_oid()
            var left = a.oid
            var right = b.oid
            let rc = git_merge_base(&result, pointer, &left, &right)
            if rc == GIT_ENOTFOUND.rawValue {
                let error = GitError.last(rc, "git_merge_base")
                // libgit2 says ENOTFOUND both for "no common ancestor" and for a missing commit.
                if error.message.contains("no merge base") { return nil }
                throw error.with(code: .objectMissing,
                                 summary: "cannot find the merge base of \(a.short) and \(b.short): \(error.message)")
            }
            try check(rc, "git_merge_base")
            return ObjectID(result)
        }
    }

    /// libgit2 1.5 ignores `.git/shallow` and fails on the boundary's absent parents, so in a
    /// shallow clone: the newest of `b`'s ancestors (topologically) that is also an ancestor of `a`.
    private func shallowMergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        let boundary = Set(shallowBoundary())
        let ancestorsOfA = Set(try shallowHistory(tip: a, firstParent: false, order: .topologicalOldestFirst,
                                                  boundary: boundary))
        let historyOfB = try shallowHistory(tip: b, firstParent: false, order: .topologicalNewestFirst,
                                            boundary: boundary)
        return historyOfB.first { ancestorsOfA.contains($0) }
    }

    /// Author, committer, parents, tree and message of a commit.
    public func commitInfo(_ id: ObjectID) throws -> CommitInfo {
        try locked { _ in
            let commit = try lookupCommit(id)
            return withExtendedLifetime(commit) {
                let pointer = commit.pointer
                let parents = (0..<git_commit_parentcount(pointer)).compactMap { index in
                    git_commit_parent_id(pointer, index).map(ObjectID.init)
                }
                let message = git_commit_message(pointer).map { String(cString: $0) } ?? ""
                let empty = Signature(name: "", email: "", time: 0, offsetMinutes: 0)
                return CommitInfo(
                    id: id,
                    tree: ObjectID(git_commit_tree_id(pointer)),
                    parents: parents,
                    author: git_commit_author(pointer).map(Signature.init) ?? empty,
                    committer: git_commit_committer(pointer).map(Signature.init) ?? empty,
                    message: message)
            }
        }
    }

    func lookupCommit(_ id: ObjectID) throws -> CommitHandle {
        try locked { pointer in
            var oid = id.oid
            var raw: OpaquePointer?
            let rc = git_commit_lookup(&raw, pointer, &oid)
            guard rc == 0, let raw else {
                if rc == GIT_ENOTFOUND.rawValue {
                    throw GitError.missing(id, what: "commit", rc: rc, function: "git_commit_lookup")
                }
                throw GitError.last(rc, "git_commit_lookup").with(
                    code: .invalidObject, summary: "\(id.hex) is not a readable commit")
            }
            return CommitHandle(raw)
        }
    }

    /// The root tree of a commit (or a tree id given directly).
    func lookupRootTree(_ id: ObjectID) throws -> TreeHandle {
        try locked { pointer in
            var oid = id.oid
            var raw: OpaquePointer?
            let rc = git_object_lookup(&raw, pointer, &oid, GIT_OBJECT_ANY)
            guard rc == 0, let raw else {
                throw GitError.missing(id, what: "commit", rc: rc, function: "git_object_lookup")
            }
            let object = ObjectHandle(raw)
            return try withExtendedLifetime(object) {
                var tree: OpaquePointer?
                let peelRC = git_object_peel(&tree, object.pointer, GIT_OBJECT_TREE)
                guard peelRC == 0, let tree else {
                    let error = GitError.last(peelRC, "git_object_peel")
                    if peelRC == GIT_ENOTFOUND.rawValue || error.code == .objectMissing {
                        throw error.with(code: .objectMissing,
                                         summary: "the tree of commit \(id.hex) is missing from the object database",
                                         hint: "the clone may be partial or corrupt; run `git fsck`")
                    }
                    throw error.with(code: .invalidObject, summary: "\(id.hex) is neither a commit nor a tree")
                }
                return TreeHandle(tree)
            }
        }
    }

    /// A subtree by id; a missing one is an error naming it.
    func lookupTree(_ oid: UnsafePointer<git_oid>) throws -> TreeHandle {
        try locked { pointer in
            var raw: OpaquePointer?
            let rc = git_tree_lookup(&raw, pointer, oid)
            guard rc == 0, let raw else {
                throw GitError.missing(ObjectID(oid), what: "tree", rc: rc, function: "git_tree_lookup")
            }
            return TreeHandle(raw)
        }
    }
}
