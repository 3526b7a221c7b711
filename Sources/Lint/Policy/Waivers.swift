import Foundation
import Documents

/// An external suppression from `.aims/waivers.yml`.
public struct Waiver: Hashable, Sendable {
    public let rule: String
    public let system: String?
    public let path: Glob?
    public let reason: String?
    public let owner: String?
    /// `YYYY-MM-DD`; compared as text, which orders ISO dates correctly.
    public let expires: String?
    public let location: Anchor

    public func matches(_ finding: Finding) -> Bool {
        guard finding.ruleID == rule else { return false }
        if let system, finding.system != system { return false }
        if let path, !path.matches(finding.location.path) { return false }
        return true
    }

    public func isExpired(today: String) -> Bool {
        guard let expires else { return false }
        return expires < today
    }

    /// Reason and owner are both required; without them the waiver is AIMS-003 and does not suppress.
    public var isJustified: Bool { reason != nil && owner != nil }
}

/// Decodes `.aims/waivers.yml`: `waivers:` is a list of { rule, system | path, reason, owner, expires }.
public enum WaiverDecoder {
    public static let path = Policy.waiversPath

    public static func decode(_ text: String, knownRuleIDs: Set<String>) -> (waivers: [Waiver], problems: [PolicyProblem]) {
        var problems: [PolicyProblem] = []
        func report(_ message: String, _ location: SourceLocation) {
            problems.append(PolicyProblem(message, at: Anchor(path: path, range: SourceRange(start: location, end: location))))
        }
        let root: YAMLNode
        switch YAMLDocument.parse(text) {
        case .failure(let problem):
            report("waivers file is not valid YAML: \(problem.message)", problem.location)
            return ([], problems)
        case .success(nil):
            return ([], [])
        case .success(let node?):
            root = node
        }
        guard let pairs = root.pairs else {
            report("the waivers file must be a mapping with a `waivers:` list", root.location)
            return ([], problems)
        }
        for pair in pairs where pair.key.string != "waivers" && pair.key.string != "version" {
            report("unknown key '\(pair.key.string ?? "?")' in the waivers file; expected `waivers`", pair.key.location)
        }
        guard let list = root["waivers"] else { return ([], problems) }
        guard let items = list.array else {
            report("`waivers` must be a list", list.location)
            return ([], problems)
        }
        var waivers: [Waiver] = []
        let allowed: Set<String> = ["rule", "system", "path", "reason", "owner", "expires"]
        for item in items {
            guard let fields = item.pairs else {
                report("each waiver must be a mapping with rule, system or path, reason, owner and expires", item.location)
                continue
            }
            for field in fields where !allowed.contains(field.key.string ?? "") {
                report("unknown key '\(field.key.string ?? "?")' in a waiver; expected \(allowed.sorted().joined(separator: ", "))", field.key.location)
            }
            guard let rule = item["rule"]?.string else {
                report("a waiver needs `rule`", item.location)
                continue
            }
            guard knownRuleIDs.contains(rule) else {
                report("unknown rule id '\(rule)' in a waiver", item["rule"]?.location ?? item.location)
                continue
            }
            let system = item["system"]?.string
            let pathGlob = item["path"]?.string.map(Glob.init)
            if system == nil && pathGlob == nil {
                report("a waiver needs `system` or `path` so that it cannot silence a rule everywhere", item.location)
                continue
            }
            var expires: String?
            if let node = item["expires"] {
                if let text = node.string, isISODate(text) { expires = text }
                else { report("`expires` must be a date written YYYY-MM-DD", node.location) }
            } else {
                report("a waiver needs `expires` (YYYY-MM-DD): waivers are temporary", item.location)
            }
            let reason = item["reason"]?.string.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let owner = item["owner"]?.string.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            waivers.append(Waiver(rule: rule, system: system, path: pathGlob, reason: reason, owner: owner, expires: expires,
                                  location: Anchor(path: path, range: SourceRange(start: item.location, end: item.location))))
        }
        return (waivers, problems)
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
