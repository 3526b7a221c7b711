import Lint

/// MC-001: every AI system has a model card.
struct ModelCardPresent: Rule {
    static let description = RuleDescription(
        id: "MC-001",
        title: "Each AI system has a model card",
        rationale: """
            The model card is where a reader learns what a model is for, what it was trained and \
            tested on and where it fails. A system declared in the policy without one leaves users, \
            reviewers and auditors to guess. A card that is empty, or holds nothing but template \
            text, is no card either. A card that is stored as a Git LFS pointer or cannot be parsed \
            still counts as present here; GIT-003 and AIMS-005 report why it cannot be read.
            """,
        fix: "Add MODEL_CARD.md (or a Hugging Face README.md with model metadata) in the system's root folder.",
        stage: .designAndDevelopment, processes: [.informationManagement], controls: ["A.6.2.7", "A.8.2"],
        level: .error, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "design-and-development"),
                "models/router/MODEL_CARD.md": "# Router\n\nRanks support articles for a search query.\n",
            ]),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "design-and-development"),
                "models/router/MODEL_CARD.md": """
                    version https://git-lfs.github.com/spec/v1
                    oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
                    size 12345

                    """,
            ], note: "a card stored in Git LFS is present; GIT-003 reports that it cannot be read"),
            Example(["tools/tagger/model_card.md": "# Tagger\n\nTags invoices by cost centre.\n"],
                    note: "with no policy, every folder holding a model card is a system that has one"),
        ],
        failing: [
            Example([
                ".aims/config.yml": """
                    version: 1
                    systems:
                      - id: ranker
                        root: models/ranker
                        ↓stage: design-and-development
                    """,
                "models/ranker/train.py": "print('training the ranker')\n",
            ], note: "the finding points at the stage the system is declared at"),
            Example([
                ".aims/config.yml": """
                    version: 1
                    systems:
                      - ↓id: ranker
                        root: models/ranker
                    """,
                "models/ranker/README.md": "# Ranker\n\nCode for the ranker.\n",
            ], note: "a README without model metadata is not a model card"),
            Example([
                "models/ranker/MODEL_CARD.md": """
                    ↓# Model card: ranker

                    ## Intended Use

                    [More Information Needed]

                    ## Training Data

                    [More Information Needed]
                    """,
            ], note: "a card with headings and template text only"),
            Example(["models/ranker/MODEL_CARD.md": "↓\n"], note: "an empty card"),
        ])

    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let system = context.system else { return .notApplicable(reason: "model cards belong to AI systems") }
        if !context.modelCards.isEmpty {
            // A card says something once its headings and template text are set aside.
            let empty = ModelCardDocument.cards(of: context).filter { $0.json == nil && !$0.saysAnything }
            return .evaluated(empty.map { card in
                Violation("the model card \(card.path) is empty or holds only headings and template text: write what the "
                            + "model is for, what it was trained and evaluated on, and where it should not be used",
                          at: card.artifact.firstLine, anchor: "empty")
            })
        }
        let folder = system.root.isEmpty ? "the repository root" : system.root
        return .evaluated([Violation(
            "system '\(system.id)' has no model card: add MODEL_CARD.md in \(folder) saying what the model is for, "
                + "what it was trained and evaluated on, and where it should not be used",
            at: context.missingAnchor, anchor: "missing", absence: true)])
    }
}
