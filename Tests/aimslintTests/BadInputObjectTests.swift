import Foundation
import TestSupport
import XCTest

/// SPEC §8, corrupt or missing objects (partial clones): a finding or an error naming the
/// object id, and everything else is still checked.
final class BadInputObjectTests: XCTestCase {
    private let brokenCard = "---\nlicense: [mit\n---\n# B\n"

    /// Two systems: `a` with a good card (whose blob the tests damage) and `b` with a card whose
    /// front matter is broken, so its AIMS-005 shows the rest of the run went on.
    private func twoCards() throws -> (repo: TestRepository, blob: String) {
        let repo = try TestRepository()
        try repo.write("models/a/MODEL_CARD.md", BadInput.goodCard)
        try repo.write("models/b/MODEL_CARD.md", brokenCard)
        try repo.commitAll("cards")
        return (repo, try repo.git("rev-parse", "HEAD:models/a/MODEL_CARD.md"))
    }

    private func gitDirectory(_ repo: TestRepository) -> URL {
        repo.root.appendingPathComponent(".git")
    }

    func testSPEC8_missingBlob_findingNamesTheObjectId_restContinues() throws {
        let (repo, blob) = try twoCards()
        try FileManager.default.removeItem(at: BadInput.looseObject(blob, gitDirectory: gitDirectory(repo)))
        let expected = "models/a/MODEL_CARD.md:1:1 AIMS-005 model card models/a/MODEL_CARD.md cannot be checked: cannot be read: blob \(blob) is missing from the object database; the clone may be partial or corrupt; run `git fsck` or fetch the object"
        for source in [["--rev", "HEAD"], ["--staged", "--base", "none"]] {
            let (result, json) = try BadInput.checkJSON(source, in: repo.root)
            XCTAssertEqual(result.status, 1, "\(source) \(result.stderr)")
            XCTAssertEqual(BadInput.findings(json).filter { $0.rule == "AIMS-005" }.map(\.description), [
                expected,
                "models/b/MODEL_CARD.md:3:1 AIMS-005 model card models/b/MODEL_CARD.md cannot be checked: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2)",
            ], "\(source)")
            XCTAssertTrue(BadInput.findings(json).map(\.place).contains("models/b/MODEL_CARD.md:4:1 MC-002"), "\(source)")
        }
        // Blame of the missing blob fails too: said once on stderr, naming the id, not fatal.
        let sarif = try CLI.run(["check", "--rev", "HEAD", "--format", "sarif"], in: repo.root)
        XCTAssertEqual(sarif.status, 1, sarif.stderr)
        XCTAssertTrue(sarif.stdout.contains("blob \(blob) is missing from the object database"))
    }

    func testSPEC8_corruptBlob_findingNamesTheObjectId_restContinues() throws {
        let (repo, blob) = try twoCards()
        let object = BadInput.looseObject(blob, gitDirectory: gitDirectory(repo))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object.path)
        try Data("this is not a zlib stream\n".utf8).write(to: object)
        let (result, json) = try BadInput.checkJSON(["--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 1, result.stderr)
        let unreadable = BadInput.findings(json).filter { $0.rule == "AIMS-005" }
        XCTAssertEqual(unreadable.map(\.place), ["models/a/MODEL_CARD.md:1:1 AIMS-005", "models/b/MODEL_CARD.md:3:1 AIMS-005"])
        XCTAssertEqual(unreadable.first?.message,
                       "model card models/a/MODEL_CARD.md cannot be checked: cannot be read: cannot read blob \(blob)")
    }

    func testSPEC8_missingTree_exits2NamingTheObjectId() throws {
        let (repo, _) = try twoCards()
        let tree = try repo.git("rev-parse", "HEAD:models")
        try FileManager.default.removeItem(at: BadInput.looseObject(tree, gitDirectory: gitDirectory(repo)))
        let result = try CLI.run(["check", "--rev", "HEAD"], in: repo.root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasSuffix(
            "aimslint: error: tree \(tree) is missing from the object database; the clone may be partial or corrupt; run `git fsck` or fetch the object\n"),
            result.stderr)
    }

    func testSPEC8_partialClone_missingBlobsNamed_restContinues() throws {
        let (origin, blob) = try twoCards()
        try origin.write("models/c/MODEL_CARD.md", BadInput.goodCard + "\nA third card.\n")
        try origin.commitAll("third")
        try origin.git("config", "uploadpack.allowFilter", "true")
        let container = try BadInput.temporaryFolder("partial")
        defer { try? FileManager.default.removeItem(at: container) }
        let clone = container.appendingPathComponent("clone")
        try BadInput.git(["clone", "--quiet", "--no-checkout", "--filter=blob:none", origin.root.absoluteURL.absoluteString, clone.path],
                         in: container)
        XCTAssertEqual(try BadInput.git(["config", "remote.origin.promisor"], in: clone), "true", "a real partial clone")

        let (result, json) = try BadInput.checkJSON(["--rev", "HEAD"], in: clone)
        XCTAssertEqual(result.status, 1, result.stderr)
        let blobs = try ["a", "b", "c"].map { try origin.git("rev-parse", "HEAD:models/\($0)/MODEL_CARD.md") }
        XCTAssertEqual(blobs[0], blob)
        XCTAssertEqual(BadInput.findings(json).filter { $0.rule == "AIMS-005" }.map(\.description), zip(["a", "b", "c"], blobs).map { name, id in
            "models/\(name)/MODEL_CARD.md:1:1 AIMS-005 model card models/\(name)/MODEL_CARD.md cannot be checked: cannot be read: blob \(id) is missing from the object database; the clone may be partial or corrupt; run `git fsck` or fetch the object"
        })
        // Every card is still listed, with its blob id, in its system.
        let systems = json["systems"] as? [[String: Any]] ?? []
        XCTAssertEqual(systems.compactMap { $0["id"] as? String }, ["a", "b", "c"])
    }
}
