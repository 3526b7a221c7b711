import Lint

/// A control as history tracks it: one rule for one subject. `system` is the system or dataset id,
/// nil for a repository-wide control (policy files, unreadable artifacts).
public struct ControlKey: Hashable, Sendable, Codable, Comparable {
    public let system: String?
    public let rule: String

    public init(system: String?, rule: String) {
        self.system = system
        self.rule = rule
    }

    /// Repository-wide controls first, then by system, then by rule; strings in byte order.
    public static func < (lhs: ControlKey, rhs: ControlKey) -> Bool {
        switch (lhs.system, rhs.system) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (left?, right?) where left != right: return left.utf8.lexicographicallyPrecedes(right.utf8)
        default: return lhs.rule.utf8.lexicographicallyPrecedes(rhs.rule.utf8)
        }
    }
}

/// A control's status at one commit. `absent` means the control did not exist there: its
/// system was not yet (or no longer) in the repository.
public enum ControlStatusName: String, Sendable, Codable, CaseIterable {
    case pass, fail, notApplicable, absent
}

/// A status with the reason behind it (the first finding's message, or why it does not apply).
public struct ControlState: Hashable, Sendable, Codable {
    public let status: ControlStatusName
    public let reason: String?

    public init(status: ControlStatusName, reason: String? = nil) {
        self.status = status
        self.reason = reason
    }

    public static let absent = ControlState(status: .absent)
}

/// One change of a control's status, made by one commit.
public struct ControlTransition: Hashable, Sendable, Codable {
    public let commit: CommitStamp
    /// The commit's position in the walk, 1 for the oldest: an x axis that stays in history order
    /// even when commit dates do not.
    public let sequence: Int
    public let from: ControlStatusName
    public let to: ControlStatusName
    /// Why the control is not met after this commit (nil for a pass).
    public let reason: String?

    public init(commit: CommitStamp, sequence: Int, from: ControlStatusName, to: ControlStatusName, reason: String?) {
        self.commit = commit
        self.sequence = sequence
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// The whole history of one control: every status change, oldest first, and where it stands now.
public struct ControlTimeline: Hashable, Sendable, Codable {
    public let key: ControlKey
    /// The status at the scanned revision.
    public var state: ControlState
    public var transitions: [ControlTransition]

    public init(key: ControlKey, state: ControlState, transitions: [ControlTransition] = []) {
        self.key = key
        self.state = state
        self.transitions = transitions
    }

    /// The first commit after which the control passed.
    public var firstMet: ControlTransition? { transitions.first { $0.to == .pass } }

    /// The last commit that took the control from passing to anything else.
    public var lastLost: ControlTransition? { transitions.last { $0.from == .pass && $0.to != .pass } }

    /// Status changes after the control first appeared (its appearance is not a flip).
    public var flips: Int { transitions.filter { $0.from != .absent }.count }

    /// The status just after the commit at `sequence` (absent before the first transition).
    public func status(at sequence: Int) -> ControlStatusName {
        transitions.last { $0.sequence <= sequence }?.to ?? .absent
    }
}
