import Documents

/// Who last changed the line a finding is anchored on.
public struct Introduction: Hashable, Sendable, Codable {
    /// A commit id, or nil when the line is not committed yet (staged or worktree content).
    public let commit: String?
    public let author: String?
    public let date: String?

    public static let uncommitted = Introduction(commit: nil, author: nil, date: nil)

    public init(commit: String?, author: String?, date: String?) {
        self.commit = commit
        self.author = author
        self.date = date
    }

    public var isUncommitted: Bool { commit == nil }
}

/// Why a finding does not count: an inline comment, a waiver or the baseline.
public struct Suppression: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case inSource, external, baseline }
    public let kind: Kind
    public let justification: String
    /// Where the suppression is written (the comment or the waiver entry).
    public let location: Anchor?

    public init(kind: Kind, justification: String, location: Anchor?) {
        self.kind = kind
        self.justification = justification
        self.location = location
    }
}

/// How a finding compares with the base of a change (`--base`).
public enum BaselineState: String, Sendable, Codable {
    case new, unchanged, updated, absent
}

/// One diagnostic.
public struct Finding: Hashable, Sendable, Codable {
    public let ruleID: String
    public var level: Level
    public let message: String
    public let location: Anchor
    /// The subject id (system or dataset); nil for repository-wide findings.
    public let system: String?
    /// What the finding is about inside the file (section, term, JSON key); part of the fingerprint.
    public let anchor: String
    /// Line-independent identity: rule + system + path + anchor (SPEC §1).
    public let fingerprint: String
    /// The artifact's blob id, when known.
    public var blob: String?
    public var introducedBy: Introduction?
    public var suppressions: [Suppression]
    public var baselineState: BaselineState?

    public init(ruleID: String, level: Level, message: String, location: Anchor, system: String?, anchor: String,
                blob: String? = nil, introducedBy: Introduction? = nil, suppressions: [Suppression] = [],
                baselineState: BaselineState? = nil) {
        self.ruleID = ruleID
        self.level = level
        self.message = message
        self.location = location
        self.system = system
        self.anchor = anchor
        self.fingerprint = Finding.fingerprint(ruleID: ruleID, system: system, path: location.path, anchor: anchor)
        self.blob = blob
        self.introducedBy = introducedBy
        self.suppressions = suppressions
        self.baselineState = baselineState
    }

    public var isSuppressed: Bool { !suppressions.isEmpty }

    /// SHA-256 over the identity fields, separated by NUL so no two tuples collide.
    public static func fingerprint(ruleID: String, system: String?, path: String, anchor: String) -> String {
        SHA256.hex(["aimslint/v1", ruleID, system ?? "", path, anchor].joined(separator: "\u{0}"))
    }

    /// The report order: path, line, column, rule, message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.location.path != b.location.path { return a.location.path < b.location.path }
        if a.location.range.start != b.location.range.start { return a.location.range.start < b.location.range.start }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        if a.message != b.message { return a.message < b.message }
        return (a.system ?? "") < (b.system ?? "")
    }
}
