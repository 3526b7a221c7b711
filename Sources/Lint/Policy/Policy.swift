import Catalog
import Documents

/// A per-rule setting from `.aims/config.yml` (`rules:`).
public enum RuleSetting: Hashable, Sendable {
    case off
    case level(Level)
}

/// A system as declared in the config.
public struct SystemDeclaration: Hashable, Sendable {
    public let id: String
    public let root: String
    public let stage: LifecycleStage
    public let risk: RiskLevel
    public let continuousLearning: Bool
    public let owner: String?
    public let artifacts: [ArtifactKind: String]
    public let declaration: Anchor
    public let stageDeclaration: Anchor?
}

/// A dataset as declared in the config.
public struct DatasetDeclaration: Hashable, Sendable {
    public let id: String
    public let root: String
    public let declaration: Anchor
}

/// A problem in a `.aims/` file, with where it is (reported as AIMS-001).
public struct PolicyProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public let location: Anchor
    public init(_ message: String, at location: Anchor) {
        self.message = message
        self.location = location
    }
    public var description: String {
        "\(location.path):\(location.range.start.line):\(location.range.start.column): \(message)"
    }
}

/// The project's policy: `.aims/config.yml`, or the defaults when there is none.
///
/// A user policy adds to the defaults: rules it does not mention keep their default level.
public struct Policy: Sendable {
    public static let configPath = ".aims/config.yml"
    public static let waiversPath = ".aims/waivers.yml"
    public static let baselinePath = ".aims/baseline.json"
    public static let defaultReviewPeriodDays = 365

    /// Whether `.aims/config.yml` exists in the snapshot.
    public let exists: Bool
    public let systems: [SystemDeclaration]
    public let datasets: [DatasetDeclaration]
    public let ruleSettings: [String: RuleSetting]
    public let excludes: [Glob]
    public let failOn: FailThreshold?
    public let reviewPeriodDays: Int
    /// Extra words the project accepts (TERM rules leave them alone).
    public let acceptedTerms: [String]
    public var problems: [PolicyProblem]
    /// External suppressions from `.aims/waivers.yml`.
    public var waivers: [Waiver] = []
    /// Accepted findings from `.aims/baseline.json` (or `--baseline FILE`).
    public var baseline: Baseline?

    public init(exists: Bool = false, systems: [SystemDeclaration] = [], datasets: [DatasetDeclaration] = [],
                ruleSettings: [String: RuleSetting] = [:], excludes: [Glob] = [], failOn: FailThreshold? = nil,
                reviewPeriodDays: Int = Policy.defaultReviewPeriodDays, acceptedTerms: [String] = [],
                problems: [PolicyProblem] = []) {
        self.exists = exists
        self.systems = systems
        self.datasets = datasets
        self.ruleSettings = ruleSettings
        self.excludes = excludes
        self.failOn = failOn
        self.reviewPeriodDays = reviewPeriodDays
        self.acceptedTerms = acceptedTerms
        self.problems = problems
    }

    public static let defaults = Policy()

    /// Whether a path is excluded from checking.
    public func isExcluded(_ path: String) -> Bool {
        excludes.contains { $0.matches(path) }
    }

    /// The level a rule runs at for a subject, or nil when it is switched off.
    public func effectiveLevel(for description: RuleDescription, subject: Subject, violationLevel: Level?) -> Level? {
        switch ruleSettings[description.id] {
        case .off?: return nil
        case .level(let level)?: return level
        case nil:
            if description.raisedForHighRisk, case .system(let system) = subject, system.risk == .high { return .error }
            return violationLevel ?? description.level
        }
    }
}
