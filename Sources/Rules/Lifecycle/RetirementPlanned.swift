import Catalog
import Documents
import Lint

/// LC-RET-001: the system has a retirement plan saying when it is retired, what happens to its
/// data, how the model is archived and how users are told.
///
/// The engine applies the rule from deployment on, since a way out is planned before going into
/// service; it is a warning until the system reaches the retirement stage, and an error there.
struct RetirementPlanned: Rule {
    static let description = RuleDescription(
        id: "LC-RET-001",
        title: "Retirement plan covers triggers, data, archival and user notification",
        rationale: """
            Systems are switched off for good reasons (a better successor, a changed law, a failed \
            review) and often in a hurry. A plan made in calm says which conditions end the system, \
            which data is kept or deleted and when, where the model and its records are archived for \
            later questions, and how the people who rely on it are told in time.
            """,
        fix: "Add retirement-plan.md in the system's folder with 'Triggers', 'Data retention and deletion', 'Archival' and 'User notification'.",
        stage: .retirement, processes: [.disposal], controls: ["A.6.2.6", "A.7.2"], level: .warning,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/RETIREMENT.md": """
                    # Retirement plan: triage classifier

                    ## Triggers

                    The classifier is retired when a re-evaluation finds recall below 0.80 for a quarter, or \
                    when the support platform replaces the queue.

                    ## Data retention and deletion

                    Prediction logs are deleted 13 months after retirement; the training data stays with the \
                    support data team under its own retention policy.

                    ## Archival

                    The final model weights, model card and V&V report are archived in the model registry for \
                    five years.

                    ## User notification

                    Agents and their team leads are informed by e-mail four weeks before the switch-off.
                    """,
            ]),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment, marked: true),
                "services/triage/deployment-plan.md": "# Deployment plan\n\nVersion triage-v3 to production.\n",
            ], note: "no retirement plan (a warning before the retirement stage)"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.retirement),
                "services/triage/RETIREMENT.md": """
                    ↓# Retirement plan

                    ## Triggers

                    The classifier is retired when the support platform replaces the queue.

                    ↓## Archival

                    TBD
                    """,
            ], note: "at the retirement stage (an error): archival empty, data and notification missing"),
        ])

    static let triggers = EvidenceField(
        "triggers", keys: [.retirementTriggers],
        labels: ["triggers", "=trigger", "retirement triggers", "retirement criteria", "when to retire", "conditions",
                 "end of life criteria", "decommissioning criteria", "exit criteria"])
    static let data = EvidenceField(
        "data", keys: [.retention],
        labels: ["data retention", "retention", "deletion", "data deletion", "data disposal", "disposal", "data handling",
                 "=data", "personal data"])
    static let archival = EvidenceField(
        "archival", labels: ["archival", "archive", "archiving", "model archival", "=artifacts", "=weights", "model weights",
                             "preservation"])
    static let notification = EvidenceField(
        "notification", labels: ["user notification", "notification", "notifications", "=communication", "communications",
                                 "=notify", "=notice", "deprecation notice", "customer communication", "=users"])

    static let requirements: [LifecycleRequirement] = [
        .field(triggers, orLine: { text in
            LifecycleText.mentions(text, ["retire*", "decommission*", "withdraw*", "replace*", "sunset*", "end of life"])
                && LifecycleText.mentions(text, ["when", "if", "once", "after", "whenever"]) && Placeholders.isSubstantive(text)
        }, missing: "names no retirement triggers", hint: "say which conditions end the system (a failed review, a successor, a legal change)"),
        .field(data, orLine: { text in
            LifecycleText.mentions(text, ["delet*", "eras*", "purg*", "destroy*", "retain*", "retention", "kept for"])
                && Placeholders.isSubstantive(text)
        }, missing: "does not say what happens to the data", hint: "say which data is kept, for how long, and what is deleted"),
        .field(archival, orLine: { LifecycleText.mentions($0, ["archiv*", "cold storage", "preserv*"]) && Placeholders.isSubstantive($0) },
               missing: "does not say how the model is archived",
               hint: "say where the final model, its card and its records are kept, and for how long"),
        .field(notification, orLine: { text in
            LifecycleText.mentions(text, ["notif*", "inform*", "announc*", "notice", "communicat*", "deprecat*", "email*", "e mail*"])
                && LifecycleText.mentions(text, ["user*", "customer*", "client*", "stakeholder*", "consumer*", "team*", "downstream", "agents"])
        }, missing: "does not say how users are told", hint: "say who is notified, how, and how long before the switch-off"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let level: Level? = context.system?.stage == .retirement ? .error : nil
        if !LifecycleReport.hasArtifact(context, [.retirementPlan]) {
            let missing = LifecycleReport.missing(
                "retirement plan", context, kind: .retirementPlan,
                content: "naming the retirement triggers, data retention and deletion, model archival and user notification")
            return .evaluated([Violation.absent(missing.message, at: missing.location, anchor: missing.anchor, level: level)])
        }
        let documents = LifecycleReport.documents(context, [.retirementPlan])
        return .evaluated(LifecycleReport.check(documents, title: "retirement plan", requirements: Self.requirements, level: level))
    }
}
