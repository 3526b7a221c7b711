import Documents
import Lint

/// LC-DEP-003: people who use the system get instructions for use and a transparency notice
/// (that they deal with an AI system, what it does, and what it cannot be relied on for).
///
/// Looked for in the model card ("How to Get Started", "Usage" plus a "Transparency notice",
/// "Information for users" or "Recommendations" section), in the deployment plan, or in the
/// human oversight description. aimslint has no separate artifact kind for a user guide yet;
/// a dedicated document can declare itself with front matter `aims: {kind: deployment-plan}`.
struct UserInformationProvided: Rule {
    static let description = RuleDescription(
        id: "LC-DEP-003",
        title: "Users get instructions for use and a transparency notice",
        rationale: """
            People can only use a system as intended, and weigh its outputs properly, when they are \
            told how to use it, that its outputs come from an AI system, and where it is known to fail. \
            Instructions without a notice invite overreliance; a notice without instructions invites misuse.
            """,
        fix: "Add 'How to get started' and 'Transparency notice' sections to the model card (or the deployment plan).",
        stage: .deployment, processes: [.transition], controls: ["A.8.2", "A.8.5"], level: .warning,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/MODEL_CARD.md": """
                    # Triage classifier

                    ## How to Get Started

                    ```python
                    from triage import rank
                    rank("Our whole site is down since 9:00")
                    ```

                    ## Transparency notice

                    Agents see a "ranked by AI" badge on every ticket the classifier ordered; the badge links \
                    to this card and to the known weaknesses with short or non-English tickets.
                    """,
            ]),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment, marked: true),
                "services/triage/MODEL_CARD.md": "# Triage classifier\n\n## Intended Use\n\nRanks tickets by urgency for support agents.\n",
            ], note: "neither instructions nor a notice"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/MODEL_CARD.md": """
                    # Triage classifier

                    ## How to Get Started

                    Call `rank(text)` with the ticket body; it returns urgent, normal or low.

                    ↓## Transparency notice

                    [More Information Needed]
                    """,
            ], note: "an empty notice"),
        ])

    static let instructions = EvidenceField(
        "instructions", keys: [.gettingStarted],
        labels: ["instructions for use", "=instructions", "user instructions", "user guide", "how to use", "usage",
                 "getting started", "operating instructions", "using the system"],
        test: .statementOrCode)
    static let transparency = EvidenceField(
        "transparency", keys: [.recommendations, .caveatsAndRecommendations],
        labels: ["transparency", "transparency notice", "ai disclosure", "disclosure", "notice to users", "user notice",
                 "information for users", "=notice", "limitations for users", "what users should know",
                 "user facing limitations"])

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = LifecycleReport.documents(context, [.modelCard, .deploymentPlan, .humanOversight])
        let instructions = LifecycleEvidence.assess(Self.instructions, in: documents)
        let notice = LifecycleEvidence.assess(Self.transparency, in: documents)
        if case .absent = instructions, case .absent = notice {
            let sections = "'How to get started' (instructions for use) and 'Transparency notice' sections"
            if let card = context.modelCards.first {
                return .evaluated([LifecycleReport.missing("information for users", context, advice: "add \(sections) to \(card.path)")])
            }
            return .evaluated([LifecycleReport.missing(
                "information for users", context, kind: .modelCard,
                content: "with \(sections), or add them to the deployment plan")])
        }
        var violations: [Violation] = []
        let hints = [
            "instructions": "say how to use the system and what its outputs mean",
            "transparency": "tell users they deal with an AI system, what it does and where it is known to fail",
        ]
        var found: Evidence?
        for (name, status) in [("instructions", instructions), ("transparency", notice)] {
            if case .met(let evidence) = status { found = found ?? evidence }
            if case .inadequate(let evidence) = status {
                found = found ?? evidence
                violations.append(.absent(
                    "the '\(evidence.title)' \(evidence.kind == .section ? "section" : "line") is empty or only a placeholder: \(hints[name] ?? "")",
                    at: evidence.anchor, anchor: "section:\(name)"))
            }
        }
        for (name, status, title) in [("instructions", instructions, "instructions for use"), ("transparency", notice, "transparency notice")] {
            guard case .absent = status, let found else { continue }
            violations.append(.absent(
                "users get no \(title): add a '\(name == "instructions" ? "How to get started" : "Transparency notice")' section that \(hints[name] ?? "")",
                at: Anchor(path: found.path, line: 1), anchor: "missing:\(name)"))
        }
        return .evaluated(violations)
    }
}
