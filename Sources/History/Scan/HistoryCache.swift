import Foundation
import GitKit
import Lint

/// Everything needed to answer for a commit again, or to carry on from it: the timelines, plus
/// the relevant paths and carried history answers at that commit.
struct Checkpoint: Codable {
    /// A saved answer of `ChangeHistory.lastChange`.
    struct SavedAnswer: Codable {
        let selector: PathSelector
        let answer: CommitStamp?
    }

    let key: String
    let tip: String
    let firstParent: Bool
    let commitsScanned: Int
    let shallowBoundary: String?
    let oldest: CommitStamp?
    let newest: CommitStamp?
    let controls: [ControlTimeline]
    let relevantPaths: [String]
    let answers: [SavedAnswer]

    static func answers(_ saved: [PathSelector: CommitStamp?]) -> [SavedAnswer] {
        saved.map { SavedAnswer(selector: $0.key, answer: $0.value) }.sorted { $0.selector < $1.selector }
    }
}

/// The history cache: one file per analysed tip under `<git dir>/aimslint/history-v1/<key>/`,
/// where the key hashes the aimslint version and the rule ids, so another aimslint never reads
/// it. Files are written to a unique temporary name and renamed into place, so concurrent runs
/// only ever see whole files; a file that does not decode is a miss. Nothing is written outside
/// that folder.
struct HistoryCache {
    static let keep = 8
    let folder: CacheFolder
    let key: String

    init(repository: Repository, toolVersion: String, ruleIDs: [String]) {
        key = String(SHA256.hex("aimslint \(toolVersion)\nrules \(ruleIDs.sorted().joined(separator: ","))\ncheckpoint 3").prefix(16))
        folder = CacheFolder(url: URL(fileURLWithPath: repository.gitDirectory)
                                .appendingPathComponent("aimslint/history-v1", isDirectory: true)
                                .appendingPathComponent(key, isDirectory: true),
                             keep: Self.keep, name: "the history cache")
    }

    private static func prefix(firstParent: Bool) -> String { firstParent ? "fp-" : "all-" }

    /// The tips a checkpoint exists for, read from one folder listing.
    func tips(firstParent: Bool) -> Set<ObjectID> {
        let prefix = Self.prefix(firstParent: firstParent)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []
        return Set(names.compactMap { name in
            guard name.hasPrefix(prefix), name.hasSuffix(".json") else { return nil }
            return ObjectID(hex: String(name.dropFirst(prefix.count).dropLast(".json".count)))
        })
    }

    func load(_ tip: ObjectID, firstParent: Bool) -> Checkpoint? {
        guard let data = folder.read("\(Self.prefix(firstParent: firstParent))\(tip.hex).json"),
              let checkpoint = try? JSONDecoder().decode(Checkpoint.self, from: data),
              checkpoint.key == key, checkpoint.tip == tip.hex, checkpoint.firstParent == firstParent else { return nil }
        return checkpoint
    }

    /// Writes atomically and keeps the newest few checkpoints; returns why it could not, if so.
    @discardableResult
    func save(_ checkpoint: Checkpoint) -> String? {
        guard let data = try? JSONEncoder().encode(checkpoint) else { return "cannot encode the history cache" }
        if let problem = folder.write(data, as: "\(Self.prefix(firstParent: checkpoint.firstParent))\(checkpoint.tip).json") {
            return problem
        }
        folder.pruneSiblingFolders(keep: 2)   // another aimslint version's checkpoints
        return nil
    }
}
