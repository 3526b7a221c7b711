import Documents
import Lint

/// LC-RISK-001: the risk assessment walks through the steps of AI risk management as ISO/IEC
/// 23894 lays them out — scope and criteria, identification, analysis (likelihood and
/// consequence), evaluation, treatment with an owner — and says when it is reviewed next.
///
/// A Markdown document with sections, a register table (`Risk | Likelihood | Impact | Level |
/// Treatment | Owner`) or a YAML risk register (`risk-register.yml`) all qualify.
struct RiskAssessmentFollowsProcess: Rule {
    static let description = RuleDescription(
        id: "LC-RISK-001",
        title: "Risk assessment covers the ISO/IEC 23894 steps",
        rationale: """
            A list of worries is not a risk assessment. Risks become manageable when the assessment \
            says what it covers and what level of risk is acceptable, names each risk, judges how \
            likely and how severe it is, decides whether it is acceptable, assigns a treatment to a \
            person, and fixes a date to look again; skipping a step leaves risks unranked or unowned.
            """,
        fix: "Give the risk assessment scope, criteria, identified risks with likelihood and consequence, evaluation, treatment, owner and a review date.",
        stage: .inception, processes: [.riskManagement], controls: ["A.5.2", "cl. 6.1.2–6.1.3"], level: .error,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/RISK_ASSESSMENT.md": """
                    # Risk assessment: ticket triage

                    ## Scope

                    The urgency classifier and the queue ordering it drives, from ticket intake to the agent view.

                    ## Risk criteria

                    Likelihood and consequence are rated low, medium or high; any risk rated high must be \
                    treated before release.

                    ## Risk register

                    | Risk | Likelihood | Consequence | Level | Treatment | Owner |
                    |---|---|---|---|---|---|
                    | Outage tickets ranked as routine | Medium | High | High | Keyword safety net for "down" and "outage" | @support-ml |
                    | Second-language tickets misranked | High | Medium | High | Add such tickets to the training data | Priya N. |

                    **Next review:** 2024-09-01
                    """,
            ]),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/risk-register.yml": """
                    scope: urgency classifier and queue ordering
                    criteria: risks rated high are treated before release
                    risks:
                      - id: R-1
                        risk: outage tickets ranked as routine
                        likelihood: medium
                        consequence: high
                        level: high
                        treatment: keyword safety net for outage words
                        owner: "@support-ml"
                    review_date: 2024-09-01
                    """,
            ], note: "a YAML risk register"),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception, marked: true),
                "services/triage/MODEL_CARD.md": "# Triage classifier\n\nRanks tickets by urgency.\n",
            ], note: "no risk assessment"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/RISK_ASSESSMENT.md": """
                    ↓# Risks

                    - Outage tickets could be ranked as routine.
                    - Tickets in a second language could be misranked.
                    """,
            ], note: "a list of risks and nothing else"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/RISK_ASSESSMENT.md": """
                    # Risk assessment: ticket triage

                    ## Scope

                    The urgency classifier and the queue ordering it drives.

                    ## Risk criteria

                    Risks rated high must be treated before release.

                    | Risk | Likelihood | Consequence | Level | Treatment | Owner |
                    |---|---|---|---|---|---|
                    | Outage tickets ranked as routine | Medium | High | High | Keyword safety net | @support-ml |

                    ↓## Review

                    TBD
                    """,
            ], note: "a review section without a date"),
        ])

    static let scope = EvidenceField("scope", keys: [.scope], labels: ["scope", "context", "system boundary", "boundaries"])
    static let criteria = EvidenceField(
        "criteria", keys: [.riskCriteria],
        labels: ["criteria", "risk appetite", "risk tolerance", "tolerance", "risk matrix", "rating scale", "scoring"])
    static let identification = EvidenceField(
        "identification", keys: [.riskIdentification],
        labels: ["=risk", "=risks", "identified risks", "risk register", "risk description", "risk id", "risk name",
                 "risk title", "hazard", "hazards", "threats", "risk sources", "risk source", "failure mode", "failure modes"])
    static let likelihood = EvidenceField("likelihood", labels: ["likelihood", "probability", "frequency", "chance"], test: .value)
    static let consequence = EvidenceField(
        "consequence", labels: ["consequence", "consequences", "=impact", "severity", "harm", "magnitude"], test: .value)
    static let evaluation = EvidenceField(
        "evaluation", keys: [.riskEvaluation],
        labels: ["evaluation", "risk level", "=level", "rating", "risk score", "=score", "priority", "acceptability",
                 "acceptable", "residual risk", "inherent risk"])
    static let treatment = EvidenceField(
        "treatment", keys: [.riskTreatment],
        labels: ["treatment", "mitigation", "mitigations", "controls", "=control", "risk response", "=response", "=action",
                 "=actions", "treatment plan"])
    static let owner = EvidenceField(
        "owner", keys: [.owner],
        labels: ["owner", "owners", "risk owner", "action owner", "accountable", "responsible party", "assigned to"],
        phrases: ["owned by", "assigned to"], test: .value)
    static let review = EvidenceField(
        "review", keys: [.review],
        labels: ["review", "next review", "review date", "review by", "reviewed", "reassessment", "re assessment",
                 "review cycle", "review frequency"],
        test: .text { LifecycleText.containsDate($0) || LifecycleText.containsCadence($0) })

    static let requirements: [LifecycleRequirement] = [
        .field(scope, missing: "does not define its scope",
               hint: "say which system, components and uses it covers"),
        .field(criteria, missing: "gives no risk criteria",
               hint: "say how risks are rated and which level is acceptable"),
        .field(identification, missing: "identifies no risks", hint: "list each risk with its source"),
        .field(likelihood, orLine: { LifecycleText.mentions($0, ["likelihood", "probability"]) && LifecycleText.hasValue($0) },
               missing: "does not rate likelihood", hint: "rate how likely each risk is"),
        .field(consequence, orLine: { LifecycleText.mentions($0, ["consequence*", "severity"]) && LifecycleText.hasValue($0) },
               missing: "does not rate consequence", hint: "rate how severe each risk's consequence would be"),
        .field(evaluation, missing: "does not evaluate the risks",
               hint: "give each risk a level and say whether it is acceptable against the criteria"),
        .field(treatment, missing: "plans no treatment", hint: "say how each unacceptable risk is treated"),
        .field(owner, missing: "names no owner for the treatments", hint: "name who carries out each treatment"),
        .field(review, orLine: {
            LifecycleText.mentions($0, ["review*", "reassess*", "revisit*"])
                && (LifecycleText.containsDate($0) || LifecycleText.containsCadence($0))
        }, missing: "sets no review date", hint: "add a 'Next review:' date (or a cadence such as 'quarterly')"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.riskAssessment]) {
            return .evaluated([LifecycleReport.missing(
                "AI risk assessment", context, kind: .riskAssessment,
                content: "covering scope and criteria, risk identification, analysis, evaluation, treatment with owners and a review date")])
        }
        let documents = LifecycleReport.documents(context, [.riskAssessment])
        return .evaluated(LifecycleReport.check(documents, title: "risk assessment", requirements: Self.requirements))
    }
}
