import Foundation
import Documents
import GitKit

/// Turns a snapshot entry's bytes into a parsed artifact, never throwing: every failure becomes
/// `.unreadable` with a location, so one bad file never stops the rest of the run.
///
/// Parsed content is cached by blob id, so a blob that appears under several paths or in several
/// snapshots (base and head, or many commits in history) is parsed once. Safe to share between
/// threads: the store and the reading lanes take locks, the snapshot is immutable.
public final class ArtifactReader: @unchecked Sendable {
    private let snapshot: Snapshot
    private let store: Store
    /// Extra repository handles for reading blobs on several threads (nil: read through the snapshot's).
    private let lanes: Lanes?

    /// A blob as one format: the same bytes are JSON under one name and Markdown under another.
    private struct Key: Hashable {
        let blob: ObjectID
        let format: Format
    }

    private enum Format {
        case json, yaml, markdown

        init(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".json") || lower.hasSuffix(".jsonld") {
                self = .json
            } else if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
                self = .yaml
            } else {
                self = .markdown
            }
        }
    }

    /// Parsed content and front-matter verdicts by blob id, shareable between readers.
    /// Shared by the threads of a parallel project build: every access holds `lock`.
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var contents: [Key: ArtifactContent] = [:]
        /// Blobs already seen to start (or not) with a front-matter fence.
        var fenced: Set<ObjectID> = []
        var unfenced: Set<ObjectID> = []

        @discardableResult
        func withLock<T>(_ body: (Store) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(self)
        }
    }

    /// With `concurrent`, threads that read at the same time read blobs through their own
    /// repository handles (a project build reads on all cores; one handle serialises inflating).
    public init(snapshot: Snapshot, concurrent: Bool = false) {
        self.snapshot = snapshot
        store = Store()
        lanes = concurrent ? Lanes(snapshot) : nil
    }

    /// A reader of another snapshot (the base of a change) that shares `other`'s parsed blobs:
    /// what is unchanged between the two is parsed once. Links resolve in this reader's snapshot.
    public init(snapshot: Snapshot, sharing other: ArtifactReader) {
        self.snapshot = snapshot
        store = other.store
        lanes = other.lanes == nil ? nil : Lanes(snapshot)
    }

    /// Snapshots over other handles of the repository, one per thread reading at a time.
    private final class Lanes: @unchecked Sendable {
        private let lock = NSLock()
        private let snapshot: Snapshot
        private var idle: [Snapshot] = []
        private var opened = 0
        /// One per core; past that (or when a handle cannot be opened) the snapshot's own is shared.
        private let limit = ProcessInfo.processInfo.activeProcessorCount

        init(_ snapshot: Snapshot) {
            self.snapshot = snapshot
        }

        func with<T>(_ body: (Snapshot) -> T) -> T {
            lock.lock()
            var lane = idle.popLast()
            if lane == nil && opened < limit {
                opened += 1
                lane = (try? snapshot.repositoryHandle())
            }
            lock.unlock()
            guard let lane else { return body(snapshot) }
            defer {
                lock.lock()
                idle.append(lane)
                lock.unlock()
            }
            return body(lane)
        }
    }

    /// `body` with a snapshot to read blobs through: a lane of its own when reading concurrently.
    private func reading<T>(_ entry: SnapshotEntry, _ body: (Snapshot) -> T) -> T {
        guard let lanes, entry.id != nil else { return body(snapshot) }
        return lanes.with(body)
    }

    /// Forgets every parsed blob but these (a long walk keeps only what the current tree holds).
    public func keepOnly(_ blobs: Set<ObjectID>) {
        store.withLock { store in
            store.contents = store.contents.filter { blobs.contains($0.key.blob) }
            store.fenced.formIntersection(blobs)
            store.unfenced.formIntersection(blobs)
        }
    }

    /// Reads and parses the entry at `path` (following an in-repository symlink once).
    public func content(of entry: SnapshotEntry) -> ArtifactContent {
        let key = entry.kind == .symlink ? nil : entry.id.map { Key(blob: $0, format: Format(path: entry.path)) }
        if let key, let cached = store.withLock({ $0.contents[key] }) { return cached }
        let result = read(entry)
        if let key { store.withLock { $0.contents[key] = result } }
        return result
    }

    /// The decoded text of a small auxiliary file (a LICENSE), nil when unreadable.
    public func text(of entry: SnapshotEntry, maxBytes: Int = 256 * 1024) -> String? {
        guard entry.kind == .file || entry.kind == .executable,
              let data = reading(entry, { try? $0.content(maxBytes: maxBytes, of: entry) }) ?? nil,
              case .success(let text) = TextDecoder.decode(data) else { return nil }
        return text
    }

    /// Whether a Markdown file can have front matter at all: its first line starts with `---`
    /// (after a byte order mark). Reads the blob but parses nothing, so the many ordinary
    /// Markdown files of a repository cost a read, not a CommonMark parse. True when unsure.
    public func mayHaveFrontMatter(_ entry: SnapshotEntry) -> Bool {
        if let id = entry.id {
            let known: Bool? = store.withLock { store in
                if store.contents[Key(blob: id, format: .markdown)] != nil || store.fenced.contains(id) { return true }
                return store.unfenced.contains(id) ? false : nil
            }
            if let known { return known }
        }
        guard entry.kind == .file || entry.kind == .executable,
              let data = reading(entry, { try? $0.content(maxBytes: DocumentLimits.maxBytes, of: entry) }) ?? nil else { return true }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let answer = bytes.starts(with: Array("---".utf8))
        if let id = entry.id {
            store.withLock { store in
                if answer { store.fenced.insert(id) } else { store.unfenced.insert(id) }
            }
        }
        return answer
    }

    private func read(_ entry: SnapshotEntry) -> ArtifactContent {
        switch entry.kind {
        case .submodule:
            return .unreadable(ParseProblem(kind: .binary, message: "is a submodule (gitlink), not a document", location: .start))
        case .symlink:
            return followLink(entry)
        case .file, .executable:
            break
        }
        let read: Result<Data, ParseProblem> = reading(entry) { snapshot in
            let size = snapshot.size(of: entry)
            if size > DocumentLimits.maxBytes {
                return .failure(ParseProblem(kind: .tooLarge,
                    message: "is \(size) bytes, over the \(DocumentLimits.maxBytes / (1024 * 1024)) MiB limit for documents",
                    location: .start))
            }
            do {
                guard let bytes = try snapshot.content(maxBytes: DocumentLimits.maxBytes, of: entry) else {
                    return .failure(ParseProblem(kind: .tooLarge, message: "is over the size limit for documents", location: .start))
                }
                return .success(bytes)
            } catch {
                return .failure(ParseProblem(kind: .binary, message: "cannot be read: \(error)", location: .start))
            }
        }
        switch read {
        case .success(let data): return ArtifactReader.parse(data, path: entry.path)
        case .failure(let problem): return .unreadable(problem)
        }
    }

    /// A symlink is read only when it points at another file of the same snapshot.
    private func followLink(_ entry: SnapshotEntry) -> ArtifactContent {
        let outside = ParseProblem(kind: .binary, message: "is a symbolic link that leaves the repository; links are never followed outside it", location: .start)
        guard let data = try? snapshot.content(maxBytes: 4096, of: entry),
              case .success(let target) = TextDecoder.decode(data),
              !target.hasPrefix("/"),
              let resolved = PathMath.resolve(target, from: PathMath.parent(of: entry.path)),
              let targetEntry = snapshot.entry(at: resolved),
              targetEntry.kind == .file || targetEntry.kind == .executable else {
            return .unreadable(outside)
        }
        return read(targetEntry)
    }

    /// Parses bytes by the file's extension.
    public static func parse(_ data: Data, path: String) -> ArtifactContent {
        if LFSPointer.isPointer(data) { return .lfsPointer }
        let text: String
        switch TextDecoder.decode(data) {
        case .failure(let problem): return .unreadable(problem)
        case .success(let decoded): text = decoded
        }
        switch Format(path: path) {
        case .json:
            switch JSONDocument.parse(text) {
            case .success(let node): return .json(node)
            case .failure(let problem): return .unreadable(problem)
            }
        case .yaml:
            switch YAMLDocument.parse(text) {
            case .success(let node): return .yaml(node)
            case .failure(let problem): return .unreadable(problem)
            }
        case .markdown:
            return .markdown(MarkdownDocument.parse(text))
        }
    }
}

extension SourceLocation {
    /// Line 1, column 1.
    public static let start = SourceLocation(line: 1, column: 1)
}
