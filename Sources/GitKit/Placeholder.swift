import CLibGit2
func _probe() -> Int32 { git_libgit2_init() }
