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
}
