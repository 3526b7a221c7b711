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
            let exact: [String]
            let folders: [String]
            let suffixes: [String]
            let excluding: [String]
            let excludingDocuments: Bool
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
        key = String(SHA256.hex("answers 1\nshallow \(boundary)").prefix(16))
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
            let selector = PathSelector(exact: item.exact, folders: item.folders, suffixes: item.suffixes,
                                        excluding: item.excluding, excludingDocuments: item.excludingDocuments)
            let bound = item.bound.flatMap(ObjectID.init(hex:))
            if item.bound != nil && bound == nil { return nil }
            answers[GitChangeHistory.Question(selector: selector, bound: bound)] = .some(item.answer)
        }
        return answers
    }

    /// Writes atomically and keeps the newest few files; returns why it could not, if so.
    @discardableResult
    func save(_ answers: [GitChangeHistory.Question: CommitStamp?], tip: ObjectID) -> String? {
        let items = answers.map { question, answer in
            Saved.Answer(exact: question.selector.exact, folders: question.selector.folders,
                         suffixes: question.selector.suffixes, excluding: question.selector.excluding,
                         excludingDocuments: question.selector.excludingDocuments, bound: question.bound?.hex,
                         answer: answer)
        }.sorted { Self.order($0) < Self.order($1) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Saved(key: key, tip: tip.hex, answers: items)) else {
            return "cannot encode the answer cache"
        }
        return folder.write(data, as: "\(tip.hex).json")
    }

    private static func order(_ answer: Saved.Answer) -> String {
        [answer.exact.joined(separator: "\u{1}"), answer.folders.joined(separator: "\u{1}"),
         answer.suffixes.joined(separator: "\u{1}"), answer.excluding.joined(separator: "\u{1}"),
         answer.excludingDocuments ? "1" : "0", answer.bound ?? ""].joined(separator: "\u{0}")
    }
}
