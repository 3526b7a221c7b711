/// How serious a finding is. Ordered so that `error > warning > note`.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
}

/// The threshold given to `--fail-on` / `fail_on`: a level, or `none` to never fail on findings.
public enum FailThreshold: String, Sendable, Codable, CaseIterable {
    case error, warning, note, none

    /// Whether a finding at `level` reaches this threshold.
    public func isReached(by level: Level) -> Bool {
        switch self {
        case .none: false
        case .error: level >= .error
        case .warning: level >= .warning
        case .note: true
        }
    }
}
