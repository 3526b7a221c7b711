import Lint

/// AIMS-001: the `.aims/` policy files must be valid; every problem names its line and column.
struct ConfigValid: Rule {
    static let description = RuleDescription(
        id: "AIMS-001",
        title: "Policy files under .aims/ are valid",
        rationale: """
            The policy decides which systems exist, at which life cycle stage, and which rules apply. \
            A typo there silently changes what is checked, so aimslint refuses to guess: unknown keys, \
            unknown rule ids, unknown stages and paths outside the repository are errors, never ignored.
            """,
        fix: "Correct the key or value at the reported line; `aimslint rules` lists rule ids and SPEC §3 the keys.",
        stage: nil, processes: [], controls: [], level: .error, scope: [.repository],
        passing: [Example([
            ".aims/config.yml": """
                version: 1
                systems:
                  - id: ranker
                    root: models/ranker
                    stage: inception
                """,
            "models/ranker/MODEL_CARD.md": "# Ranker\n",
        ])],
        failing: [Example([
            ".aims/config.yml": """
                version: 1
                systems:
                  - id: ranker
                    root: models/ranker
                    ↓stage: golive
                ↓colour: blue
                """,
            "models/ranker/MODEL_CARD.md": "# Ranker\n",
        ])])

    func evaluate(_ context: RuleContext) -> Evaluation {
        .evaluated(context.project.policy.problems.map { problem in
            Violation(problem.message, at: problem.location, anchor: "config:\(problem.message)")
        })
    }
}
