import Lint

/// AIMS-002: an expired waiver stops suppressing and becomes a finding itself.
struct WaiverExpired: Rule {
    static let description = RuleDescription(
        id: "AIMS-002",
        title: "Waivers have not expired",
        rationale: """
            A waiver is a dated promise: someone accepted a gap for a while and said why. When the \
            date passes, the gap is back in scope, so the waiver no longer hides the finding and the \
            expiry itself is reported until someone renews the waiver or fixes the problem.
            """,
        fix: "Fix the waived finding and delete the waiver, or renew `expires` with an up-to-date reason.",
        stage: nil, processes: [], controls: [], level: .error, scope: [.repository],
        passing: [Example([
            ".aims/waivers.yml": """
                waivers:
                  - rule: AIMS-005
                    path: "models/ranker/**"
                    reason: "The card is being rewritten by the vendor; their export breaks the front matter."
                    owner: "@ml-governance"
                    expires: 2999-12-31
                """,
            "models/ranker/MODEL_CARD.md": "---\nlicense: mit\n  tags: [a\n---\n# Ranker\n",
        ])],
        failing: [Example([
            ".aims/waivers.yml": """
                waivers:
                ↓  - rule: AIMS-005
                    path: "models/ranker/**"
                    reason: "The card is being rewritten by the vendor; their export breaks the front matter."
                    owner: "@ml-governance"
                    expires: 2020-01-31
                """,
            "models/ranker/MODEL_CARD.md": "# Ranker\n\n## Intended use\n\nRanks help articles for the search box of the support site.\n",
        ])])

    /// The work happens after all rules ran (`SuppressionPass` in Lint), because expiry is judged
    /// against the findings a waiver would have hidden.
    func evaluate(_ context: RuleContext) -> Evaluation { .pass }
}
