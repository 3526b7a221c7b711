import Foundation
import GitKit

/// What a project build learnt about each document path of a tree, by blob: which were
/// artifacts (kind, declared system) and which Markdown files turned out not to be. A later
/// build of a tree sharing most blobs — the staged tree against its `HEAD` — makes those
/// artifacts without reading them (their content is read if a rule asks) and skips the plain
/// files, so it reads only what changed. Saved beside the rule outcomes (`SubjectResultStore`).
///
/// A record holds only for the same path, blob and way of recognition (by path or policy vs by
/// front matter), for regular files (a symlink's target can change under the same blob), and
/// never for documents that carry inline directives (those are read, to apply them).
public struct ArtifactLedger: Codable, Sendable, Equatable {
    public struct Record: Codable, Sendable, Equatable {
        public let blob: String
        /// The artifact kind; nil for a file its front matter showed not to be an artifact.
        public let kind: ArtifactKind?
        public let system: String?
        /// Recognised from its front matter (a README or other Markdown), not by path or policy.
        public let sniffed: Bool
        /// A Markdown model card's front matter `datasets` and the paths its relative links
        /// point to (which datasets its system uses).
        public var datasets: [String]?
        public var links: [String]?
    }

    public var records: [String: Record] = [:]

    public init() {}

    /// The record for an entry, when its blob is the one recorded and it is a regular file.
    func record(for entry: SnapshotEntry) -> Record? {
        guard entry.kind == .file || entry.kind == .executable, let id = entry.id,
              let record = records[entry.path], record.blob == id.hex else { return nil }
        return record
    }
}
