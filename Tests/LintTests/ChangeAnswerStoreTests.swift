import Foundation
import GitKit
import Lint
import TestSupport
import XCTest

/// `check`'s saved history answers: a second run at the same commit takes them as they are, a run
/// at a descendant carries them over the commits in between, and either way the answers are the
/// ones a fresh walk gives.
final class ChangeAnswerStoreTests: XCTestCase {
    private let card = PathSelector(exact: ["models/a/MODEL_CARD.md"])
    private let weights = PathSelector(folders: ["models/a"], suffixes: [".bin"])
    private let data = PathSelector(folders: ["data"], excludingDocuments: true)

    /// c1 adds the card, weights and data; c2 changes the weights; c3 the card; c4 touches
    /// nothing asked about; c5 changes the data.
    private func repository() throws -> (TestRepository, Repository, [ObjectID]) {
        let repo = try TestRepository()
        var commits: [String] = []
        try repo.write("models/a/MODEL_CARD.md", "# A\n")
        try repo.write("models/a/model.bin", "1")
        try repo.write("data/train.csv", "x\n")
        commits.append(try repo.commitAll("c1"))
        try repo.write("models/a/model.bin", "2")
        commits.append(try repo.commitAll("c2"))
        try repo.write("models/a/MODEL_CARD.md", "# A\n\nNew.\n")
        commits.append(try repo.commitAll("c3"))
        try repo.write("README.md", "hello\n")
        commits.append(try repo.commitAll("c4"))
        try repo.write("data/train.csv", "y\n")
        commits.append(try repo.commitAll("c5"))
        let opened = try Repository.discover(from: repo.root.path)
        return (repo, opened, try commits.map { try XCTUnwrap(ObjectID(hex: $0)) })
    }

    private func answers(_ history: GitChangeHistory, bound: CommitStamp?) -> [String?] {
        [history.lastChange(card), history.lastChange(weights, after: bound), history.lastChange(data, after: bound)]
            .map { $0?.commit }
    }

    func testASecondRunAtTheSameCommitTakesTheSavedAnswers() throws {
        let (repo, repository, commits) = try repository()
        defer { withExtendedLifetime(repo) {} }
        let store = ChangeAnswerStore(repository: repository)
        let first = GitChangeHistory(repository: repository, tip: commits[4])
        XCTAssertFalse(first.preload(from: store))
        let cardChange = first.lastChange(card)
        let expected = answers(first, bound: cardChange)
        XCTAssertEqual(expected, [commits[2].hex, nil, commits[4].hex])
        XCTAssertNil(first.save(to: store))

        let second = GitChangeHistory(repository: repository, tip: commits[4])
        XCTAssertTrue(second.preload(from: store))
        XCTAssertEqual(answers(second, bound: cardChange), expected)
    }

    func testARunAtADescendantCarriesTheAnswersForward() throws {
        let (repo, repository, commits) = try repository()
        defer { withExtendedLifetime(repo) {} }
        let store = ChangeAnswerStore(repository: repository)
        let old = GitChangeHistory(repository: repository, tip: commits[1])
        let oldCard = old.lastChange(card)
        XCTAssertEqual(answers(old, bound: oldCard), [commits[0].hex, commits[1].hex, nil])
        old.save(to: store)

        // Three commits later: the card (c3) and the data (c5) changed, the weights did not.
        let carried = GitChangeHistory(repository: repository, tip: commits[4])
        XCTAssertTrue(carried.preload(from: store))
        let fresh = GitChangeHistory(repository: repository, tip: commits[4])
        XCTAssertEqual(answers(carried, bound: oldCard), answers(fresh, bound: oldCard))
        XCTAssertEqual(answers(carried, bound: oldCard), [commits[2].hex, commits[1].hex, commits[4].hex])
    }

    func testAnUnreadableSavedFileIsAMiss() throws {
        let (repo, repository, commits) = try repository()
        defer { withExtendedLifetime(repo) {} }
        let store = ChangeAnswerStore(repository: repository)
        let history = GitChangeHistory(repository: repository, tip: commits[4])
        _ = answers(history, bound: nil)
        history.save(to: store)
        let folder = URL(fileURLWithPath: repository.gitDirectory).appendingPathComponent("aimslint/answers-v1")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
        let saved = try XCTUnwrap(files.first { $0.hasSuffix("\(commits[4].hex).json") })
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent(saved))
        XCTAssertFalse(GitChangeHistory(repository: repository, tip: commits[4]).preload(from: store))
    }
}
