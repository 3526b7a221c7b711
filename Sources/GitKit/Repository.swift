import CLibGit2
import Foundation

/// An open git repository (working tree, bare, or linked worktree), read through libgit2.
///
/// Read-only: nothing here writes to the repository. Every libgit2 call goes through one
/// recursive lock per repository, so a `Repository` (and the `Snapshot`s made from it) can be
/// shared between tasks; libgit2 itself does not allow concurrent use of one handle.
public final class Repository: @unchecked Sendable {
    let handle: RepositoryHandle
    private let lock = NSRecursiveLock()
    /// The object database, opened once: blob size reads and content reads go through it.
    private let odb: OdbHandle

    /// The repository's own git folder (for a linked worktree, `.git/worktrees/NAME`), no trailing slash.
    public let gitDirectory: String
    /// The working tree root, no trailing slash; nil when bare.
    public let workingDirectory: String?
    public let isBare: Bool
    /// The folder shared by all worktrees (holds objects, refs, `shallow`), no trailing slash.
    public let commonDirectory: String

    private init(handle: RepositoryHandle, odb: OdbHandle) {
        self.handle = handle
        self.odb = odb
        gitDirectory = git_repository_path(handle.pointer).map { String(cString: $0).withoutTrailingSlash } ?? ""
        commonDirectory = git_repository_commondir(handle.pointer)
            .map { String(cString: $0).withoutTrailingSlash } ?? gitDirectory
        workingDirectory = git_repository_workdir(handle.pointer).map { String(cString: $0).withoutTrailingSlash }
        isBare = git_repository_is_bare(handle.pointer) == 1
    }

