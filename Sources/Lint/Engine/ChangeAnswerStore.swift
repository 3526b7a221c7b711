import Foundation
import GitKit

/// `check`'s saved history answers: when each asked-about file last changed, as of a commit,
/// under `<git dir>/aimslint/answers-v1/<key>/<commit>.json` (the history cache's folder, SPEC
/// §2; `--no-cache` skips it).
///
/// The answers are facts about the commit graph only, so they hold for any aimslint and any
/// policy; the key covers the file format and the shallow boundary (fetching more history can
/// change an answer). A pre-commit hook checks the same HEAD again and again: the second run
/// walks no history at all. A commit whose first parent (or an ancestor a few commits down its
/// first-parent line) has answers gets them carried forward by diffing only the commits in
/// between. Files are written to a unique temporary name and renamed into place; a file that
/// does not decode is a miss; only the newest few are kept.
public struct ChangeAnswerStore: Sendable {
    static let keep = 8
    /// How far down the first-parent line to look for saved answers.
    static let reach = 32

    struct Saved: Codable {
        struct Answer: Codable {
            let selector: PathSelector
            let bound: String?
            let answer: CommitStamp?
        }

        let key: String
        let tip: String
        let answers: [Answer]
    }

    let folder: CacheFolder
    let key: String

    public init(repository: Repository) {
        let boundary = repository.isShallow ? repository.shallowBoundary().map(\.hex).sorted().joined(separator: ",") : ""
        key = String(SHA256.hex("answers 2\nshallow \(boundary)").prefix(16))
        folder = CacheFolder(url: URL(fileURLWithPath: repository.gitDirectory)
                                .appendingPathComponent("aimslint/answers-v1", isDirectory: true)
                                .appendingPathComponent(key, isDirectory: true),
                             keep: Self.keep, name: "the answer cache")
    }

    func load(_ tip: ObjectID) -> [GitChangeHistory.Question: CommitStamp?]? {
        guard let data = folder.read("\(tip.hex).json"),
              let saved = try? JSONDecoder().decode(Saved.self, from: data),
              saved.key == key, saved.tip == tip.hex else { return nil }
        var answers: [GitChangeHistory.Question: CommitStamp?] = [:]
        for item in saved.answers {
            let bound = item.bound.flatMap(ObjectID.init(hex:))
            if item.bound != nil && bound == nil { return nil }
            answers[GitChangeHistory.Question(selector: item.selector, bound: bound)] = .some(item.answer)
        }
        return answers
    }

    /// Writes atomically and keeps the newest few files; returns why it could not, if so.
    @discardableResult
    func save(_ answers: [GitChangeHistory.Question: CommitStamp?], tip: ObjectID) -> String? {
        let items = answers.map { question, answer in
            Saved.Answer(selector: question.selector, bound: question.bound?.hex, answer: answer)
        }.sorted { ($0.selector, $0.bound ?? "") < ($1.selector, $1.bound ?? "") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Saved(key: key, tip: tip.hex, answers: items)) else {
            return "cannot encode the answer cache"
        }
        return folder.write(data, as: "\(tip.hex).json")
    }
}
