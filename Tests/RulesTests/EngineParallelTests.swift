import Foundation
import GitKit
import Lint
import Rules
import TestSupport
import XCTest

/// The engine evaluates subjects on all cores in `check`; the result must be the one the
/// sequential evaluation (what `history` uses) gives, finding for finding and control for control.
final class EngineParallelTests: XCTestCase {
    func testParallelEvaluationGivesTheSequentialResult() throws {
        let engine = Engine(rules: RuleCatalog.rules)
        var compared = 0
        for rule in RuleCatalog.rules {
            let description = type(of: rule).description
            for example in description.failing where example.base == nil {
                let repository = try TestRepository()
                for (path, text) in example.cleanFiles.sorted(by: { $0.key < $1.key }) { try repository.write(path, text) }
                try repository.commitAll("example")
                let opened = try Repository.discover(from: repository.root.path)
                let checker = Checker(repository: opened, engine: engine)
                let snapshot = try opened.snapshot(.commit(opened.resolveCommit("HEAD")))
                let policy = checker.policy(in: snapshot)
                let history = GitChangeHistory(repository: opened, tip: try opened.resolveCommit("HEAD"))
                let project = ProjectBuilder(snapshot: snapshot, policy: policy, sourceName: "HEAD", history: history).build()
                let sequential = engine.run(project, today: "2030-01-01", parallel: false)
                let parallel = engine.run(project, today: "2030-01-01", parallel: true)
                XCTAssertEqual(parallel.findings, sequential.findings, description.id)
                XCTAssertEqual(parallel.controls, sequential.controls, description.id)
                XCTAssertFalse(sequential.controls.isEmpty, description.id)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 40)
    }

    /// A project built on all cores (check) is the project built one file after another (what
    /// history does, with its reuse memo): same artifacts, same licences, same findings.
    func testParallelProjectBuildGivesTheSequentialProject() throws {
        let root = try DemoRepository.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let opened = try Repository.discover(from: root.path)
        let engine = Engine(rules: RuleCatalog.rules)
        let checker = Checker(repository: opened, engine: engine)
        let snapshot = try opened.snapshot(.commit(opened.resolveCommit("HEAD")))
        let policy = checker.policy(in: snapshot)
        let parallel = ProjectBuilder(snapshot: snapshot, policy: policy, sourceName: "HEAD").build()
        let sequential = ProjectBuilder(snapshot: snapshot, policy: policy, sourceName: "HEAD", reuse: ArtifactReuse()).build()
        XCTAssertGreaterThan(parallel.artifacts.count, 5)
        XCTAssertEqual(parallel.artifacts.map { "\($0.path) \($0.kind) \($0.blob?.hex ?? "-")" },
                       sequential.artifacts.map { "\($0.path) \($0.kind) \($0.blob?.hex ?? "-")" })
        XCTAssertEqual(parallel.licenseFiles, sequential.licenseFiles)
        XCTAssertEqual(engine.run(parallel, today: "2030-01-01").findings, engine.run(sequential, today: "2030-01-01").findings)
    }

    /// A build given its base's ledger reads only the documents that changed (the others are
    /// read when a rule asks), and is the project built without it: same artifacts, kinds,
    /// declared systems and findings.
    func testLedgerBuildReadsOnlyChangedDocumentsAndGivesTheSameProject() throws {
        let root = try DemoRepository.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("docs/NOTES.md")
        try FileManager.default.createDirectory(at: notes.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "# Notes\n\nPlain Markdown: read once to see that it has no front matter.\n".write(to: notes, atomically: true, encoding: .utf8)
        for arguments in [["add", "--", "docs/NOTES.md"], ["commit", "-q", "-m", "notes"]] {
            let done = try runProcess("/usr/bin/env", ["git"] + arguments, currentDirectory: root, environment: isolatedGitEnvironment())
            XCTAssertEqual(done.status, 0, done.stderr)
        }
        let opened = try Repository.discover(from: root.path)
        let engine = Engine(rules: RuleCatalog.rules)
        let checker = Checker(repository: opened, engine: engine)
        let base = try opened.snapshot(.commit(opened.resolveCommit("HEAD")))
        let policy = checker.policy(in: base)
        let baseBuilder = ProjectBuilder(snapshot: base, policy: policy, sourceName: "HEAD")
        let ledger = baseBuilder.ledger(of: baseBuilder.build())
        XCTAssertEqual(ledger.records["docs/NOTES.md"]?.kind, .some(nil), "plain Markdown is recorded as such")
        XCTAssertTrue(ledger.records.values.contains { $0.kind == .modelCard })

        let edited = "models/sentiment/MODEL_CARD.md"
        let card = root.appendingPathComponent(edited)
        try (try String(contentsOf: card, encoding: .utf8) + "\nReviewed again.\n").write(to: card, atomically: true, encoding: .utf8)
        let added = try runProcess("/usr/bin/env", ["git", "add", "--", edited], currentDirectory: root, environment: isolatedGitEnvironment())
        XCTAssertEqual(added.status, 0, added.stderr)
        let staged = try opened.snapshot(.index)
        let plain = ProjectBuilder(snapshot: staged, policy: policy, sourceName: "index").build()
        let known = ProjectBuilder(snapshot: staged, policy: policy, sourceName: "index", ledger: ledger).build()
        XCTAssertGreaterThan(known.artifacts.count, 5)
        XCTAssertEqual(known.artifacts.filter(\.isLoaded).map(\.path), [edited], "only the changed card is read by the build")
        func describe(_ project: Project) -> [String] {
            project.artifacts.map { "\($0.path) \($0.kind) \($0.blob?.hex ?? "-") \($0.declaredSystem ?? "-") \($0.directives.count)" }
        }
        XCTAssertEqual(describe(known), describe(plain))
        XCTAssertEqual(known.systems.map(\.id), plain.systems.map(\.id))
        XCTAssertEqual(known.datasets.map(\.id), plain.datasets.map(\.id))
        XCTAssertEqual(engine.run(known, today: "2030-01-01").findings, engine.run(plain, today: "2030-01-01").findings)
        XCTAssertTrue(known.artifacts.allSatisfy(\.isLoaded), "every document was read once the rules asked")
    }

    /// A rule that reads the change set must say so (`readsChangeSet`): saved outcomes are never
    /// taken back for it. Checked on the rules' sources, so a new rule cannot forget it.
    func testRulesThatReadTheChangeSetDeclareIt() throws {
        let sources = DemoRepository.packageRoot.appendingPathComponent("Sources/Rules")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var readers = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard text.contains(".changeSet") else { continue }
            readers += 1
            XCTAssertTrue(text.contains("readsChangeSet: true"), "\(file.lastPathComponent) reads the change set but does not declare it")
        }
        XCTAssertGreaterThanOrEqual(readers, 2)
        let declared = RuleCatalog.rules.filter { type(of: $0).description.readsChangeSet }.map { type(of: $0).description.id }
        XCTAssertEqual(declared.count, readers)
    }
}

