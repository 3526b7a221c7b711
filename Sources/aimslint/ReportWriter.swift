#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a finished report: stdout, or `--output FILE` atomically (temporary file + rename), so a
/// reader never sees a partial report and a failed write leaves nothing behind.
///
/// Special files are written directly, never replaced by a rename (SPEC §8): `/dev/stdout` and
/// `/dev/stderr` (and `/dev/fd/N`) go to the already open descriptor — reopening them could
/// truncate what the shell redirected or append at the wrong offset — and FIFOs and devices are
/// opened and written. A symbolic link to a regular file keeps the link: its target is replaced.
enum ReportWriter {
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ text: String, to output: String?) throws {
        let data = Data(text.utf8)
        guard let output, output != "-" else {
            try writeAll(data, to: STDOUT_FILENO, name: "standard output")
            return
        }
        if let descriptor = openDescriptor(named: output) {
            try writeAll(data, to: descriptor, name: output)
            return
        }
        var info = stat()
        if lstat(output, &info) != 0 {
            guard errno == ENOENT else { throw failure(output, String(cString: strerror(errno))) }
            try replaceAtomically(output, with: data)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try replaceAtomically(output, with: data)
        case S_IFLNK:
            var target = stat()
            guard stat(output, &target) == 0 else { throw failure(output, "it is a symbolic link to a missing file") }
            guard (target.st_mode & S_IFMT) == S_IFREG else { return try writeDirectly(data, to: output) }
            guard let resolved = realpath(output, nil) else { throw failure(output, String(cString: strerror(errno))) }
            defer { free(resolved) }
            try replaceAtomically(String(cString: resolved), with: data, shownAs: output)
        case S_IFDIR:
            throw failure(output, "it is a folder")
        default:
            try writeDirectly(data, to: output)
        }
    }

    /// The open descriptor a `/dev/stdout`-like name stands for, nil for any other path.
    private static func openDescriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            if let number = Int32(path.dropFirst(prefix.count)), number >= 0, fcntl(number, F_GETFD) != -1 {
                return number
            }
        }
        return nil
    }

    /// Writes into an existing FIFO or device, as it is: no truncation, no rename.
    private static func writeDirectly(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, name: path)
    }

    /// Writes a temporary file next to `path` and renames it over `path`; on any failure the
    /// temporary file is removed and `path` is left as it was.
    private static func replaceAtomically(_ path: String, with data: Data, shownAs shown: String? = nil) throws {
        let shown = shown ?? path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).aimslint-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw failure(shown, "the folder '\(folder)' is missing or not writable (\(reason))")
        }
        do {
            try writeAll(data, to: descriptor, name: shown)
            guard fsync(descriptor) == 0 || errno == EINVAL else { throw failure(shown, String(cString: strerror(errno))) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(shown, reason)
        }
    }

    /// Writes every byte, retrying short writes and interruptions; a full disk or a closed
    /// descriptor is an error (exit 2), never a crash.
    private static func writeAll(_ data: Data, to descriptor: Int32, name: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(name, String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    private static func failure(_ output: String, _ reason: String) -> WriteError {
        WriteError(description: "cannot write the report to '\(output)': \(reason)")
    }
}

/// The C library's write(2), named apart from `ReportWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
