/// The four process groups of ISO/IEC 5338 (inherited from ISO/IEC/IEEE 15288).
public enum ProcessGroup: String, CaseIterable, Sendable, Codable {
    case agreement
    case organizationalProjectEnabling = "organizational-project-enabling"
    case technicalManagement = "technical-management"
    case technical

    /// Human-readable group name: "Technical management processes".
    public var title: String {
        switch self {
        case .agreement: "Agreement processes"
        case .organizationalProjectEnabling: "Organizational project-enabling processes"
        case .technicalManagement: "Technical management processes"
        case .technical: "Technical processes"
        }
    }

    /// Provisional 5338 clause of the group ("6.1" … "6.4"); from secondary sources, so refer to
    /// the group by `title` in findings.
    public var provisionalClause: String {
        switch self {
        case .agreement: "6.1"
        case .organizationalProjectEnabling: "6.2"
        case .technicalManagement: "6.3"
        case .technical: "6.4"
        }
    }
}

/// The 33 AI system life cycle processes of ISO/IEC 5338: the 30 of ISO/IEC/IEEE 15288 plus
/// three that are new for AI (knowledge acquisition, AI data engineering, continuous validation).
///
/// Rule metadata refers to a process by its name; clause numbers are provisional (they come from
/// secondary summaries) and live in `provisionalClause` only. "Architecture / Design definition"
/// in the rule catalog is two processes here, and rules list both.
public enum LifecycleProcess: String, CaseIterable, Sendable, Codable {
    // Agreement
    case acquisition
    case supply
    // Organizational project-enabling
    case lifeCycleModelManagement = "life-cycle-model-management"
    case infrastructureManagement = "infrastructure-management"
    case portfolioManagement = "portfolio-management"
    case humanResourceManagement = "human-resource-management"
    case qualityManagement = "quality-management"
    case knowledgeManagement = "knowledge-management"
    // Technical management
    case projectPlanning = "project-planning"
    case projectAssessmentAndControl = "project-assessment-and-control"
    case decisionManagement = "decision-management"
    case riskManagement = "risk-management"
    case configurationManagement = "configuration-management"
    case informationManagement = "information-management"
    case measurement
    case qualityAssurance = "quality-assurance"
    // Technical, in the order of the provisional clause numbers 6.4.1 … 6.4.17
    case businessOrMissionAnalysis = "business-or-mission-analysis"
    case stakeholderNeedsAndRequirementsDefinition = "stakeholder-needs-and-requirements-definition"
    case systemRequirementsDefinition = "system-requirements-definition"
    case architectureDefinition = "architecture-definition"
    case designDefinition = "design-definition"
    case systemAnalysis = "system-analysis"
    case knowledgeAcquisition = "knowledge-acquisition"
    case aiDataEngineering = "ai-data-engineering"
    case implementation
    case integration
    case verification
    case transition
    case validation
    case continuousValidation = "continuous-validation"
    case operation
    case maintenance
    case disposal

    /// The process name as the standard's process list spells it, sentence case.
    public var name: String {
        switch self {
        case .aiDataEngineering: "AI data engineering"
        default: Self.sentenceCase(rawValue)
        }
    }

    /// The process group the process belongs to.
    public var group: ProcessGroup {
        switch self {
        case .acquisition, .supply:
            .agreement
        case .lifeCycleModelManagement, .infrastructureManagement, .portfolioManagement,
             .humanResourceManagement, .qualityManagement, .knowledgeManagement:
            .organizationalProjectEnabling
        case .projectPlanning, .projectAssessmentAndControl, .decisionManagement, .riskManagement,
             .configurationManagement, .informationManagement, .measurement, .qualityAssurance:
            .technicalManagement
        default:
            .technical
        }
    }

    /// True for the three processes 5338 adds to the 15288 set.
    public var isAISpecific: Bool {
        switch self {
        case .knowledgeAcquisition, .aiDataEngineering, .continuousValidation: true
        default: false
        }
    }

