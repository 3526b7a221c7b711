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

