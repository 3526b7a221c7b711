import CLibGit2

// One small class per libgit2 handle, each releasing it with its own free function in deinit.
// Borrowed pointers (tree entries, index entries, signatures) are only used inside
// `withExtendedLifetime` of the handle that owns them. Object handles (trees, commits, blobs…)
// never leave the Repository method that made them, so the repository outlives them.

/// `git_libgit2_init` runs once, on first use of a repository; Swift initialises globals lazily
/// and thread-safely. libgit2 is never shut down: it lives as long as the process.
/// Objects are read without re-hashing each one, as git reads them (libgit2 verifies by
/// default, a fifth of the time of a tree walk); corruption still fails on inflate.
private let libgit2InitCount: Int32 = {
    let count = git_libgit2_init()
    _ = aimslint_set_strict_hash_verification(0)
    // Keep folders of up to 256 KiB of entries (about 5,000 names) in the object cache: history
    // walks visit the same large folders commit after commit. The cache as a whole is capped
    // at 64 MiB, which bounds memory however long the history.
    _ = aimslint_set_cache_object_limit(GIT_OBJECT_TREE, 256 * 1024)
    _ = aimslint_set_cache_max_size(64 * 1024 * 1024)
    // Map packs in 32 MiB windows, at most 96 MiB at a time: resident memory stays bounded
    // whatever the size of the repository (SPEC §9 asks for < 500 MiB on the large corpus).
    _ = aimslint_set_pack_windows(32 * 1024 * 1024, 96 * 1024 * 1024)
    return count
}()

func ensureLibgit2() {
    _ = libgit2InitCount
}

final class RepositoryHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_repository_free(pointer) }
}

final class ObjectHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_object_free(pointer) }
}

final class CommitHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_commit_free(pointer) }
}

final class TreeHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_free(pointer) }
}

/// A tree entry owned by us (from `git_tree_entry_bypath`), unlike the borrowed `byindex` ones.
final class TreeEntryHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_entry_free(pointer) }
}

final class BlobHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_blob_free(pointer) }
}

final class OdbHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_odb_free(pointer) }
}

final class IndexHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_index_free(pointer) }
}

final class StatusListHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_status_list_free(pointer) }
}

/// Outlives the call that made it (inside a `RevisionWalk`), so it keeps the repository handle
/// alive itself: the walker is freed before the repository whatever order its owner's stored
/// properties are destroyed in.
final class RevwalkHandle {
    let pointer: OpaquePointer
    private let repository: RepositoryHandle
    init(_ pointer: OpaquePointer, repository: RepositoryHandle) {
        self.pointer = pointer
        self.repository = repository
    }
    deinit { git_revwalk_free(pointer) }
}

final class ReferenceHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_reference_free(pointer) }
}

final class ConfigHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_config_free(pointer) }
}
