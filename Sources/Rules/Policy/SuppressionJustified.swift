import Lint

/// AIMS-003: every suppression says why (and a waiver says who owns it).
struct SuppressionJustified: Rule {
    static let description = RuleDescription(
        id: "AIMS-003",
        title: "Suppressions give a reason and an owner",
        rationale: """
            An auditor reading a suppressed finding needs to know why the gap was accepted and who \
            answers for it. A suppression without a reason (or a waiver without an owner) does not \
            apply at all, and is reported so that it is either justified or removed.
            """,
        fix: "Add reason=\"…\" to the comment, or `reason:` and `owner:` to the waiver.",
        stage: nil, processes: [], controls: [], level: .error, scope: [.repository],
        passing: [Example([
            "models/ranker/MODEL_CARD.md": """
                # Ranker

                <!-- aimslint-disable AIMS-005 reason="The vendor export breaks the front matter; fixed in their next release." -->

                ## Intended use

                Ranks help articles for the search box of the support site.
                """,
        ])],
        failing: [Example([
            "models/ranker/MODEL_CARD.md": """
                # Ranker

                ↓<!-- aimslint-disable AIMS-005 -->

                ## Intended use

                Ranks help articles for the search box of the support site.
                """,
        ], note: "inline suppression without a reason"), Example([
            ".aims/waivers.yml": """
                waivers:
                ↓  - rule: AIMS-005
                    system: ranker
                    reason: "Agreed with legal."
                    expires: 2999-12-31
                """,
            "models/ranker/MODEL_CARD.md": "# Ranker\n\n## Intended use\n\nRanks help articles for the search box of the support site.\n",
        ], note: "waiver without an owner")])

    /// Judged by `SuppressionPass` after all rules ran.
    func evaluate(_ context: RuleContext) -> Evaluation { .pass }
}
