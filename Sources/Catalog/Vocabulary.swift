/// One ISO/IEC 22989:2022 clause-3 term: its designations and clause (facts) and a gloss in our
/// own words (never the standard's definition).
public struct Term: Hashable, Sendable, Codable {
    /// Preferred designation. Where the standard has two entries with one name, the domain is kept
    /// in ‹›, e.g. "transparency ‹organization›"; `lookup("transparency")` finds both.
    public let name: String
    /// Other designations listed with the term, e.g. ["PII", "personal data"].
    public let alternatives: [String]
    /// Clause number, e.g. "3.3.16".
    public let clause: String
    /// True where the clause number is inferred rather than corroborated: cite the term by name then.
    public let clauseIsInferred: Bool
    /// Plain-language gloss, our own words.
    public let gloss: String
    /// Sub-clause group: "AI", "data", "machine learning", "neural networks", "trustworthiness",
    /// "natural language processing" or "computer vision".
    public let group: String

    public init(name: String, alternatives: [String], clause: String, clauseIsInferred: Bool, gloss: String, group: String) {
        self.name = name
        self.alternatives = alternatives
        self.clause = clause
        self.clauseIsInferred = clauseIsInferred
        self.gloss = gloss
        self.group = group
    }

    /// The name followed by the alternatives.
    public var designations: [String] {
        [name] + alternatives
    }

    /// How a message should cite the term: "training data (ISO/IEC 22989, 3.3.16)" when the clause
    /// is corroborated, "training (ISO/IEC 22989)" when it is only inferred.
    public var citation: String {
        clauseIsInferred ? "\(name) (ISO/IEC 22989)" : "\(name) (ISO/IEC 22989, \(clause))"
    }
}

/// A sub-clause of 22989 clause 3 that groups terms, e.g. 3.2 "data".
public struct TermGroup: Hashable, Sendable, Codable {
    /// Sub-clause number, e.g. "3.2".
    public let clause: String
    /// Group name as carried by `Term.group`, e.g. "data".
    public let name: String

    public init(clause: String, name: String) {
        self.clause = clause
        self.name = name
    }
}

/// The ISO/IEC 22989 vocabulary the linter knows, with a forgiving look-up.
public enum Vocabulary {
    /// The clause-3 sub-clauses, in order, with the group name each term carries.
    public static let groups: [TermGroup] = [
        TermGroup(clause: "3.1", name: "AI"),
        TermGroup(clause: "3.2", name: "data"),
        TermGroup(clause: "3.3", name: "machine learning"),
        TermGroup(clause: "3.4", name: "neural networks"),
        TermGroup(clause: "3.5", name: "trustworthiness"),
        TermGroup(clause: "3.6", name: "natural language processing"),
        TermGroup(clause: "3.7", name: "computer vision"),
    ]

    /// Every term we list, sorted by clause number.
    public static let terms: [Term] = termTable.map { row in
        let prefix = row.clause.split(separator: ".").prefix(2).joined(separator: ".")
        return Term(name: row.name, alternatives: row.alternatives, clause: row.clause,
                    clauseIsInferred: row.inferred, gloss: row.gloss,
                    group: groups.first { $0.clause == prefix }?.name ?? "")
    }.sorted { ClauseNumber.precedes($0.clause, $1.clause) }

    /// Concepts 22989 discusses outside clause 3 (in clause 5). They have no clause-3 entry, so a
    /// rule must not cite a 22989 term clause for them.
    public static let discussedOutsideClause3: [String] = [
        "data provenance", "drift", "fairness", "human oversight", "privacy", "safety", "security",
    ]

    /// Terms whose name or an alternative matches `word`, ignoring case, spacing, hyphens, a
    /// ‹domain› qualifier and a plural on the last word ("Training Data", "hyper-parameters",
    /// "PII"). Several terms can match ("transparency"); results are in clause order.
    public static func lookup(_ word: String) -> [Term] {
        let key = NameKey.term(word)
        guard !key.isEmpty else { return [] }
        return lookupKeys.enumerated().compactMap { offset, keys in
            keys.contains(key) ? terms[offset] : nil
        }
    }

    /// The look-up keys of each term's designations, parallel to `terms`, computed once.
    private static let lookupKeys: [Set<String>] = terms.map { Set($0.designations.map(NameKey.term)) }
}
