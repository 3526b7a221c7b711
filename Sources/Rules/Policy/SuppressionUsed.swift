import Lint

/// AIMS-004: a suppression that matches nothing is stale and should go.
struct SuppressionUsed: Rule {
    static let description = RuleDescription(
        id: "AIMS-004",
        title: "Suppressions match a finding",
        rationale: """
            A suppression that no longer matches anything is dead weight, and a dangerous one: it \
            will silently hide the next, unrelated problem of the same rule. Stale inline comments \
            and waivers are reported so that the policy only says what is still true.
            """,
        fix: "Delete the suppression or waiver; the finding it was written for is gone.",
        stage: nil, processes: [], controls: [], level: .warning, scope: [.repository],
        passing: [Example([
            "models/ranker/MODEL_CARD.md": """
                ---
                license: mit
                  tags: [a
                ---
                # Ranker

                <!-- aimslint-disable AIMS-005 reason="The vendor export breaks the front matter." -->

                ## Intended use

                Ranks help articles for the search box of the support site.
                """,
        ])],
        failing: [Example([
            "models/ranker/MODEL_CARD.md": """
                # Ranker

                ↓<!-- aimslint-disable AIMS-005 reason="The vendor export breaks the front matter." -->

                ## Intended use

                Ranks help articles for the search box of the support site.
                """,
        ], note: "inline suppression with nothing to suppress"), Example([
            ".aims/waivers.yml": """
                waivers:
                ↓  - rule: AIMS-005
                    path: "models/ranker/**"
                    reason: "The card is being converted."
                    owner: "@ml-governance"
                    expires: 2999-12-31
                """,
            "models/ranker/MODEL_CARD.md": "# Ranker\n\n## Intended use\n\nRanks help articles for the search box of the support site.\n",
        ], note: "waiver that matches nothing")])

    /// Judged by `SuppressionPass` after all rules ran.
    func evaluate(_ context: RuleContext) -> Evaluation { .pass }
}
