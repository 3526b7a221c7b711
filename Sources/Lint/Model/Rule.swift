import Catalog

/// One problem a rule found, before the engine turns it into a `Finding`.
public struct Violation: Hashable, Sendable {
    public let message: String
    public let location: Anchor
    /// What the problem is about inside the file (section key, term, JSON key, "missing"): keeps
    /// the fingerprint stable when lines move.
    public let anchor: String
    /// A level other than the rule's, where the catalog says so (e.g. MC-010 "note when absent").
    public let level: Level?
    /// A subject id other than the evaluated one (repository-wide rules that know the owner).
    public let system: String?
    /// Whether the problem is that what the rule asks for is not there at all — a document, or a
    /// section that is missing or holds only template text — rather than a defect of what is
    /// there. A stage the subject has not reached excuses absences only: present content is
    /// judged at any stage (SPEC §5.1).
    public let isAbsence: Bool

    public init(_ message: String, at location: Anchor, anchor: String, level: Level? = nil, system: String? = nil,
                absence: Bool = false) {
        self.message = message
        self.location = location
        self.anchor = anchor
        self.level = level
        self.system = system
        self.isAbsence = absence
    }

    /// A violation saying that something the rule asks for is absent (see `isAbsence`).
    public static func absent(_ message: String, at location: Anchor, anchor: String, level: Level? = nil,
                              system: String? = nil) -> Violation {
        Violation(message, at: location, anchor: anchor, level: level, system: system, absence: true)
    }
}

/// The outcome of a rule for one subject: a control's status (SPEC §1).
public enum Evaluation: Hashable, Sendable {
    case notApplicable(reason: String)
    case evaluated([Violation])

    public static let pass = Evaluation.evaluated([])

    public var violations: [Violation] {
        if case .evaluated(let list) = self { return list }
        return []
    }
}

/// A check with a stable id. One rule, one file; its description carries its own examples.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func evaluate(_ context: RuleContext) -> Evaluation
}

extension Rule {
    public var description: RuleDescription { Self.description }
}

/// A repository-wide rule whose findings about each document depend only on that document, its
/// owner and the policy (placeholders, wording, unreadable files). The engine can then take one
/// document's findings from an earlier run while that document's blob, kind and owner are the
/// same (`SubjectReuse`), instead of reading every document again after one of them changed.
public protocol DocumentRule: Rule {
    /// The violations in one document of `context.project` (the repository subject's context).
    func violations(in artifact: Artifact, context: RuleContext) -> [Violation]
}

extension DocumentRule {
    /// Every document's violations, in the project's document order.
    public func evaluate(_ context: RuleContext) -> Evaluation {
        .evaluated(context.project.artifacts.flatMap { violations(in: $0, context: context) })
    }
}
