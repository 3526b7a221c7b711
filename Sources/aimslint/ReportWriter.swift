import Foundation

/// Writes a finished report: stdout, or `--output FILE` atomically (temporary file + rename), so a
/// reader never sees a partial report. Special files (/dev/null, /dev/stdout, FIFOs, character
/// devices) are written directly — replacing them by a rename would be wrong.
enum ReportWriter {
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ text: String, to output: String?) throws {
        let data = Data(text.utf8)
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        var info = stat()
        if stat(output, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: output) else {
                throw WriteError(description: "cannot write the report to '\(output)': not writable")
            }
            handle.write(data)
            try? handle.close()
            return
        }
        let url = URL(fileURLWithPath: output)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).aimslint-\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw WriteError(description: "cannot write the report to '\(output)': the folder '\(folder.path)' is missing or not writable")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw WriteError(description: "cannot write the report to '\(output)': \(reason)")
        }
    }
}