    /// SARIF tag, e.g. "iso5338/ai-data-engineering".
    public var tag: String {
        "iso5338/\(rawValue)"
    }

    /// Provisional clause number (technical processes only, "6.4.1" … "6.4.17"). Secondary sources
    /// agree on these but none is authoritative: never print them in a finding as if certain.
    public var provisionalClause: String? {
        let technical = Self.allCases.filter { $0.group == .technical }
        guard let index = technical.firstIndex(of: self) else { return nil }
        return "6.4.\(index + 1)"
    }

    /// One sentence, our own words, on what the process is about for an AI system.
    public var summary: String {
        Self.summaries[self] ?? name
    }

    /// Reads a process by slug or name, ignoring case, spacing and hyphens
    /// ("AI data engineering", "ai-data-engineering", "lifecycle model management").
    public static func parse(_ text: String) -> LifecycleProcess? {
        let key = NameKey.compact(text)
        guard !key.isEmpty else { return nil }
        return allCases.first { NameKey.compact($0.rawValue) == key }
    }

    private static func sentenceCase(_ slug: String) -> String {
        let words = slug.split(separator: "-").map(String.init)
        guard let first = words.first else { return slug }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    private static let summaries: [LifecycleProcess: String] = [
        .acquisition: "Obtain an AI system, component, model or data from a supplier.",
        .supply: "Deliver an AI system to an acquirer, on stated terms of use.",
        .lifeCycleModelManagement: "Define the life cycle model, including AI stages, that projects follow.",
        .infrastructureManagement: "Provide the compute, tooling and data platforms the work needs.",
        .portfolioManagement: "Decide which AI projects start, continue or stop.",
        .humanResourceManagement: "Make sure people with the needed AI skills are available.",
        .qualityManagement: "Set quality objectives, including AI-specific quality characteristics.",
        .knowledgeManagement: "Keep the organization's know-how, such as glossaries and decisions, reusable.",
        .projectPlanning: "Plan the work, including data acquisition and experimentation.",
        .projectAssessmentAndControl: "Track progress and AI-specific measures, and correct course.",
        .decisionManagement: "Record key decisions, such as whether to use AI and which model.",
        .riskManagement: "Identify, analyse and treat risks, including those particular to AI.",
        .configurationManagement: "Version and pin data, models, hyperparameters and pipelines.",
        .informationManagement: "Keep the project's documentation, such as model cards and datasheets, in order.",
        .measurement: "Define and collect measures, including model metrics.",
        .qualityAssurance: "Give independent assurance that products and processes meet their criteria.",
        .businessOrMissionAnalysis: "Frame the problem and judge whether AI is a suitable answer.",
        .stakeholderNeedsAndRequirementsDefinition: "Find the stakeholders, including affected people, and what they need.",
        .systemRequirementsDefinition: "State measurable requirements, including performance and fairness.",
        .architectureDefinition: "Lay out the system's structure, including its ML components.",
        .designDefinition: "Work out the detailed design, including the choice of model and algorithm.",
        .systemAnalysis: "Carry out the analyses that support technical decisions.",
        .knowledgeAcquisition: "Gather and structure knowledge, such as rules or expert input, for knowledge-based systems.",
        .aiDataEngineering: "Obtain, prepare, label, check and manage the data the AI system needs.",
        .implementation: "Build the system element; for ML this includes training the model.",
        .integration: "Combine the model with the rest of the system.",
        .verification: "Show with evidence that an element meets its specified requirements.",
        .transition: "Move the system into its operating environment.",
        .validation: "Show with evidence that the system meets stakeholder needs where it will be used.",
        .continuousValidation: "Re-check, again and again, a system that keeps learning or whose data keeps changing.",
        .operation: "Run the system and watch over it.",
        .maintenance: "Make corrective and adaptive changes, including retraining.",
        .disposal: "End the system's existence responsibly.",
    ]
}
