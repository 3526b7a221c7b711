import Foundation

/// A folder of cache files under `<git dir>/aimslint/`: each file written to a unique temporary
/// name and renamed into place (concurrent runs only ever see whole files), and only the newest
/// few kept. Shared by `history`'s checkpoints and `check`'s saved history answers.
public struct CacheFolder: Sendable {
    public let url: URL
    /// How many `.json` files to keep.
    public let keep: Int
    /// What the files are, for messages ("the history cache").
    public let name: String

    public init(url: URL, keep: Int, name: String) {
        self.url = url
        self.keep = keep
        self.name = name
    }

    public func read(_ file: String) -> Data? {
        FileManager.default.contents(atPath: url.appendingPathComponent(file).path)
    }

    /// Writes `data` as `file` atomically, then prunes; returns why it could not, if so.
    public func write(_ data: Data, as file: String) -> String? {
        let target = url.appendingPathComponent(file)
        let temporary = url.appendingPathComponent(".\(file).\(getpid()).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            return "cannot write \(name) in \(url.path): \(error)"
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            return "cannot write \(name) in \(url.path)"
        }
        if rename(temporary.path, target.path) != 0 {
            unlink(temporary.path)
            return "cannot write \(name) in \(url.path)"
        }
        prune()
        return nil
    }

    /// Removes the folders next to this one (other keys of the same cache: another aimslint
    /// build, other rules or systems asked for) but the newest `keep`, this one included, so that
    /// upgrading aimslint does not leave every earlier build's files behind.
    public func pruneSiblingFolders(keep: Int) {
        let manager = FileManager.default
        let parent = url.deletingLastPathComponent()
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        let mine = url.lastPathComponent
        let folders: [(name: String, date: Date)] = names.filter { !$0.hasPrefix(".") && $0 != mine }.compactMap { name in
            let attributes = try? manager.attributesOfItem(atPath: parent.appendingPathComponent(name).path)
            guard attributes?[.type] as? FileAttributeType == .typeDirectory else { return nil }
            return (name, attributes?[.modificationDate] as? Date ?? .distantPast)
        }
        for folder in folders.sorted(by: { ($0.date, $0.name) > ($1.date, $1.name) }).dropFirst(max(keep - 1, 0)) {
            try? manager.removeItem(at: parent.appendingPathComponent(folder.name))
        }
    }

    /// Removes all but the newest `keep` files (a concurrent reader that loses one just misses).
    private func prune() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: url.path) else { return }
        let files: [(name: String, date: Date)] = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { name in
            let date = (try? manager.attributesOfItem(atPath: url.appendingPathComponent(name).path)[.modificationDate]) as? Date
            return (name, date ?? .distantPast)
        }
        guard files.count > keep else { return }
        for file in files.sorted(by: { ($0.date, $0.name) > ($1.date, $1.name) }).dropFirst(keep) {
            unlink(url.appendingPathComponent(file.name).path)
        }
    }
}
