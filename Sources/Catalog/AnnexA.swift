import Foundation

/// One ISO/IEC 42001:2023 Annex A control. The id is the stable fact; the title is a short name
/// (kept where it is a plain name, shortened in our words where it is a phrase) and the summary is
/// one sentence of our own — never the standard's control text.
public struct Control: Hashable, Sendable, Codable, Comparable {
    /// Control id, e.g. "A.6.2.4".
    public let id: String
    /// Short name, e.g. "AI system verification and validation".
    public let title: String
    /// Top-level domain id, e.g. "A.6".
    public let domain: String
    /// Name of the domain, e.g. "AI system life cycle".
    public let domainTitle: String
    /// What the control asks for, in one sentence of our own words.
    public let summary: String

    public init(id: String, title: String, domain: String, domainTitle: String, summary: String) {
        self.id = id
        self.title = title
        self.domain = domain
        self.domainTitle = domainTitle
        self.summary = summary
    }

    /// SARIF tag, e.g. "iso42001/A.6.2.4".
    public var tag: String {
        "iso42001/\(id)"
    }

    /// Numeric id order: A.2.2 < A.6.1.2 < A.6.2.2 < A.9.4 < A.10.2.
    public static func < (lhs: Control, rhs: Control) -> Bool {
        ClauseNumber.precedes(lhs.id, rhs.id)
    }
}

/// A top-level Annex A domain, e.g. A.7 "Data for AI systems".
public struct ControlDomain: Hashable, Sendable, Codable {
    public let id: String
    public let title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// The 38 controls of ISO/IEC 42001:2023 Annex A, and helpers to read control references.
public enum AnnexA {
    /// The nine domains (A.2 … A.10) with their names, in order.
    public static let domains: [ControlDomain] = [
        ControlDomain(id: "A.2", title: "Policies related to AI"),
        ControlDomain(id: "A.3", title: "Internal organization"),
        ControlDomain(id: "A.4", title: "Resources for AI systems"),
        ControlDomain(id: "A.5", title: "Assessing impacts of AI systems"),
        ControlDomain(id: "A.6", title: "AI system life cycle"),
        ControlDomain(id: "A.7", title: "Data for AI systems"),
        ControlDomain(id: "A.8", title: "Information for interested parties of AI systems"),
        ControlDomain(id: "A.9", title: "Use of AI systems"),
        ControlDomain(id: "A.10", title: "Third-party and customer relationships"),
    ]

    /// All 38 controls, sorted in numeric id order.
    public static let controls: [Control] = controlTable.map { row in
        let domain = row.id.split(separator: ".").prefix(2).joined(separator: ".")
        let domainTitle = domains.first { $0.id == domain }?.title ?? ""
        return Control(id: row.id, title: row.title, domain: domain, domainTitle: domainTitle, summary: row.summary)
    }.sorted()

    /// The control with this id ("A.7.5", also "a.7.5" or " A.7.5 "), or nil when there is none.
    public static func control(_ id: String) -> Control? {
        let wanted = normalizedID(id)
        return controls.first { $0.id == wanted }
    }

    /// Reads a control reference as rule metadata writes it and returns the control ids it names,
    /// in catalog order: a single id ("A.7.5"), a range with an en dash or hyphen
    /// ("A.5.2–A.5.5", "A.5.2-A.5.5"), or a comma-separated list of those. Anything that does not
    /// name a known control (a typo, a main-body clause like "6.1.2") contributes nothing, so a
    /// test over rule metadata can catch it.
    public static func expand(_ spec: String) -> [String] {
        var ids: [String] = []
        for item in spec.split(separator: ",") {
            for id in expandOne(String(item)) where !ids.contains(id) {
                ids.append(id)
            }
        }
        return ids
    }

    private static func expandOne(_ item: String) -> [String] {
        let ends = item.split(whereSeparator: { $0 == "–" || $0 == "—" || $0 == "-" })
            .map { normalizedID(String($0)) }
        let indices = ends.compactMap { end in controls.firstIndex { $0.id == end } }
        guard indices.count == ends.count else { return [] }
        switch indices.count {
        case 1:
            return [controls[indices[0]].id]
        case 2 where indices[0] <= indices[1]:
            return controls[indices[0]...indices[1]].map(\.id)
        default:
            return []
        }
    }

    private static func normalizedID(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first, first == "a" || first == "A" else { return trimmed }
        return "A" + trimmed.dropFirst()
    }
}
