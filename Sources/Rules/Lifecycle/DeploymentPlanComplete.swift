import Documents
import Lint

/// LC-DEP-001: the deployment plan (or record) says which version goes out, to which
/// environment, who approved it, and how to roll it back.
struct DeploymentPlanComplete: Rule {
    static let description = RuleDescription(
        id: "LC-DEP-001",
        title: "Deployment plan names version, environment, approval and rollback",
        rationale: """
            Deployment is where a validated model meets real users, so the plan must tie the release \
            to the version that was validated, say where it runs, show that someone accountable let it \
            go, and keep a way back. A release without a rollback path turns the first bad day in \
            production into an outage.
            """,
        fix: "Add 'Version', 'Environment', 'Approved by' and a 'Rollback' procedure to deployment-plan.md in the system's folder.",
        stage: .deployment, processes: [.transition], controls: ["A.6.2.5"], level: .warning,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/deployment-plan.md": """
                    # Deployment plan: triage classifier

                    - **Version:** triage-v3 (commit 4e1f9a2c), the version validated in vv-report.md
                    - **Environment:** production Kubernetes cluster, EU region, behind the ticket API
                    - **Approved by:** Dana Lee, 2024-05-03

                    ## Rollback

                    Re-point the serving alias to triage-v2 with `make rollback`; the previous image stays \
                    warm for 14 days after each release.
                    """,
            ]),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment, marked: true),
                "services/triage/MODEL_CARD.md": "# Triage classifier\n\nRanks tickets by urgency.\n",
            ], note: "no deployment plan"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/deployment-plan.md": """
                    ↓# Deployment plan

                    - **Version:** triage-v3
                    - **Environment:** production Kubernetes cluster
                    """,
            ], note: "no approval and no rollback"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.deployment),
                "services/triage/deployment-plan.md": """
                    # Deployment plan

                    - **Version:** triage-v3
                    - **Environment:** production Kubernetes cluster
                    - **Approved by:** Dana Lee

                    ↓## Rollback

                    TODO
                    """,
            ], note: "a rollback heading with nothing under it"),
        ])

    static let version = EvidenceField(
        "version", labels: ["version", "model version", "deployed version", "=release", "artifact", "image", "=tag",
                            "commit", "revision", "=build", "checkpoint"],
        test: .value)
    static let environment = EvidenceField(
        "environment", keys: [.environment],
        labels: ["environment", "environments", "=target", "platform", "infrastructure", "cluster", "region", "hosting",
                 "runtime", "deployed to", "serving", "=where"],
        phrases: ["deployed to", "runs on", "hosted on", "served from"], test: .value)
    static let environmentWords = [
        "production", "staging", "kubernetes", "k8s", "aws", "gcp", "azure", "sagemaker", "vertex ai", "on premises",
        "on prem", "cloud run", "lambda", "edge devices", "data centre", "data center",
    ]
    static let rollback = EvidenceField(
        "rollback", keys: [.rollback],
        labels: ["rollback", "roll back", "rollback plan", "fallback", "revert", "back out", "backout", "rollback procedure"])

    static let requirements: [LifecycleRequirement] = [
        .field(version, orLine: LifecycleText.containsVersion, missing: "does not name the version deployed",
               hint: "say which model version or commit is released (the one the V&V report validated)"),
        .field(environment, orLine: { LifecycleText.mentions($0, environmentWords) }, missing: "names no environment",
               hint: "say where the system runs (e.g. 'production cluster, EU region')"),
        .field(LifecycleFields.approval, missing: "records no approval",
               hint: "add an 'Approved by:' line naming who let the release go"),
        .field(rollback, orLine: {
            LifecycleText.mentions($0, ["roll back", "rollback", "revert*", "previous version", "previous model"])
                && Placeholders.isSubstantive($0)
        }, missing: "has no rollback procedure", hint: "say how to return to the previous version, and who decides"),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.deploymentPlan]) {
            return .evaluated([LifecycleReport.missing(
                "deployment plan", context, kind: .deploymentPlan,
                content: "naming the version deployed, the environment, the approval and the rollback procedure")])
        }
        let documents = LifecycleReport.documents(context, [.deploymentPlan])
        return .evaluated(LifecycleReport.check(documents, title: "deployment plan", requirements: Self.requirements))
    }
}
