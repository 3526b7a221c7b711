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
        abstract: "Create .aims/config.yml declaring the AI systems (and, with --templates, the documents their stage needs).",
        discussion: """
            Without --system, declares every system aimslint infers from the repository's model \
            cards, each at design-and-development, with the stages listed beside it to choose from. \
            With --system and --root, declares that one system. Never overwrites a config.
            """)

    @Argument(help: "A folder inside the repository (default: the current folder).")
    var path: String = "."

    @Option(name: .long, help: "The system's id (letters, digits, '.', '_', '-'); without it, every inferred system.")
    var system: String?

    @Option(name: .long, help: "The system's root folder, relative to the repository root (with --system).")
    var root: String?

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
        guard (system == nil) == (root == nil) else { throw ValidationError("--system and --root go together (or give neither to declare every inferred system)") }
        if let system, !PolicyDecoder.isValidID(system) {
            throw ValidationError("system id '\(Console.escaped(system))' must start with a letter or digit and use only letters, digits, '.', '_' and '-'")
        }
        if let root, !PathMath.isCleanRelative(root) {
            throw ValidationError("root '\(Console.escaped(root))' must be a relative folder inside the repository")
        }
    }

    func run() throws {
        let repository = try openRepository(path)
        guard let workdir = repository.workingDirectory else {
            Console.error("'\(repository.gitDirectory)' is a bare repository; init needs a working tree")
            throw ExitStatus.toolError
        }
        let configPath = workdir + "/" + Policy.configPath
        if system == nil, FileManager.default.fileExists(atPath: configPath) {
            Console.error("\(Policy.configPath) already exists and `aimslint init` never overwrites it; declare further systems "
                          + "by hand, or with `aimslint init --system ID --root DIR` to print an entry")
            throw ExitStatus.toolError
        }
        let declared: [AISystem]
        if let system, let root {
            declared = [AISystem(id: system, root: PathMath.normalizedRoot(root))]
        } else {
            declared = try inferredSystems(repository)
            guard !declared.isEmpty else {
                Console.error("no model card found to infer a system from; declare one with `aimslint init --system ID --root DIR`")
                throw ExitStatus.toolError
            }
        }
        let entries = declared.map { InitCommand.systemEntry(id: $0.id, root: $0.root, stage: stage, risk: risk, owner: owner,
                                                            card: $0.artifactPaths[.modelCard], chooseStage: self.system == nil) }
            .joined()
        if FileManager.default.fileExists(atPath: configPath) {
            Console.error("\(Policy.configPath) already exists; add \(declared.count == 1 ? "this entry" : "these entries") under `systems:` by hand:\n\(Console.escaped(entries))")
            throw ExitStatus.toolError
        }
        do {
            try FileManager.default.createDirectory(atPath: workdir + "/.aims", withIntermediateDirectories: true)
            try ReportWriter.write(InitCommand.config(systemEntry: entries), to: configPath)
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
        let names = declared.map { "'\(Console.escaped($0.id))'" }.joined(separator: ", ")
        Console.log("wrote \(Policy.configPath) declaring \(declared.count == 1 ? "system" : "systems") \(names) at stage \(stage)")
        if templates {
            for system in declared {
                let shared = declared.contains { $0.id != system.id && $0.root == system.root }
                try writeTemplates(workdir: workdir, system: system.id, root: system.root, shared: shared)
            }
        }
        Console.hint(system == nil
            ? "set each system's stage in \(Policy.configPath) (the stages are listed beside it), then run `aimslint check`"
            : "run `aimslint check` to see what the stage asks of it")
    }

    /// The systems `check` would infer: one per model card outside every declared system.
    private func inferredSystems(_ repository: Repository) throws -> [AISystem] {
        let checker = Checker(repository: repository, engine: Engine(rules: []))
        do {
            return try checker.check(.worktree, only: []).result.project.systems.filter { !$0.isDeclared }
        } catch {
            Console.error("\(error)")
            throw ExitStatus.toolError
        }
    }

    private func writeTemplates(workdir: String, system: String, root: String, shared: Bool) throws {
        guard let stage = LifecycleStage(rawValue: stage) else { return }
        let folder = ArtifactTemplates.folder(system: system, root: PathMath.normalizedRoot(root), shared: shared)
        for template in ArtifactTemplates.templates(upTo: stage, system: system, continuousLearning: false) {
            let relative = folder.isEmpty ? template.fileName : folder + "/" + template.fileName
            let target = workdir + "/" + relative
            if FileManager.default.fileExists(atPath: target) {
                Console.log("kept existing \(Console.escaped(relative))")
                continue
            }
            do {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try ReportWriter.write(template.text, to: target)
            } catch {
                Console.error("\(error)")
                throw ExitStatus.toolError
            }
            Console.log("wrote \(Console.escaped(relative)) (\(template.kind.title) template: replace every placeholder)")
        }
    }

    /// One `systems:` entry. An inferred system that shares its folder with other cards names its
    /// card; with `chooseStage`, the stage line lists the stages to choose from.
    static func systemEntry(id: String, root: String, stage: String, risk: String, owner: String?, card: String? = nil,
                            chooseStage: Bool = false) -> String {
        var text = "  - id: \(id)\n    root: \(yamlScalar(root.isEmpty ? "." : root))\n"
        let choices = chooseStage ? "   # choose: " + LifecycleStage.allCases.map(\.rawValue).joined(separator: " | ") : ""
        text += "    stage: \(stage)\(choices)\n    risk: \(risk)\n    continuous_learning: false\n"
        if let owner { text += "    owner: \(yamlScalar(owner, alwaysQuote: true))\n" }
        if let card { text += "    artifacts:\n      model-card: \(yamlScalar(card))\n" }
        return text
    }

    /// A YAML scalar: plain when it is safe to be, else double-quoted with escapes.
    static func yamlScalar(_ text: String, alwaysQuote: Bool = false) -> String {
        let plain = !alwaysQuote && !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-/".unicodeScalars.contains($0))
        }
        if plain { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
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
