/// The AI system life cycle stages of ISO/IEC 22989 (clause 6.2), in the order the standard
/// presents them.
///
/// The order is a reading order, not a strict sequence: re-evaluation can send work back to
/// inception, and continuous validation runs beside operation (and only applies to systems that
/// keep learning in operation). Raw values are the slugs used in `.aims/config.yml`.
public enum LifecycleStage: String, CaseIterable, Sendable, Codable, Comparable {
    case inception
    case designAndDevelopment = "design-and-development"
    case verificationAndValidation = "verification-and-validation"
    case deployment
    case operationAndMonitoring = "operation-and-monitoring"
    case continuousValidation = "continuous-validation"
    case reEvaluation = "re-evaluation"
    case retirement

    /// Human-readable name, sentence case: "Verification and validation".
    public var title: String {
        switch self {
        case .inception: "Inception"
        case .designAndDevelopment: "Design and development"
        case .verificationAndValidation: "Verification and validation"
        case .deployment: "Deployment"
        case .operationAndMonitoring: "Operation and monitoring"
        case .continuousValidation: "Continuous validation"
        case .reEvaluation: "Re-evaluation"
        case .retirement: "Retirement"
        }
    }

    /// The 22989 sub-clause describing the stage. Check `clauseIsInferred` before printing it:
    /// an inferred number must not be shown as if it were certain.
    public var clause: String {
        "6.2.\(order + 2)"
    }

    /// True where the clause number is our inference rather than corroborated by a source.
    /// Only design and development (6.2.3) is inferred, from its neighbours.
    public var clauseIsInferred: Bool {
        self == .designAndDevelopment
    }

    /// Zero-based position in `allCases` (inception = 0, retirement = 7).
    public var order: Int {
        switch self {
        case .inception: 0
        case .designAndDevelopment: 1
        case .verificationAndValidation: 2
        case .deployment: 3
        case .operationAndMonitoring: 4
        case .continuousValidation: 5
        case .reEvaluation: 6
        case .retirement: 7
        }
    }

    /// True for the stage that only applies when a system declares `continuous_learning: true`.
    public var requiresContinuousLearning: Bool {
        self == .continuousValidation
    }

    /// One sentence, our own words, on what happens in the stage.
    public var summary: String {
        switch self {
        case .inception:
            "Decide what problem the system should solve, whether AI suits it, who is affected and what it must achieve."
        case .designAndDevelopment:
            "Choose the approach, prepare the data and build and train the system."
        case .verificationAndValidation:
            "Show with evidence that the system meets its requirements and fits its intended use."
        case .deployment:
            "Put a checked version of the system into its operating environment, with a way back."
        case .operationAndMonitoring:
            "Run the system, watch how it behaves and performs, and keep it in working order."
        case .continuousValidation:
            "For a system that keeps learning in operation, re-check it again and again against its criteria."
        case .reEvaluation:
            "Step back at intervals or after change and decide whether to continue, change or stop the system."
        case .retirement:
            "Take the system out of service responsibly, deciding what happens to its data, model and users."
        }
    }

    /// SARIF-style tag, e.g. "iso22989/verification-and-validation".
    public var tag: String {
        "iso22989/\(rawValue)"
    }

    public static func < (lhs: LifecycleStage, rhs: LifecycleStage) -> Bool {
        lhs.order < rhs.order
    }

    /// Reads a stage name as people write it: the slug ("re-evaluation"), the title
    /// ("Design and development"), with spaces, hyphens or underscores, any case, or camelCase.
    /// Returns nil for anything else, so configuration can reject unknown stages.
    public static func parse(_ text: String) -> LifecycleStage? {
        let key = NameKey.compact(text)
        guard !key.isEmpty else { return nil }
        return allCases.first { NameKey.compact($0.rawValue) == key }
    }
}
