/// A practitioner wording that differs from the ISO/IEC 22989 vocabulary, with what to do about
/// it. Feeds TERM-001 (terms) and TERM-003 (life cycle stage labels).
///
/// Phrases are lower-case base forms; a matcher should ignore case and accept a plural "s"
/// (`Wordings.occurrences(in:)` does both). Entries marked `doNotFlag` are listed on purpose, so
/// the terminology rules can recognise accepted wordings and stay silent on them.
public struct Wording: Hashable, Sendable, Codable {
    /// Whether the phrase names a concept (TERM-001) or a life cycle stage (TERM-003).
    public enum Kind: String, Sendable, Codable {
        case term
        case stageLabel
    }

    /// What a rule may do with an occurrence.
    public enum Advice: String, Sendable, Codable {
        /// Safe to suggest the preferred wording as a fix.
        case suggest
        /// Needs human judgement: a note at most, never an automatic fix.
        case contextual
        /// Accepted or deliberately unmapped wording: do not report it.
        case doNotFlag
    }

    /// The wordings this entry covers, e.g. ["train set", "training set", "train split", "training corpus"].
    public let phrases: [String]
    /// The 22989 term (or, for stage labels, the stage name) to use instead; nil when no
    /// substitution is defensible.
    public let preferred: String?
    /// Where `preferred` is defined: a 22989 clause ("3.3.16"), a stage clause ("6.2.9"), or a
    /// 42001 control id ("A.7.5") for the one wording 22989 does not cover.
    public let preferredClause: String?
    public let kind: Kind
    public let advice: Advice
    /// One line, our words: why, or the caveat a reviewer should weigh.
    public let note: String

    public init(phrases: [String], preferred: String?, preferredClause: String?, kind: Kind, advice: Advice, note: String) {
        self.phrases = phrases
        self.preferred = preferred
        self.preferredClause = preferredClause
        self.kind = kind
        self.advice = advice
        self.note = note
    }

    /// For a stage label, the stage it should be called by.
    public var stage: LifecycleStage? {
        guard kind == .stageLabel, let preferred else { return nil }
        return LifecycleStage.parse(preferred)
    }

    /// For a term wording, the 22989 term(s) the preferred wording names.
    public var preferredTerms: [Term] {
        guard kind == .term, let preferred else { return [] }
        return Vocabulary.lookup(preferred)
    }

    /// True when `preferredClause` is a 42001 Annex A control rather than a 22989 clause.
    public var citesAnnexA: Bool {
        preferredClause?.hasPrefix("A.") ?? false
    }

    /// True when the preferred clause number is uncertain and must not be printed as fact:
    /// taken from the term or stage it names.
    public var preferredClauseIsInferred: Bool {
        if let stage { return stage.clauseIsInferred }
        if citesAnnexA { return false }
        return preferredTerms.first { $0.clause == preferredClause }?.clauseIsInferred ?? true
    }
}
