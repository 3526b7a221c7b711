import Foundation

/// A main-body clause of ISO/IEC 42001:2023 that a rule may cite beside Annex A controls.
public struct ManagementClause: Hashable, Sendable, Codable, Comparable {
    /// Clause number, e.g. "6.1.2".
    public let id: String
    /// Short name in our words, e.g. "AI risk assessment".
    public let title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }

    /// SARIF tag, e.g. "iso42001/6.1.2".
    public var tag: String {
        "iso42001/\(id)"
    }

    public static func < (lhs: ManagementClause, rhs: ManagementClause) -> Bool {
        ClauseNumber.precedes(lhs.id, rhs.id)
    }
}

/// The main-body 42001 clauses rules may cite: planning for risk and impact (6.1.x), documented
/// information (7.5), their operational counterparts (8.2–8.4), management review (9.3) and
/// corrective action (10.2). Clause 8 repeats the 6.1 activities as they are carried out, which
/// the titles say so that "8.2" and "6.1.2" do not read the same.
public enum ManagementClauses {
    /// All citable clauses, in numeric order.
    public static let all: [ManagementClause] = [
        ManagementClause(id: "6.1.2", title: "AI risk assessment"),
        ManagementClause(id: "6.1.3", title: "AI risk treatment"),
        ManagementClause(id: "6.1.4", title: "AI system impact assessment"),
        ManagementClause(id: "7.5", title: "Documented information"),
        ManagementClause(id: "8.2", title: "AI risk assessment in operation"),
        ManagementClause(id: "8.3", title: "AI risk treatment in operation"),
        ManagementClause(id: "8.4", title: "AI system impact assessment in operation"),
        ManagementClause(id: "9.3", title: "Management review"),
        ManagementClause(id: "10.2", title: "Nonconformity and corrective action"),
    ]

    /// The clause with this number ("6.1.2", also "cl. 6.1.2"), or nil.
    public static func clause(_ id: String) -> ManagementClause? {
        var wanted = Substring(id)
        if wanted.lowercased().hasPrefix("cl.") { wanted = wanted.dropFirst(3) }
        let trimmed = wanted.trimmingCharacters(in: .whitespaces)
        return all.first { $0.id == trimmed }
    }

    /// Reads "6.1.2–6.1.3", "6.1.2-6.1.3", "cl. 6.1.2" or a comma-separated list, returning the
    /// clause numbers named, in order; unknown numbers contribute nothing.
    public static func expand(_ spec: String) -> [String] {
        var ids: [String] = []
        for item in spec.split(separator: ",") {
            let ends = item.split(whereSeparator: { $0 == "–" || $0 == "—" || $0 == "-" })
                .compactMap { clause(String($0)) }
                .compactMap { found in all.firstIndex(of: found) }
            let named: [ManagementClause]
            if ends.count == 1 {
                named = [all[ends[0]]]
            } else if ends.count == 2, ends[0] <= ends[1] {
                named = Array(all[ends[0]...ends[1]])
            } else {
                named = []
            }
            for found in named where !ids.contains(found.id) {
                ids.append(found.id)
            }
        }
        return ids
    }
}
