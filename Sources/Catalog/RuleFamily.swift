/// The families of rule ids: the prefix before the first dash ("MC-005", "LC-INC-002").
public enum RuleFamily: String, CaseIterable, Sendable, Codable {
    case modelCard = "MC"
    case dataset = "DS"
    case croissant = "CR"
    case lifecycle = "LC"
    case git = "GIT"
    case terminology = "TERM"
    case policy = "AIMS"

    /// Name used in listings and docs: "Model cards".
    public var title: String {
        switch self {
        case .modelCard: "Model cards"
        case .dataset: "Dataset documentation"
        case .croissant: "Croissant metadata"
        case .lifecycle: "Life cycle artifacts"
        case .git: "Git history"
        case .terminology: "Terminology"
        case .policy: "Policy and suppressions"
        }
    }

    /// The family a rule id belongs to ("LC-INC-002" -> .lifecycle), or nil for an unknown prefix.
    public static func family(ofRuleID id: String) -> RuleFamily? {
        guard let prefix = id.split(separator: "-").first else { return nil }
        return RuleFamily(rawValue: String(prefix).uppercased())
    }
}
