import Foundation
import Documents

/// An inline suppression written in a document (SPEC §3):
/// `<!-- aimslint-disable RULE-ID reason="…" -->` (whole file),
/// `<!-- aimslint-disable-next-section RULE-ID reason="…" -->` (the next section, subsections included),
/// or in YAML `# aimslint-disable RULE-ID reason="…"` (whole file).
public struct InlineDirective: Hashable, Sendable {
    public enum Scope: Hashable, Sendable {
        case file
        case lines(ClosedRange<Int>)
    }

    public let ruleIDs: [String]
    /// The justification; nil when the author gave none (that is AIMS-003, and it does not suppress).
    public let reason: String?
    public let scope: Scope
    public let location: Anchor

    public func covers(_ finding: Finding) -> Bool {
        guard finding.location.path == location.path, ruleIDs.contains(finding.ruleID) else { return false }
        switch scope {
        case .file: return true
        case .lines(let lines): return lines.contains(finding.location.line)
        }
    }

    /// What every directive's text starts with.
    public static let marker = "aimslint-disable"

    /// Parses the text of one comment (without `<!--`/`-->` or `#`). Nil when it is no directive.
    static func parse(_ text: String) -> (nextSection: Bool, rules: [String], reason: String?)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let nextSection: Bool
        let rest: Substring
        if trimmed.hasPrefix("aimslint-disable-next-section") {
            nextSection = true
            rest = trimmed.dropFirst("aimslint-disable-next-section".count)
        } else if trimmed.hasPrefix("aimslint-disable") {
            nextSection = false
            rest = trimmed.dropFirst("aimslint-disable".count)
        } else {
            return nil
        }
        var reason: String?
        var ruleText = rest
        if let start = rest.range(of: "reason=") {
            ruleText = rest[..<start.lowerBound]
            var value = rest[start.upperBound...].trimmingCharacters(in: .whitespaces)
            if let quote = value.first, quote == "\"" || quote == "'" || quote == "“" {
                value.removeFirst()
                let closing: Character = quote == "“" ? "”" : quote
                if let end = value.firstIndex(of: closing) { value = String(value[..<end]) }
            }
            let cleaned = value.trimmingCharacters(in: .whitespaces)
            reason = cleaned.isEmpty ? nil : cleaned
        }
        let rules = ruleText.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        return (nextSection, rules, reason)
    }

    /// Directives in a Markdown document's HTML comments.
    public static func directives(in document: MarkdownDocument, path: String) -> [InlineDirective] {
        document.htmlComments.compactMap { comment in
            guard let parsed = parse(comment.text) else { return nil }
            let anchor = Anchor(path: path, range: comment.range)
            guard parsed.nextSection else {
                return InlineDirective(ruleIDs: parsed.rules, reason: parsed.reason, scope: .file, location: anchor)
            }
            let after = comment.range.end.line
            guard let section = document.sections.first(where: { $0.range.start.line > after }) else {
                return InlineDirective(ruleIDs: parsed.rules, reason: parsed.reason, scope: .lines(after...after), location: anchor)
            }
            let lines = section.range.start.line...max(section.range.start.line, section.endLine)
            return InlineDirective(ruleIDs: parsed.rules, reason: parsed.reason, scope: .lines(lines), location: anchor)
        }
    }

    /// Directives in YAML comments (`# aimslint-disable …`), whole-file scope.
    public static func directives(inYAML text: String, path: String) -> [InlineDirective] {
        var result: [InlineDirective] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let hash = line.firstIndex(of: "#") else { continue }
            let comment = line[line.index(after: hash)...]
            guard let parsed = parse(String(comment)), !parsed.nextSection else { continue }
            let column = line.distance(from: line.startIndex, to: hash) + 1
            result.append(InlineDirective(ruleIDs: parsed.rules, reason: parsed.reason, scope: .file,
                                          location: Anchor(path: path, line: index + 1, column: column)))
        }
        return result
    }
}
