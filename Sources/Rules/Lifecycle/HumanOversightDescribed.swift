import Documents
import Lint

/// LC-DEP-002: the system's human oversight is described — who can intervene, how they override
/// or stop it, and when people review what it does.
///
/// The description may be its own document (`HUMAN_OVERSIGHT.md`) or a "Human oversight" section
/// of the deployment plan (or of the monitoring plan, design document or incident procedure).
struct HumanOversightDescribed: Rule {
    static let description = RuleDescription(
        id: "LC-DEP-002",
        title: "Human oversight says who intervenes, how, and when",
        rationale: """
            Oversight is only real when a named role has the means and the occasion to step in. A \
            description that names who may intervene, how they override a decision or stop the system, \
            and which outputs people look at (and how often) can be trained for, tested and audited; \
            "a human is in the loop" cannot.
            """,
        fix: "Add human-oversight.md in the system's folder (or a 'Human oversight' section in the deployment plan) with who, how to override or stop, and when.",
        stage: .deployment, processes: [.transition, .operation], controls: ["A.9.2", "A.6.1.3"], level: .warning,
        raisedForHighRisk: true,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/HUMAN_OVERSIGHT.md": """
                    # Human oversight: ticket triage

                    **Who can intervene:** the shift lead and any support agent.

                    ## Override and stop

                    Agents can override the urgency of any ticket from the queue view; the shift lead can \
                    switch the classifier off with the `triage_enabled` feature flag, which falls back to \
                    first-come ordering.

                    ## When people review

                    Every ticket scored below 0.6 confidence goes to a person before it is queued, and the \
                    shift lead reviews a sample of 20 ranked tickets daily.
                    """,
            ]),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/deployment-plan.md": """
                    # Deployment plan

                    ## Human oversight

                    - Who: support agents and the shift lead.
                    - How: agents override a ticket's urgency in the queue view; the shift lead can disable \
                    the classifier with a feature flag.
                    - When: the shift lead reviews 20 ranked tickets every day.
                    """,
            ], note: "a section of the deployment plan"),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment, marked: true),
                "services/triage/deployment-plan.md": "# Deployment plan\n\nVersion triage-v3 to production.\n",
            ], note: "no oversight anywhere"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/HUMAN_OVERSIGHT.md": """
                    ↓# Human oversight

                    A human is in the loop.
                    """,
            ], note: "a slogan, not a description"),
        ])

    static let who = EvidenceField(
        "who", labels: ["=who", "who can intervene", "roles", "=role", "operators", "reviewers", "overseer", "overseers",
                        "oversight by", "intervention by", "responsible"],
        phrases: ["can intervene", "may intervene", "can override", "can stop"], test: .value)
    static let roleWords = [
        "operator*", "reviewer*", "moderator*", "analyst*", "agent*", "supervisor*", "clinician*", "on call",
        "team lead*", "shift lead*", "duty manager*", "staff", "engineer*", "officer*", "owner*",
    ]
    static let override = EvidenceField(
        "override", labels: ["override", "overriding", "=stop", "stopping", "kill switch", "intervention", "intervene",
                             "how to intervene", "=how", "disable", "shut down", "shutdown", "halt", "=pause", "manual mode"])
    static let overrideWords = [
        "override*", "overrul*", "stop*", "halt*", "disable*", "kill switch", "turn off", "switch off", "switches off",
        "pause*", "suspend*", "shut down", "feature flag", "veto*",
    ]
    static let review = EvidenceField(
        "review", labels: ["=when", "human review", "when people review", "review", "reviews", "review triggers",
                           "escalation", "=triggers", "sampling", "spot checks"])
    static let reviewWords = ["review*", "check*", "inspect*", "audit*", "sampl*", "approv*", "confirm*", "look at"]
    static let conditionWords = ["when", "whenever", "if", "before", "below", "above", "under", "all", "each", "every", "any"]

    static let requirements: [LifecycleRequirement] = [
        .field(who, orLine: { LifecycleText.mentions($0, roleWords) && Placeholders.isSubstantive($0) },
               missing: "does not say who can intervene", hint: "name the roles that may intervene (e.g. 'the shift lead')"),
        .field(override, orLine: { LifecycleText.mentions($0, overrideWords) && Placeholders.isSubstantive($0) },
               missing: "does not say how to override or stop the system",
               hint: "say how a person overrides a decision and how the system is stopped (e.g. a feature flag)"),
        .field(review, orLine: { text in
            LifecycleText.mentions(text, reviewWords) && Placeholders.isSubstantive(text)
                && (LifecycleText.containsCadence(text) || LifecycleText.mentions(text, conditionWords))
        }, missing: "does not say when people review the outputs",
               hint: "say which outputs people check and when (e.g. 'every ticket scored below 0.6', 'a daily sample of 20')"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let dedicated = LifecycleReport.documents(context, [.humanOversight])
        if !dedicated.isEmpty {
            return .evaluated(LifecycleReport.check(dedicated, title: "human oversight description", requirements: Self.requirements))
        }
        if LifecycleReport.hasArtifact(context, [.humanOversight]) { return .pass }
        let sections = Self.oversightSections(LifecycleReport.documents(context, [.deploymentPlan, .monitoringPlan, .design, .incidentResponse]))
        if !sections.isEmpty {
            return .evaluated(LifecycleReport.check(sections, title: "human oversight section", requirements: Self.requirements))
        }
        return .evaluated([LifecycleReport.missing(
            "description of human oversight", context, kind: .humanOversight,
            content: "(or a 'Human oversight' section in the deployment plan) saying who can intervene, how to override or stop the system, and when people review its outputs")])
    }

    static let sectionField = EvidenceField(
        "human-oversight", keys: [.humanOversight],
        labels: ["human oversight", "human in the loop", "oversight", "human review", "human control"])

    /// "Human oversight" sections of other documents, each as a document of its own.
    static func oversightSections(_ documents: [LifecycleDocument]) -> [LifecycleDocument] {
        documents.flatMap { document in
            document.headings.indices
                .filter { index in
                    let heading = document.headings[index]
                    return heading.key == .humanOversight || sectionField.names(heading.label)
                }
                .map { document.part(under: $0) }
        }
    }
}
