import Documents
import Lint

/// LC-OPS-003: an incident response procedure exists for the system, says what to do, how
/// affected people and authorities are told, and whom to contact.
struct IncidentResponseDefined: Rule {
    static let description = RuleDescription(
        id: "LC-OPS-003",
        title: "Incident response has a procedure, external communication and a contact",
        rationale: """
            When an AI system harms someone or misbehaves at scale, the first hours decide how much \
            damage is done. A written procedure (contain, investigate, fix), a plan for telling users, \
            customers and regulators, and a contact that reporters and responders can reach turn panic \
            into routine and meet reporting duties on time.
            """,
        fix: "Add incident-response.md in the system's folder with 'Procedure', 'External communication' and 'Contact' sections.",
        stage: .operationAndMonitoring, processes: [.operation, .riskManagement], controls: ["A.8.4", "A.8.3", "A.3.3"],
        level: .warning,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/INCIDENT_RESPONSE.md": """
                    # Incident response: ticket triage

                    ## Procedure

                    1. The on-call engineer switches the classifier off with the `triage_enabled` flag.
                    2. Affected tickets are re-queued by arrival time and checked by the shift lead.
                    3. A post-incident review is written within five working days.

                    ## External communication

                    Customers whose urgent tickets were delayed are informed by e-mail within 48 hours; \
                    personal-data incidents are reported to the data protection officer the same day.

                    **Contact:** ml-incidents@example.com
                    """,
            ]),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring, marked: true),
                "services/triage/MONITORING.md": "# Monitoring plan\n\nRecall is checked daily; alert below 0.85.\n",
            ], note: "no incident procedure"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/INCIDENT_RESPONSE.md": """
                    ↓# Incident response

                    ## Procedure

                    The on-call engineer switches the classifier off and re-queues affected tickets.
                    """,
            ], note: "a procedure without communication or contact"),
        ])

    static let procedure = EvidenceField(
        "procedure", keys: [.incidentResponse],
        labels: ["procedure", "=process", "steps", "response steps", "runbook", "playbook", "escalation", "=triage",
                 "response plan", "what to do", "handling", "containment"])
    static let communication = EvidenceField(
        "communication",
        labels: ["external communication", "communication", "communications", "notification", "notifications", "notify",
                 "disclosure", "=reporting", "regulators", "authorities", "customer communication", "public communication"])
    static let notifyWords = ["notif*", "inform*", "communicat*", "disclos*", "report*", "announc*", "status page", "tell", "e mail*", "email*"]
    static let audienceWords = [
        "user*", "customer*", "public", "regulator*", "authorit*", "affected", "stakeholder*", "press", "partner*",
        "data protection", "dpo", "supervisory", "client*",
    ]
    static let contact = EvidenceField(
        "contact", keys: [.contact],
        labels: ["contact", "contacts", "point of contact", "=email", "e mail", "=reach", "on call", "pager", "hotline",
                 "report to", "=channel"],
        test: .value)

    static let requirements: [LifecycleRequirement] = [
        .field(procedure, missing: "has no procedure",
               hint: "list the steps: who contains the incident, how, and how it is investigated and closed"),
        .field(communication, orLine: { LifecycleText.mentions($0, notifyWords) && LifecycleText.mentions($0, audienceWords) },
               missing: "does not say how incidents are communicated outside the team",
               hint: "say who tells affected users, customers or authorities, how, and how fast"),
        .field(contact, orLine: { $0.contains("@") || LifecycleText.mentions($0, ["pagerduty", "opsgenie"]) },
               missing: "names no contact", hint: "add a 'Contact:' line (an address, rota or channel that reaches a responder)"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.incidentResponse]) {
            return .evaluated([LifecycleReport.missing(
                "incident response procedure", context, kind: .incidentResponse,
                content: "with the response procedure, how users and authorities are informed, and a contact")])
        }
        let documents = LifecycleReport.documents(context, [.incidentResponse])
        return .evaluated(LifecycleReport.check(documents, title: "incident response procedure", requirements: Self.requirements))
    }
}