    /// Opens the repository containing `path`, searching upwards like git does (stopping at a
    /// file system boundary). `path` may be a working tree folder or file, a bare repository
    /// or a linked worktree.
    ///
    /// `indexFile` replaces the repository's index for `.index` and `.worktree` snapshots. A
    /// pre-commit hook should pass git's `GIT_INDEX_FILE`: for `git commit -a` or
    /// `git commit PATH` git stages into a temporary index and the hook must read that one.
    public static func discover(from path: String, indexFile: String? = nil) throws -> Repository {
        ensureLibgit2()
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw GitError(code: .notARepository, function: "discover", message: "",
                           summary: "not a git repository: '\(path)' does not exist",
                           hint: "pass a folder inside a git repository")
        }
        let start = isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
        var raw: OpaquePointer?
        let rc = git_repository_open_ext(&raw, start, 0, nil)
        guard rc == 0, let raw else {
            let error = GitError.last(rc, "git_repository_open_ext")
            if rc == GIT_EOWNER.rawValue {
                throw error.with(code: .notARepository,
                                 summary: "the repository at '\(path)' is owned by another user",
                                 hint: "mark it safe with `git config --global --add safe.directory <path>`")
            }
            throw error.with(code: .notARepository,
                             summary: "not a git repository (or any parent folder): '\(path)'",
                             hint: "run inside a repository or pass a path to one")
        }
        let handle = RepositoryHandle(raw)
        var rawOdb: OpaquePointer?
        let odbRC = git_repository_odb(&rawOdb, handle.pointer)
        guard odbRC == 0, let rawOdb else {
            throw GitError.last(odbRC, "git_repository_odb").with(
                code: .io, summary: "cannot open the object database of '\(path)'")
        }
        let repository = Repository(handle: handle, odb: OdbHandle(rawOdb))
        if let indexFile { try repository.useIndex(at: indexFile) }
        return repository
    }

    /// Another handle on this repository, for reading objects on another thread without
    /// waiting for this handle's lock (libgit2 handles are not shared between threads).
    public func anotherHandle() throws -> Repository {
        try Repository.discover(from: gitDirectory)
    }

    private func useIndex(at path: String) throws {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard FileManager.default.fileExists(atPath: absolute) else {
            throw GitError(code: .io, function: "git_index_open", message: "",
                           summary: "the index file '\(path)' does not exist")
        }
        try locked { pointer in
            var raw: OpaquePointer?
            let rc = git_index_open(&raw, absolute)
            guard rc == 0, let raw else {
                throw GitError.last(rc, "git_index_open").with(code: .io, summary: "cannot read the index file '\(path)'")
            }
            let index = IndexHandle(raw)
            // The repository takes its own reference; ours is released with `index`.
            try withExtendedLifetime(index) {
                try check(git_repository_set_index(pointer, index.pointer), "git_repository_set_index")
            }
        }
    }

    /// Runs `body` with the repository pointer while holding the lock.
    func locked<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try withExtendedLifetime(handle) { try body(handle.pointer) }
    }

    /// True for a shallow clone: history stops at the commits in `shallowBoundary()`.
    public var isShallow: Bool {
        locked { git_repository_is_shallow($0) == 1 }
    }

    /// True when HEAD names a branch that has no commits yet (a fresh `git init`).
    public var isHeadUnborn: Bool {
        locked { git_repository_head_unborn($0) == 1 }
    }

    /// The short name of the checked-out branch; nil when HEAD is detached or unborn.
    public var currentBranch: String? {
        locked { pointer in
            var raw: OpaquePointer?
            guard git_repository_head(&raw, pointer) == 0, let raw else {
                git_error_clear()
                return nil
            }
            let reference = ReferenceHandle(raw)
            return withExtendedLifetime(reference) {
                guard git_reference_is_branch(reference.pointer) == 1 else { return nil }
                var name: UnsafePointer<CChar>?
                guard git_branch_name(&name, reference.pointer) == 0, let name else {
                    git_error_clear()
                    return nil
                }
                return String(cString: name)
            }
        }
    }

    /// The contents of a blob.
    public func blob(_ id: ObjectID) throws -> Data {
        try locked { pointer in
            var oid = id.oid
            var raw: OpaquePointer?
            let rc = git_blob_lookup(&raw, pointer, &oid)
            guard rc == 0, let raw else {
                if rc == GIT_ENOTFOUND.rawValue {
                    throw GitError.missing(id, what: "blob", rc: rc, function: "git_blob_lookup")
                }
                throw GitError.last(rc, "git_blob_lookup").with(
                    code: .invalidObject, summary: "cannot read blob \(id.hex)")
            }
            let blob = BlobHandle(raw)
            return withExtendedLifetime(blob) {
                let size = Int(git_blob_rawsize(blob.pointer))
                guard size > 0, let bytes = git_blob_rawcontent(blob.pointer) else { return Data() }
                return Data(bytes: bytes, count: size)
            }
        }
    }

    /// The size of a blob from its object header, without inflating the content.
    public func blobSize(_ id: ObjectID) throws -> Int64 {
        try locked { _ in
            var oid = id.oid
            var length = 0
            var type = GIT_OBJECT_INVALID
            let rc = withExtendedLifetime(odb) { git_odb_read_header(&length, &type, odb.pointer, &oid) }
            if rc != 0 {
                throw GitError.missing(id, what: "object", rc: rc, function: "git_odb_read_header")
            }
            return Int64(length)
        }
    }

    /// The size from the object header, or nil when the object is missing (partial clone,
    /// corruption), so a listing can carry on and the failure shows when content is read.
    func blobSizeIfPresent(_ id: ObjectID) -> Int64? {
        var oid = id.oid
        return locked { _ in blobSizeIfPresent(&oid) }
    }

    func blobSizeIfPresent(_ oid: UnsafePointer<git_oid>) -> Int64? {
        var length = 0
        var type = GIT_OBJECT_INVALID
        let rc = withExtendedLifetime(odb) { git_odb_read_header(&length, &type, odb.pointer, oid) }
        if rc != 0 {
            git_error_clear()
            return nil
        }
        return Int64(length)
    }

    /// The URL of a remote with any credentials removed; nil when there is no such remote.
    ///
    /// Read from `remote.NAME.url` rather than with `git_remote_lookup`: Debian's libgit2 1.5.1
    /// leaks about 400 KB of PCRE2 match data per `git_remote_lookup` (seen under valgrind), and
    /// the configured URL (before any `insteadOf` rewriting) is what a report should name.
    public func remoteURL(_ name: String = "origin") -> String? {
        guard !name.isEmpty, !name.contains("\n") else { return nil }
        return configString("remote.\(name).url").map(CredentialRedaction.strip)
    }

    /// A configuration value as git would see it (repository, global and system config); nil when unset.
    public func configString(_ key: String) -> String? {
        locked { pointer in
            var raw: OpaquePointer?
            guard git_repository_config_snapshot(&raw, pointer) == 0, let raw else {
                git_error_clear()
                return nil
            }
            let config = ConfigHandle(raw)
            return withExtendedLifetime(config) {
                var value: UnsafePointer<CChar>?
                guard git_config_get_string(&value, config.pointer, key) == 0, let value else {
                    git_error_clear()
                    return nil
                }
                return String(cString: value)
            }
        }
    }

    /// The commits where a shallow clone's history is cut off (listed in the `shallow` file), sorted.
    public func shallowBoundary() -> [ObjectID] {
        let path = commonDirectory + "/shallow"
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .compactMap { ObjectID(hex: $0.trimmingCharacters(in: .whitespaces)) }
            .sorted()
    }
}
