import ArgumentParser
import Foundation
import GitKit
import Lint
import Rules

/// `aimslint baseline`: record today's findings as accepted, by fingerprint.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the current findings as accepted (.aims/baseline.json): later runs mark them and do not fail on them.")

    @Argument(help: "A folder inside the repository (default: the current folder).")
    var path: String = "."

    @Option(name: .long, help: "Where to write the baseline (default: .aims/baseline.json in the working tree).")
    var output: String?

    @Option(name: .long, help: "Record the findings of a commit instead of the working tree.")
    var rev: String?

    func run() throws {
        let repository = try openRepository(path)
        let checker = Checker(repository: repository, engine: Engine(rules: RuleCatalog.rules))
        let source: CheckSource = rev.map { .revision($0) } ?? (repository.isBare ? .revision("HEAD") : .worktree)
        let findings: [Finding]
        do {
            let (snapshot, _) = try checker.snapshot(of: source)
            var policy = checker.policy(in: snapshot)
            policy.baseline = nil
            findings = try checker.check(source, policyOverride: policy).result.findings
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        let accepted = findings.filter { finding in !finding.suppressions.contains { $0.kind != .baseline } }
        let baseline = Baseline(findings: accepted)
        guard let target = output ?? repository.workingDirectory.map({ $0 + "/" + Policy.baselinePath }) else {
            Console.error("a bare repository has no working tree; pass --output FILE")
            throw ExitStatus.toolError
        }
        do {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try ReportWriter.write(baseline.serialized(), to: target)
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        Console.log("recorded \(baseline.entries.count) accepted finding(s) in \(target)")
    }
}
