import Documents
import Lint

/// LC-OPS-002: event logging is specified — what is logged, where the logs go, and how long they
/// are kept.
///
/// The specification is a "Logging" (or "Logs", "Event logging", "Audit log", "Record keeping")
/// section of the monitoring plan, the deployment plan, the design document or the incident
/// procedure; a dedicated document can declare itself with front matter
/// `aims: {kind: monitoring-plan}` and carry such a section.
struct EventLoggingSpecified: Rule {
    static let description = RuleDescription(
        id: "LC-OPS-002",
        title: "Event logging says what is logged, where, and for how long",
        rationale: """
            Logs are how a misbehaving AI system is reconstructed after the fact: which input, which \
            model version, which output, which human action. They only serve that purpose if the \
            events to record are chosen in advance, stored somewhere that survives the incident, and \
            kept long enough for complaints and audits to arrive, but no longer than data protection allows.
            """,
        fix: "Add a 'Logging' section to the monitoring plan: events recorded, where they are stored, retention period.",
        stage: .operationAndMonitoring, processes: [.operation], controls: ["A.6.2.8"], level: .warning,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/MONITORING.md": """
                    # Monitoring plan

                    ## Logging

                    - **What:** ticket id, model version, predicted urgency, confidence, and any agent override.
                    - **Where:** the `triage_events` table in the support warehouse.
                    - **Retention:** 13 months, then deleted.
                    """,
            ]),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/deployment-plan.md": """
                    # Deployment plan

                    ## Event logging

                    Every prediction is logged with the model version, the score and the agent's final \
                    decision. Logs are written to the central Loki instance and kept for 90 days.
                    """,
            ], note: "in sentences, in the deployment plan"),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring, marked: true),
                "services/triage/MONITORING.md": "# Monitoring plan\n\nRecall is checked daily; alert below 0.85.\n",
            ], note: "no logging section anywhere"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/MONITORING.md": """
                    # Monitoring plan

                    ↓## Logging

                    Predictions and agent overrides are logged.
                    """,
            ], note: "what, but not where or how long"),
        ])

    static let section = EvidenceField(
        "logging", keys: [.logging],
        labels: ["logging", "logs", "=log", "event log", "event logs", "event logging", "audit log", "audit logs",
                 "audit trail", "record keeping"])
    static let what = EvidenceField(
        "what", labels: ["=what", "what is logged", "events", "logged events", "fields", "logged fields", "contents",
                         "log content", "recorded"])
    static let where_ = EvidenceField(
        "where", labels: ["=where", "storage", "stored in", "=store", "location", "destination", "sink", "log store"],
        phrases: ["stored in", "written to", "sent to", "kept in", "shipped to", "stored at", "streamed to"], test: .value)
    static let storeWords = [
        "bucket", "database", "s3", "gcs", "bigquery", "elasticsearch", "opensearch", "loki", "splunk", "datadog",
        "cloudwatch", "stackdriver", "warehouse", "log store", "kafka", "blob storage", "postgres*", "snowflake",
        "table", "index",
    ]
    static let retention = EvidenceField(
        "retention", keys: [.retention],
        labels: ["retention", "retained", "kept for", "retention period", "deleted after", "purged after", "expiry", "ttl"],
        test: .value)

    static let requirements: [LifecycleRequirement] = [
        LifecycleRequirement("what", missing: "does not say what is logged",
                             hint: "list the events and fields recorded (input id, model version, output, human action)") { parts in
            let status = LifecycleEvidence.assess(what, in: parts)
            if status.isMet { return status }
            // The logging section itself, when it says anything, says what is logged.
            for part in parts where Placeholders.isSubstantive(part.allText) {
                return .met(Evidence(path: part.path, line: part.firstAnchor.line, title: "", text: part.allText, kind: .section, textWithCode: nil))
            }
            return status
        },
        .field(where_, orLine: { LifecycleText.mentions($0, storeWords) }, missing: "does not say where logs are stored",
               hint: "name the store (e.g. 'the triage_events table in the warehouse')"),
        .field(retention, orLine: { text in
            LifecycleText.mentions(text, ["retain*", "retention", "kept", "keep", "delet*", "purg*", "expir*", "stored for"])
                && LifecycleText.containsDuration(text)
        }, missing: "does not say how long logs are kept", hint: "give a retention period (e.g. '13 months, then deleted')"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = LifecycleReport.documents(context, [.monitoringPlan, .deploymentPlan, .design, .incidentResponse])
        let parts = documents.flatMap { document in
            document.headings.indices
                .filter { document.headings[$0].key == .logging || Self.section.names(document.headings[$0].label) }
                .map { document.part(under: $0) }
        }
        guard !parts.isEmpty else {
            let content = "saying what is logged, where it is stored and how long it is kept"
            if let plan = context.artifacts(.monitoringPlan).first {
                return .evaluated([LifecycleReport.missing("event logging specification", context,
                                                           advice: "add a 'Logging' section to \(plan.path) \(content)")])
            }
            return .evaluated([LifecycleReport.missing("event logging specification", context, kind: .monitoringPlan,
                                                       content: "with a 'Logging' section \(content)")])
        }
        return .evaluated(LifecycleReport.check(parts, title: "logging section", requirements: Self.requirements))
    }
}
