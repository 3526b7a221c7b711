import Lint

/// GIT-001: the model card is older than the latest change to the system's model or data.
struct StaleModelCard: Rule {
    static let description = RuleDescription(
        id: "GIT-001",
        title: "The model card is newer than the model and data it describes",
        rationale: """
            A model card describes one model trained on one dataset. When the history shows weights, \
            training code or data changing after the card last changed, the card probably describes \
            an older model. Git knows both dates, so the check needs no one's memory.
            """,
        fix: "Review the model card against the current model and data and commit the update (version, data, evaluation).",
        stage: .reEvaluation, processes: [.configurationManagement], controls: ["A.6.2.7"], level: .warning, scope: [.system],
        readsHistory: true,
        passing: [Example([
            ".aims/config.yml": "version: 1\nsystems:\n  - id: churn\n    root: models/churn\n    stage: operation-and-monitoring\n",
            "models/churn/MODEL_CARD.md": "# Churn\n",
            "models/churn/train.py": "print('train')\n",
        ], note: "card and code committed together"),
            Example([
                ".aims/config.yml": "version: 1\nsystems:\n  - id: churn\n    root: models/churn\n    stage: operation-and-monitoring\n",
                "models/churn/MODEL_CARD.md": "# Churn\n",
                "models/churn/tokenizer.py": "def tokenize(text): return text.lower().split()\n",
            ], base: [
                ".aims/config.yml": "version: 1\nsystems:\n  - id: churn\n    root: models/churn\n    stage: operation-and-monitoring\n",
                "models/churn/MODEL_CARD.md": "# Churn\n",
                "models/churn/tokenizer.py": "def tokenize(text): return text.split()\n",
            ], note: "a helper's source changed after the card: not the model, its data or its training"),
        ],
        failing: [Example([
            ".aims/config.yml": "version: 1\nsystems:\n  - id: churn\n    root: models/churn\n    stage: operation-and-monitoring\n",
            "models/churn/MODEL_CARD.md": "↓# Churn\n",
            "models/churn/train.py": "print('train with the new features')\n",
        ], base: [
            ".aims/config.yml": "version: 1\nsystems:\n  - id: churn\n    root: models/churn\n    stage: operation-and-monitoring\n",
            "models/churn/MODEL_CARD.md": "# Churn\n",
            "models/churn/train.py": "print('train')\n",
        ], note: "training code changed after the card")])

    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let system = context.system, let card = context.modelCards.first else { return .pass }
        guard let history = context.project.history else { return .notApplicable(reason: "no commit history") }
        let root = system.root
        guard let cardChange = history.lastChange(PathSelector(exact: [card.path])) else { return .pass }
        let modelSelector = ModelSelector(root: root)
        guard let modelChange = modelSelector.lastChange(history, after: cardChange), modelChange.time > cardChange.time else { return .pass }
        return .evaluated([Violation(
            "\(card.path) last changed on \(String(cardChange.date.prefix(10))) but the model or data of \(system.id) changed on \(String(modelChange.date.prefix(10))) (commit \(modelChange.commit.prefix(7)))",
            at: card.firstLine, anchor: "stale")])
    }
}

/// Narrows a folder selector to model, training code and data files.
struct ModelSelector {
    let root: String

    /// The newest change after `bound` (the card's last change): the walk stops there.
    func lastChange(_ history: any ChangeHistory, after bound: CommitStamp?) -> CommitStamp? {
        // Weights, data files, the model's configuration and the training entry points — not every
        // source file: a tokenizer refactor or a version bump does not change the model a card describes.
        let suffixes = ModelFiles.modelSuffixes + ModelFiles.dataSuffixes + ModelFiles.trainingEntryPoints
        // The suffixes already leave the documents out (no document name ends in one of them), and
        // a selector that does not list them stays one question while documents come and go.
        return history.lastChange(PathSelector(folders: [root], suffixes: suffixes, excludingDocuments: true), after: bound)
    }
}
