import Documents
import Lint

/// LC-CV-001: a system that keeps learning in operation (`continuous_learning: true`) has a
/// continuous validation plan: on which data it is re-validated, how often, against which
/// thresholds, and what triggers a rollback. The engine makes the rule not applicable to systems
/// that do not learn continuously, and to systems not yet in operation.
struct ContinuousValidationPlanned: Rule {
    static let description = RuleDescription(
        id: "LC-CV-001",
        title: "Continuously learning systems have a continuous validation plan",
        rationale: """
            A model that updates itself in operation is a new model after every update, and the \
            validation done before release says nothing about it. Re-validating each update on \
            named data, on a schedule, against fixed thresholds, with an automatic way back to the last \
            good model, keeps continuous learning from becoming continuous degradation.
            """,
        fix: "Add continuous-validation.md (in the system's folder; `aimslint init --templates` writes one) with validation data, frequency, thresholds and the rollback trigger.",
        stage: .continuousValidation, processes: [.continuousValidation], controls: ["A.6.2.6", "A.6.2.4"], level: .error,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring, continuousLearning: true),
                "services/triage/CONTINUOUS_VALIDATION.md": """
                    # Continuous validation: triage classifier

                    **Validation data:** the last 2,000 agent-corrected tickets, never used for training.
                    **Frequency:** after every nightly update.

                    ## Thresholds

                    An update is promoted only if recall on urgent tickets stays at or above 0.88.

                    ## Rollback

                    If an update fails a threshold or recall drops below 0.85 in production, the serving alias \
                    returns automatically to the last promoted model.
                    """,
            ]),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring, continuousLearning: true, marked: true),
                "services/triage/MONITORING.md": "# Monitoring plan\n\nRecall is checked daily; alert below 0.85.\n",
            ], note: "continuous learning without a plan"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.operationAndMonitoring, continuousLearning: true),
                "services/triage/CONTINUOUS_VALIDATION.md": """
                    ↓# Continuous validation

                    Each nightly update is evaluated before it is promoted.
                    """,
            ], note: "a frequency but no data, thresholds or rollback trigger"),
        ])

    static let data = EvidenceField(
        "data", keys: [.testingData, .trainingData],
        labels: ["=data", "validation data", "evaluation data", "test data", "=dataset", "datasets", "holdout", "hold out",
                 "golden set", "reference data", "benchmark", "validation set"])
    static let frequency = EvidenceField(
        "frequency", labels: ["frequency", "cadence", "schedule", "interval", "how often", "=when"], test: .value)
    static let thresholds = EvidenceField(
        "thresholds", keys: [.thresholds, .acceptanceCriteria],
        labels: ["threshold", "thresholds", "acceptance criteria", "=criteria", "pass criteria", "=gate", "gates",
                 "quality gate", "promotion criteria"],
        test: .text(LifecycleText.containsThreshold))
    static let rollback = EvidenceField(
        "rollback", keys: [.rollback],
        labels: ["rollback", "roll back", "rollback trigger", "revert", "fallback", "automatic rollback"])

    static let requirements: [LifecycleRequirement] = [
        .field(data, missing: "does not name the validation data",
               hint: "say which data each update is validated on and that it is kept out of training"),
        .field(frequency, orLine: LifecycleText.containsCadence, missing: "gives no frequency",
               hint: "say how often validation runs (e.g. 'after every nightly update')"),
        .field(thresholds, orLine: LifecycleText.containsThreshold, missing: "sets no thresholds",
               hint: "give the numbers an update must meet (e.g. 'recall on urgent tickets at or above 0.88')"),
        .field(rollback, orLine: { text in
            LifecycleText.mentions(text, ["roll back", "rollback", "revert*", "restore*", "previous model", "last good", "last promoted"])
                && Placeholders.isSubstantive(text)
        }, missing: "has no rollback trigger", hint: "say which result sends the system back to the last good model, and how"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.continuousValidationPlan]) {
            return .evaluated([LifecycleReport.missing(
                "continuous validation plan although continuous_learning is true", context, kind: .continuousValidationPlan,
                content: "naming the validation data, the frequency, the thresholds and the rollback trigger")])
        }
        let documents = LifecycleReport.documents(context, [.continuousValidationPlan])
        return .evaluated(LifecycleReport.check(documents, title: "continuous validation plan", requirements: Self.requirements))
    }
}
