import Lint

/// GIT-002: a change to a system's model, training code or data that leaves its documentation alone.
struct UndocumentedModelChange: Rule {
    static let description = RuleDescription(
        id: "GIT-002",
        title: "Model and data changes update the model card or V&V report",
        rationale: """
            When weights, training code or data change, what the model card and the verification \
            report say may no longer be true. A change set that touches them without touching either \
            document is where stale documentation is born; the gate asks for the update while the \
            author still remembers what changed.
            """,
        fix: "Update the model card (version, training data, evaluation) or the V&V report in the same change, or explain in review why neither changes.",
        stage: nil, processes: [.configurationManagement], controls: ["A.6.2.7", "A.6.2.4"], level: .warning, scope: [.system], readsChangeSet: true,
        passing: [Example([
            "models/churn/MODEL_CARD.md": "# Churn\n\nVersion 2: trained with the new features.\n",
            "models/churn/train.py": "print('train with the new features')\n",
        ], base: [
            "models/churn/MODEL_CARD.md": "# Churn\n",
            "models/churn/train.py": "print('train')\n",
        ], note: "the card changes with the code")],
        failing: [Example([
            "models/churn/MODEL_CARD.md": "↓# Churn\n",
            "models/churn/train.py": "print('train with the new features')\n",
        ], base: [
            "models/churn/MODEL_CARD.md": "# Churn\n",
            "models/churn/train.py": "print('train')\n",
        ], note: "training code changed, card untouched")])

    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let changes = context.project.changeSet else {
            return .notApplicable(reason: "only in diff mode (--base or --staged)")
        }
        guard let system = context.system else { return .pass }
        let touched = changes.paths(inside: system.root).filter { ModelFiles.isModelOrData($0, root: system.root) }
        guard let first = touched.first else { return .pass }
        let documented = context.artifacts.contains { ($0.kind == .modelCard || $0.kind == .vvReport) && changes.contains($0.path) }
        if documented { return .pass }
        let more = touched.count > 1 ? " and \(touched.count - 1) more" : ""
        let anchor = context.modelCards.first?.firstLine ?? context.missingAnchor
        return .evaluated([Violation(
            "this change touches \(first)\(more) but neither the model card nor the V&V report of \(system.id)",
            at: anchor, anchor: "undocumented-change")])
    }
}
