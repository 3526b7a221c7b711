import Documents
import Lint

/// LC-INC-002: the system has an AI system impact assessment that is dated, looks at the effect
/// on individuals or groups and on society, and names who owns it.
struct ImpactAssessmentComplete: Rule {
    static let description = RuleDescription(
        id: "LC-INC-002",
        title: "Impact assessment is dated, covers people and society, and has an owner",
        rationale: """
            An impact assessment asks what the system could do to the people it touches and to society \
            at large, before anyone is affected. Without a date nobody can tell whether it predates the \
            current system; without both scopes it misses either the person wrongly refused or the \
            effect at scale; without an owner nobody is answerable for keeping it true.
            """,
        fix: "Add impact-assessment.md (in the system's folder; `aimslint init --templates` writes one) with a date, 'Affected individuals and groups', 'Societal impact' and 'Owner'.",
        stage: .inception, processes: [.riskManagement], controls: ["A.5.2–A.5.5"], level: .error,
        raisedForHighRisk: true,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "docs/ai/triage/impact-assessment.md": """
                    # Impact assessment: ticket triage

                    **Owner:** Priya Natarajan (support operations)
                    **Assessed:** 2024-03-04

                    ## Affected individuals and groups

                    Customers whose tickets are ranked too low wait longer for help; customers writing in a \
                    second language are more likely to be misranked.

                    ## Societal impact

                    Little at society scale: the system only orders a queue, and every ticket is still answered \
                    by a person.
                    """,
            ], note: "sections plus labelled lines"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/IMPACT_ASSESSMENT.md": """
                    # Impact assessment (March 2024)

                    | Affected group | Impact | Severity |
                    |---|---|---|
                    | Customers with outages | Delay if misranked as routine | High |
                    | Society | Negligible: ordering of a private support queue | Low |

                    The assessment is owned by @support-ml.
                    """,
            ], note: "a table and an 'owned by' sentence"),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception, marked: true),
                "services/triage/MODEL_CARD.md": "# Triage classifier\n\nRanks tickets by urgency.\n",
            ], note: "no impact assessment"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "docs/ai/triage/impact-assessment.md": """
                    ↓# Impact assessment: ticket triage

                    ## Affected individuals and groups

                    Customers whose tickets are ranked too low wait longer for help.
                    """,
            ], note: "no date, no society, no owner"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "docs/ai/triage/impact-assessment.md": """
                    # Impact assessment: ticket triage

                    ↓**Owner:** TBD
                    **Assessed:** 2024-03-04

                    ## Affected individuals and groups

                    Customers whose tickets are ranked too low wait longer for help.

                    ↓## Societal impact

                    [More Information Needed]
                    """,
            ], note: "template filler in the owner line and the society section"),
        ])

    static let individuals = EvidenceField(
        "individuals", keys: [.stakeholders],
        labels: ["individuals", "individual", "groups", "group", "affected people", "people", "persons", "users",
                 "ai subjects", "data subjects", "subjects", "stakeholders", "affected parties", "customers", "employees",
                 "patients"])

    static let society = EvidenceField(
        "society", labels: ["society", "societal", "social", "community", "communities", "public", "wider impact",
                            "environment", "environmental"])

    static let owner = EvidenceField(
        "owner", keys: [.owner, .approval],
        labels: ["owner", "owned by", "accountable", "responsible party", "assessor", "assessed by", "prepared by",
                 "approved by", "approver", "author", "authors"],
        phrases: ["owned by", "prepared by", "approved by", "assessed by"], test: .value)

    static let requirements: [LifecycleRequirement] = [
        LifecycleFields.dated,
        .field(individuals, missing: "does not cover affected individuals or groups",
               hint: "describe who is affected and how (users, people the outputs are about, vulnerable groups)"),
        .field(society, missing: "does not cover society",
               hint: "describe effects at scale (on communities, the public, the environment), even if judged small"),
        .field(owner, missing: "names no owner", hint: "add an 'Owner:' line naming who answers for the assessment"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.impactAssessment]) {
            return .evaluated([LifecycleReport.missing(
                "AI system impact assessment", context, kind: .impactAssessment,
                content: "that is dated, covers affected individuals or groups and society, and names an owner")])
        }
        let documents = LifecycleReport.documents(context, [.impactAssessment])
        return .evaluated(LifecycleReport.check(documents, title: "impact assessment", requirements: Self.requirements))
    }
}
