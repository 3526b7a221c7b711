#ifndef AIMSLINT_CLIBGIT2_SHIM_H
#define AIMSLINT_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>

/* git_libgit2_opts is variadic, which Swift cannot call; these wrappers fix the arguments. */

/* Like git, read objects without re-hashing every one of them: libgit2 verifies each object's
   id on read by default, which costs a fifth of a tree-walking run. Corruption still shows as a
   zlib or pack error. */
static inline int aimslint_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/* The object cache's byte limit (libgit2's default is 256 MiB). */
static inline int aimslint_set_cache_max_size(long long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}

/* The largest object of a type kept in the object cache (libgit2 keeps trees up to 4 KiB only,
   so a folder of a few hundred entries is inflated again on every visit). */
static inline int aimslint_set_cache_object_limit(git_object_t type, size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, bytes);
}

/* How much of the pack files libgit2 keeps mapped, and in what windows: by default a 64-bit
   process maps whole packs (1 GiB windows, 8 GiB in all), so a walk through a large history
   keeps the whole pack resident. Smaller windows under a limit are unmapped least-recently-used. */
static inline int aimslint_set_pack_windows(size_t window, size_t mapped_limit) {
    int rc = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window);
    if (rc != 0) return rc;
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, mapped_limit);
}
#endif
