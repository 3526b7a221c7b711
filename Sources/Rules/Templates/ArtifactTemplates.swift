import Catalog
import Lint

/// Our own template documents for `aimslint init --templates`. Every answer is a placeholder
/// (`[More Information Needed]`) under the headings and `**Label:**` lines the rules read, with
/// guidance in HTML comments (never linted): an untouched template fails MC-008 and its life
/// cycle rule, and the same template with every placeholder answered passes (the documents under
/// fixtures/lifecycle are filled-in versions of these templates).
public enum ArtifactTemplates {
    /// Every template, for tests and `init`.
    public static func allTemplates(system: String) -> [Template] { all(system: system) }

    public struct Template: Sendable {
        public let kind: ArtifactKind
        public let fileName: String
        public let stage: LifecycleStage
        public let text: String
    }

    static let todo = "[More Information Needed]"

    /// The one file-name convention of aimslint: what `init --templates` writes and what every
    /// message and fix line names. Model card `MODEL_CARD.md`; life cycle documents in lower
    /// kebab case (`impact-assessment.md`); review records dated under `reviews/`.
    public static func fileName(for kind: ArtifactKind) -> String {
        switch kind {
        case .reviewRecord: "reviews/YYYY-MM-DD.md"
        case .datasetCard: "DATASET_CARD.md"
        case .datasheet: "DATASHEET.md"
        case .croissant: "croissant.json"
        default: all(system: "").first { $0.kind == kind }?.fileName ?? "\(kind.rawValue).md"
        }
    }

    /// The folder a system's documents go in: its root, or `docs/ai/ID` (which aimslint also
    /// reads as the system's own) for a system at the repository root or one whose root other
    /// systems share (several cards in one folder), where one file name would serve two systems.
    public static func folder(system: String, root: String, shared: Bool = false) -> String {
        root.isEmpty || shared ? "docs/ai/\(system)" : root
    }

    /// Where a new document of `kind` for the system goes, by the convention above.
    public static func suggestedPath(for kind: ArtifactKind, system: String, root: String, shared: Bool = false) -> String {
        folder(system: system, root: root, shared: shared) + "/" + fileName(for: kind)
    }

    /// The templates a system at `stage` needs (cumulative, SPEC §5). The continuous validation
    /// plan is only for systems that learn continuously.
    public static func templates(upTo stage: LifecycleStage, system: String, continuousLearning: Bool = false) -> [Template] {
        all(system: system).filter { template in
            if template.kind == .continuousValidationPlan && !continuousLearning { return false }
            if template.kind == .retirementPlan { return stage.order >= LifecycleStage.deployment.order }
            return template.stage.order <= stage.order
        }
    }

