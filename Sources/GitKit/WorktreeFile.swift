#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads working tree files without ever leaving the working tree.
///
/// Paths are opened one folder at a time with `O_NOFOLLOW`, so neither a symlinked file nor a
/// symlinked folder on the way is followed; a symlink's content is its target text; anything
/// that is not a regular file or symlink (a FIFO that would block, a device) is refused.
enum WorktreeFile {
    /// A listing entry from `lstat`: git mode, kind and size, no id. Nil for folders and special files.
    static func entry(root: String, path: String) -> SnapshotEntry? {
        var info = stat()
        guard lstat(root + "/" + path, &info) == 0 else { return nil }
        let mode: UInt32
        switch UInt32(info.st_mode) & 0o170000 {
        case 0o100000: mode = UInt32(info.st_mode) & 0o100 != 0 ? 0o100755 : 0o100644
        case 0o120000: mode = 0o120000
        default: return nil
        }
        guard let kind = EntryKind(mode: mode) else { return nil }
        return SnapshotEntry(path: path, id: nil, mode: mode, kind: kind, size: Int64(info.st_size))
    }

    /// The file's bytes (a symlink's target), or nil when `limit` is given and exceeded.
    static func load(root: String, path: String, limit: Int?) throws -> Data? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = components.last,
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw failure(path, "not a plain relative path", code: 0)
        }
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw failure(path, "cannot open the working tree", code: errno) }
        defer { close(folder) }
        for component in components.dropLast() {
            let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { throw failure(path, "folder '\(component)' cannot be entered", code: errno) }
            close(folder)
            folder = next
        }
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw failure(path, "cannot stat", code: errno)
        }
        switch UInt32(info.st_mode) & 0o170000 {
        case 0o120000:
            return try readLink(folder: folder, name: name, path: path, limit: limit)
        case 0o100000:
            return try readRegular(folder: folder, name: name, path: path, limit: limit)
        default:
            throw failure(path, "not a regular file or symlink", code: 0)
        }
    }

    private static func readLink(folder: Int32, name: String, path: String, limit: Int?) throws -> Data? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlinkat(folder, name, &buffer, buffer.count)
        guard count >= 0 else { throw failure(path, "cannot read symlink", code: errno) }
        if let limit, count > limit { return nil }
        return buffer.withUnsafeBytes { Data($0.prefix(count)) }
    }

    private static func readRegular(folder: Int32, name: String, path: String, limit: Int?) throws -> Data? {
        // O_NONBLOCK: if the file was swapped for a FIFO since fstatat, open must not hang.
        let file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { throw failure(path, "cannot open", code: errno) }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, UInt32(info.st_mode) & 0o170000 == 0o100000 else {
            throw failure(path, "not a regular file", code: 0)
        }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "read failed", code: errno)
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
            if let limit, data.count > limit { return nil }
        }
        return data
    }

    private static func failure(_ path: String, _ what: String, code: Int32) -> GitError {
        let reason = code == 0 ? "" : String(cString: strerror(code))
        let detail = reason.isEmpty ? what : "\(what): \(reason)"
        return GitError(code: .io, function: "read", message: reason,
                        summary: "cannot read '\(path)' from the working tree: \(detail)")
    }
}
