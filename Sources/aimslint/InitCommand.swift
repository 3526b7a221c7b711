import ArgumentParser
import Catalog
import Foundation
import GitKit
import Lint
import Rules

/// `aimslint init`: scaffold `.aims/config.yml` for a system and, on request, template artifacts.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create .aims/config.yml declaring an AI system (and, with --templates, the documents its stage needs).")

    @Argument(help: "A folder inside the repository (default: the current folder).")
    var path: String = "."

    @Option(name: .long, help: "The system's id (letters, digits, '.', '_', '-').")
    var system: String

    @Option(name: .long, help: "The system's root folder, relative to the repository root.")
    var root: String

    @Option(name: .long, help: "ISO/IEC 22989 stage: \(LifecycleStage.allCases.map(\.rawValue).joined(separator: ", ")).")
    var stage: String = LifecycleStage.designAndDevelopment.rawValue

    @Option(name: .long, help: "Risk level: minimal, limited or high.")
    var risk: String = RiskLevel.minimal.rawValue

    @Option(name: .long, help: "Owner (a team handle or an e-mail address).")
    var owner: String?

    @Flag(name: .long, help: "Also write template documents for every artifact the stage needs (never overwrites).")
    var templates = false

    func validate() throws {
        guard LifecycleStage(rawValue: stage) != nil else {
            throw ValidationError("unknown stage '\(stage)'; ISO/IEC 22989 stages: \(LifecycleStage.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard RiskLevel(rawValue: risk) != nil else { throw ValidationError("risk must be minimal, limited or high") }
        guard PolicyDecoder.isValidID(system) else {
            throw ValidationError("system id '\(system)' must start with a letter or digit and use only letters, digits, '.', '_' and '-'")
        }
        guard PathMath.isCleanRelative(root) else { throw ValidationError("root '\(root)' must be a relative folder inside the repository") }
    }

    func run() throws {
        let repository = try openRepository(path)
        guard let workdir = repository.workingDirectory else {
            Console.error("'\(repository.gitDirectory)' is a bare repository; init needs a working tree")
            throw ExitStatus.toolError
        }
        let configPath = workdir + "/" + Policy.configPath
        let entry = InitCommand.systemEntry(id: system, root: PathMath.normalizedRoot(root), stage: stage, risk: risk, owner: owner)
        if FileManager.default.fileExists(atPath: configPath) {
            Console.error("\(Policy.configPath) already exists; add this entry under `systems:` by hand:\n\(entry)")
            throw ExitStatus.toolError
        }
        do {
            try FileManager.default.createDirectory(atPath: workdir + "/.aims", withIntermediateDirectories: true)
            try ReportWriter.write(InitCommand.config(systemEntry: entry), to: configPath)
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        Console.log("wrote \(Policy.configPath) declaring system '\(system)' at stage \(stage)")
        if templates { try writeTemplates(workdir: workdir) }
    }

    private func writeTemplates(workdir: String) throws {
        guard let stage = LifecycleStage(rawValue: stage) else { return }
        let folder = PathMath.normalizedRoot(root)
        for template in ArtifactTemplates.templates(upTo: stage, system: system, continuousLearning: false) {
            let relative = folder.isEmpty ? template.fileName : folder + "/" + template.fileName
            let target = workdir + "/" + relative
            if FileManager.default.fileExists(atPath: target) {
                Console.log("kept existing \(relative)")
                continue
            }
            do {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try ReportWriter.write(template.text, to: target)
            } catch {
                Console.error("\(error)")
                throw ExitStatus.toolError
            }
            Console.log("wrote \(relative) (\(template.kind.title) template: replace every placeholder)")
        }
    }

    static func systemEntry(id: String, root: String, stage: String, risk: String, owner: String?) -> String {
        var text = "  - id: \(id)\n    root: \(root.isEmpty ? "." : root)\n    stage: \(stage)\n    risk: \(risk)\n    continuous_learning: false\n"
        if let owner { text += "    owner: \"\(owner.replacingOccurrences(of: "\"", with: "\\\""))\"\n" }
        return text
    }

    static func config(systemEntry: String) -> String {
        """
        # aimslint policy; `aimslint rules` lists the rule catalog, `aimslint explain ID` explains a rule.
        # Strict: unknown keys, rule ids and stages are errors with a line and column.
        version: 1

        # The AI systems this repository governs. stage is an ISO/IEC 22989 life cycle stage:
        # inception | design-and-development | verification-and-validation | deployment |
        # operation-and-monitoring | continuous-validation | re-evaluation | retirement
        systems:
        \(systemEntry)
        # Datasets kept in the repository (each needs a datasheet, dataset card or Croissant file).
        # datasets:
        #   - id: my-dataset
        #     root: data/my-dataset

        # Per-rule levels: off, error, warning or note.
        # rules:
        #   TERM-001: off

        # Paths never checked.
        # paths:
        #   exclude: ["vendor/**"]

        fail_on: error

        """
    }
}
