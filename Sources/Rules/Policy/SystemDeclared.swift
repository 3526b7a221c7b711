import Catalog
import Lint

/// AIMS-007: a system aimslint inferred from a model card is not declared, so its life cycle
/// stage is unknown. One note per system lists the life cycle documents a declared stage would
/// ask for; until then none of them is demanded and nothing blocks (SPEC §5.1).
struct SystemDeclared: Rule {
    static let description = RuleDescription(
        id: "AIMS-007",
        title: "Systems found from their model cards are declared with a life cycle stage",
        rationale: """
            aimslint finds AI systems from their model cards, but only a declaration in \
            .aims/config.yml says where a system is in its life cycle, and so which documents it must \
            have: an impact and a risk assessment from inception, a design record, a V&V report \
            before deployment, monitoring once it runs. Until a system is declared, aimslint judges \
            its model card as a published card and whatever life cycle documents are present, and \
            lists here, once, what a declared stage would ask for — a note that never blocks.
            """,
        fix: "Run `aimslint init` to declare the system with its stage (and `--templates` for the documents it needs).",
        stage: nil, processes: [.lifeCycleModelManagement], controls: [], level: .note, scope: [.system],
        passing: [
            Example([
                ".aims/config.yml": "version: 1\nsystems:\n  - id: router\n    root: models/router\n    stage: inception\n",
                "models/router/MODEL_CARD.md": ModelCardExamples.mitchellCard,
            ], note: "a declared system"),
        ],
        failing: [
            Example([
                "models/router/MODEL_CARD.md": "↓" + ModelCardExamples.mitchellCard,
            ], note: "a card outside every declared system"),
            Example([
                ".aims/config.yml": "version: 1\nsystems:\n  - id: ranker\n    root: models/ranker\n    stage: inception\n",
                "models/ranker/MODEL_CARD.md": ModelCardExamples.mitchellCard,
                "models/router/MODEL_CARD.md": "↓" + ModelCardExamples.mitchellCard,
                "models/router/risk-assessment.md": "# Risk assessment\n\nRouting errors delay answers.\n",
            ], note: "a config that declares another system; the documents present are not listed"),
        ])

    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let system = context.system, !system.isDeclared else { return .pass }
        let wanted = ArtifactTemplates.templates(upTo: .operationAndMonitoring, system: system.id)
            .filter { $0.kind != .modelCard && context.artifacts($0.kind).isEmpty }
        var byStage: [(stage: LifecycleStage, files: [String])] = []
        for template in wanted {
            let file = ArtifactTemplates.fileName(for: template.kind)
            // A retirement plan is asked for from deployment on (LC-RET-001).
            let stage: LifecycleStage = template.kind == .retirementPlan ? .deployment : template.stage
            if let index = byStage.firstIndex(where: { $0.stage == stage }) {
                byStage[index].files.append(file)
            } else {
                byStage.append((stage, [file]))
            }
        }
        byStage.sort { $0.stage.order < $1.stage.order }
        let folder = ArtifactTemplates.folder(system: system.id, root: system.root, shared: context.sharesRoot)
        var asked = byStage.isEmpty
            ? "every life cycle document up to operation is present"
            : "a declared stage would ask for " + byStage.map { "\($0.files.joined(separator: ", ")) (from \($0.stage.title.lowercased()))" }
                .joined(separator: "; ") + " in \(folder)/"
        // DS-001's question too: local data the card uses with no datasheet, card or Croissant file.
        let undocumented = DatasetDocumented.undocumentedLinks(context).compactMap { $0.anchor.split(separator: ":", maxSplits: 1).last }
        if !undocumented.isEmpty {
            asked += ", and dataset documentation for the local data its card uses (\(undocumented.joined(separator: ", ")))"
        }
        return .evaluated([Violation(
            "'\(system.id)' is not declared in \(Policy.configPath), so its life cycle stage is unknown and no life cycle "
                + "document is required yet; \(asked): declare it with `aimslint init`",
            at: context.missingAnchor, anchor: "undeclared")])
    }
}
