import Documents
import Lint

/// LC-OPS-001: the monitoring plan names at least one metric with a numeric threshold, watches
/// for drift, and says who owns the monitoring and how often it runs.
///
/// A threshold is a number set against a limit in a line ("macro F1 below 0.85 for 3 days",
/// "PSI > 0.2") or a numeric cell in a "Threshold" / "Alert when" column.
struct MonitoringPlanComplete: Rule {
    static let description = RuleDescription(
        id: "LC-OPS-001",
        title: "Monitoring plan has metrics with thresholds, drift, an owner and a cadence",
        rationale: """
            Models degrade silently as the world they were trained on moves. A monitoring plan earns its \
            name when it says which performance and drift measures are watched, the number at which \
            someone must act, who that someone is, and how often the measures are taken; a dashboard \
            nobody owns and no threshold defines is not monitoring.
            """,
        fix: "In monitoring-plan.md, tabulate each metric with its threshold, and add 'Owner' and 'Cadence' lines.",
        stage: .operationAndMonitoring, processes: [.operation, .measurement], controls: ["A.6.2.6"], level: .error,
        raisedForHighRisk: true,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/MONITORING.md": """
                    # Monitoring plan: triage classifier

                    **Owner:** @support-ml (on-call rotation)
                    **Cadence:** metrics computed hourly, reviewed weekly

                    | Metric | Alert when |
                    |---|---|
                    | Recall on urgent tickets (agent-corrected sample) | below 0.85 for 3 days |
                    | Input drift: population stability index of ticket length | above 0.2 |
                    """,
            ]),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/MONITORING.md": """
                    # Monitoring

                    The ML platform team owns this plan. Every night a job compares yesterday's scores with the \
                    training distribution and pages the on-call engineer when the KL divergence exceeds 0.1 \
                    or when macro F1 on the labelled sample falls below 0.8.

                    Owned by @ml-platform.
                    """,
            ], note: "everything in sentences"),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring, marked: true),
                "services/triage/deployment-plan.md": "# Deployment plan\n\nVersion triage-v3 to production.\n",
            ], note: "no monitoring plan"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/MONITORING.md": """
                    ↓# Monitoring plan

                    We keep an eye on accuracy and drift on the team dashboard.
                    """,
            ], note: "no threshold, owner or cadence"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring),
                "services/triage/MONITORING.md": """
                    # Monitoring plan

                    ↓**Owner:** <team>
                    **Cadence:** daily

                    ↓## Thresholds

                    | Metric | Threshold |
                    |---|---|
                    | Recall on urgent tickets | TBD |
                    | Input drift | TBD |
                    """,
            ], note: "a template with the numbers left out"),
        ])

    static let thresholdColumns = EvidenceField(
        "threshold", keys: [.thresholds],
        labels: ["threshold", "thresholds", "alert", "alert when", "alert threshold", "trigger", "limit", "bound", "slo",
                 "target", "tolerance", "acceptable range", "action level"])
    static let metrics = EvidenceField("metrics", keys: [.metrics], labels: ["metric", "metrics", "signals", "indicators"])
    static let driftWords = [
        "drift*", "distribution shift", "data shift", "covariate shift", "concept shift", "population stability", "psi",
        "kl divergence", "js divergence", "jensen shannon", "wasserstein", "ks test", "kolmogorov*", "chi square",
    ]
    static let cadence = EvidenceField(
        "cadence", labels: ["cadence", "frequency", "schedule", "interval", "how often", "review cadence", "check frequency",
                            "evaluation window", "=window", "=period"],
        test: .value)

    /// A numeric threshold in a threshold column or in any line; else inadequate at a thresholds or
    /// metrics section that exists.
    static let threshold = LifecycleRequirement(
        "threshold", missing: "names no metric with a threshold",
        hint: "give each metric the number at which someone acts (e.g. 'macro F1 below 0.85 for 3 days')"
    ) { documents in
        for document in documents {
            if let column = document.columns.first(where: { thresholdColumns.names($0.label) && $0.cells.contains(where: LifecycleText.hasNumber) }) {
                return .met(Evidence(path: document.path, line: column.line, title: column.title, text: "", kind: .column, textWithCode: nil))
            }
        }
        if let line = LifecycleEvidence.line(in: documents, where: LifecycleText.containsThreshold) { return .met(line) }
        let places = LifecycleEvidence.find(thresholdColumns, in: documents) + LifecycleEvidence.find(metrics, in: documents)
        if let first = places.sorted(by: { ($0.path, $0.line) < ($1.path, $1.line) }).first { return .inadequate(first) }
        return .absent
    }

    static let requirements: [LifecycleRequirement] = [
        threshold,
        LifecycleRequirement("drift", missing: "does not watch for drift",
                             hint: "add a data or concept drift measure with its threshold (e.g. 'population stability index above 0.2')") {
            LifecycleEvidence.line(in: $0, where: { LifecycleText.mentions($0, driftWords) }).map(FieldStatus.met) ?? .absent
        },
        .field(LifecycleFields.owner, missing: "names no owner", hint: "add an 'Owner:' line naming the person or team who acts on alerts"),
        .field(cadence, orLine: LifecycleText.containsCadence, missing: "gives no cadence",
               hint: "say how often the metrics are computed and reviewed (e.g. 'hourly', 'every Monday')"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.monitoringPlan]) {
            return .evaluated([LifecycleReport.missing(
                "monitoring plan", context, kind: .monitoringPlan,
                content: "naming performance and drift metrics with thresholds, an owner and a cadence")])
        }
        let documents = LifecycleReport.documents(context, [.monitoringPlan])
        return .evaluated(LifecycleReport.check(documents, title: "monitoring plan", requirements: Self.requirements))
    }
}
