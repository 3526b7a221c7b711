/// The kinds of governance document aimslint recognises (SPEC §4).
public enum ArtifactKind: String, Sendable, Codable, CaseIterable, Comparable {
    case modelCard = "model-card"
    case datasetCard = "dataset-card"
    case datasheet
    case croissant
    case impactAssessment = "impact-assessment"
    case riskAssessment = "risk-assessment"
    case requirements
    case design
    case vvReport = "vv-report"
    case deploymentPlan = "deployment-plan"
    case humanOversight = "human-oversight"
    case monitoringPlan = "monitoring-plan"
    case incidentResponse = "incident-response"
    case continuousValidationPlan = "continuous-validation-plan"
    case reviewRecord = "review-record"
    case retirementPlan = "retirement-plan"

    public static func < (lhs: ArtifactKind, rhs: ArtifactKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Dataset documentation: what DS rules read.
    public var documentsDataset: Bool { self == .datasetCard || self == .datasheet || self == .croissant }

    /// A human title for messages ("model card", "V&V report").
    public var title: String {
        switch self {
        case .modelCard: "model card"
        case .datasetCard: "dataset card"
        case .datasheet: "datasheet"
        case .croissant: "Croissant file"
        case .impactAssessment: "impact assessment"
        case .riskAssessment: "risk assessment"
        case .requirements: "requirements specification"
        case .design: "design document"
        case .vvReport: "verification and validation report"
        case .deploymentPlan: "deployment plan"
        case .humanOversight: "human oversight description"
        case .monitoringPlan: "monitoring plan"
        case .incidentResponse: "incident response procedure"
        case .continuousValidationPlan: "continuous validation plan"
        case .reviewRecord: "review record"
        case .retirementPlan: "retirement plan"
        }
    }
}