    static func all(system: String) -> [Template] {
        [
            Template(kind: .modelCard, fileName: "MODEL_CARD.md", stage: .inception, text: modelCard(system)),
            Template(kind: .impactAssessment, fileName: "impact-assessment.md", stage: .inception, text: """
                # AI system impact assessment: \(system)

                **Owner:** \(todo)
                **Assessed:** \(todo)

                ## Affected individuals and groups

                <!-- Who is affected by the system's outputs, how, and which groups may be affected differently. -->
                \(todo)

                ## Societal impact

                <!-- Effects beyond individuals: access to services, the environment, public trust. -->
                \(todo)

                """),
            Template(kind: .riskAssessment, fileName: "risk-assessment.md", stage: .inception, text: """
                # Risk assessment: \(system)

                **Owner:** \(todo)
                **Next review:** \(todo)

                ## Scope

                \(todo)

                ## Risk criteria

                <!-- How likelihood and consequence are rated, and which levels must be treated before release. -->
                \(todo)

                ## Risk register

                | Id | Risk | Likelihood | Consequence | Level | Treatment | Owner |
                |---|---|---|---|---|---|---|
                | R-1 | \(todo) | \(todo) | \(todo) | \(todo) | \(todo) | \(todo) |

                """),
            Template(kind: .requirements, fileName: "requirements.md", stage: .inception, text: """
                # Requirements: \(system)

                <!-- One row per requirement; each acceptance criterion is measurable (a number and a unit). -->

                | Id | Requirement | Acceptance criterion |
                |---|---|---|
                | REQ-1 | \(todo) | \(todo) |

                """),
            Template(kind: .design, fileName: "design.md", stage: .designAndDevelopment, text: """
                # Design: \(system)

                **Model type:** \(todo)
                **Algorithm:** \(todo)

                ## Components

                \(todo)

                ## Design decisions

                | Decision | Rationale |
                |---|---|
                | \(todo) | \(todo) |

                """),
            Template(kind: .vvReport, fileName: "vv-report.md", stage: .verificationAndValidation, text: """
                # Verification and validation report: \(system)

                **Model version:** \(todo)
                **Test data:** \(todo)

                ## Results

                | Requirement | Measure | Threshold | Result | Verdict |
                |---|---|---|---|---|
                | \(todo) | \(todo) | \(todo) | \(todo) | \(todo) |

                ## Sign-off

                <!-- Who approved the release against the requirements, and when. -->
                \(todo)

                """),
            Template(kind: .deploymentPlan, fileName: "deployment-plan.md", stage: .deployment, text: """
                # Deployment plan: \(system)

                - **Version:** \(todo)
                - **Environment:** \(todo)
                - **Approved by:** \(todo)

                ## Release steps

                \(todo)

                ## Rollback

                \(todo)

                """),
            Template(kind: .humanOversight, fileName: "human-oversight.md", stage: .deployment, text: """
                # Human oversight: \(system)

                **Who can intervene:** \(todo)

                ## Override and stop

                \(todo)

                ## When people review

                \(todo)

                """),
            Template(kind: .retirementPlan, fileName: "retirement-plan.md", stage: .retirement, text: """
                # Retirement plan: \(system)

                ## Triggers

                \(todo)

                ## Data retention and deletion

                \(todo)

                ## Archival

                \(todo)

                ## User notification

                \(todo)

                """),
            Template(kind: .monitoringPlan, fileName: "monitoring-plan.md", stage: .operationAndMonitoring, text: """
                # Monitoring plan: \(system)

                ## Monitoring

                **Owner:** \(todo)
                **Cadence:** \(todo)

                | Metric | Alert when |
                |---|---|
                | \(todo) | \(todo) |

                ## Logging

                - **What:** \(todo)
                - **Where:** \(todo)
                - **Retention:** \(todo)

                """),
            Template(kind: .incidentResponse, fileName: "incident-response.md", stage: .operationAndMonitoring, text: """
                # Incident response: \(system)

                **Contact:** \(todo)

                ## Procedure

                \(todo)

                ## External communication

                \(todo)

                """),
            Template(kind: .continuousValidationPlan, fileName: "continuous-validation.md", stage: .continuousValidation, text: """
                # Continuous validation: \(system)

                **Validation data:** \(todo)
                **Frequency:** \(todo)

                ## Thresholds

                \(todo)

                ## Rollback

                \(todo)

                """),
            Template(kind: .reviewRecord, fileName: "reviews/review-template.md", stage: .reEvaluation, text: """
                # Review: \(system)

                **Date:** \(todo)
                **Reviewers:** \(todo)

                ## What was checked

                \(todo)

                ## Decision

                \(todo)

                """),
        ]
    }

    static func modelCard(_ system: String) -> String {
        """
        # Model card: \(system)

        ## Model Details

        - **Model version:** \(todo)
        - **Model type:** \(todo)

        ## Intended Use

        <!-- Who uses the model, for what, and in which setting. -->
        \(todo)

        ## Why AI

        <!-- Why a learned model rather than rules or a manual process. -->
        \(todo)

        ## Out-of-Scope Use

        \(todo)

        ## Training Data

        <!-- Each dataset with a link, a Hub id or a path to its datasheet. -->
        \(todo)

        ## Evaluation

        | Metric | Value | Test data |
        |---|---|---|
        | \(todo) | \(todo) | \(todo) |

        ## Bias, Risks, and Limitations

        \(todo)

        ## How to Get Started

        \(todo)

        ## Transparency notice

        \(todo)

        ## License

        \(todo)

        """
    }
}
