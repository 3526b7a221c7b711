import Foundation

/// A link written in a Markdown source line: `[text](destination)`, `<https://…>` or a bare URL.
struct MarkdownLink: Hashable {
    let text: String
    let destination: String
    let line: Int

    /// A web address (or other scheme), as opposed to a path inside the repository.
    var isExternal: Bool {
        destination.contains("://") || destination.hasPrefix("mailto:") || destination.hasPrefix("www.")
    }

    /// The repository path a relative link points at, without `#fragment` or `?query`.
    var relativePath: String? {
        guard !isExternal, !destination.hasPrefix("#") else { return nil }
        var path = destination
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        return path.isEmpty ? nil : path
    }
}

/// Finds links and inline code in raw Markdown lines. The parsed blocks drop link destinations
/// (they are not prose), so rules that need "a name plus a link" read the source lines of
/// non-code blocks with these patterns instead.
enum MarkdownLinks {
    private static let inlineLink = try? NSRegularExpression(
        pattern: #"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)"#)
    private static let referenceLink = try? NSRegularExpression(pattern: #"(?<!\!)\[([^\]]+)\]\[([^\]]*)\]"#)
    private static let bareURL = try? NSRegularExpression(pattern: #"<?\b(https?://[^\s<>()\]]+[^\s<>()\].,;:!?'"])>?"#)
    private static let codeSpan = try? NSRegularExpression(pattern: #"`+([^`]+)`+"#)

    /// Every link on a line; images are left out.
    static func links(in source: SourceLine) -> [MarkdownLink] {
        let text = source.text
        var result: [MarkdownLink] = []
        var covered: [NSRange] = []
        for match in matches(inlineLink, in: text) {
            covered.append(match.range)
            guard group(1, of: match, in: text).isEmpty else { continue }
            result.append(MarkdownLink(text: group(2, of: match, in: text), destination: group(3, of: match, in: text),
                                       line: source.line))
        }
        for match in matches(referenceLink, in: text) where !overlaps(match.range, covered) {
            covered.append(match.range)
            // A reference link's target is defined elsewhere; it is still a link a reader can follow.
            result.append(MarkdownLink(text: group(1, of: match, in: text), destination: "reference://" + group(2, of: match, in: text),
                                       line: source.line))
        }
        for match in matches(bareURL, in: text) where !overlaps(match.range, covered) {
            let url = group(1, of: match, in: text)
            result.append(MarkdownLink(text: url, destination: url, line: source.line))
        }
        return result
    }

    /// The contents of inline code spans on a line.
    static func codeSpans(in text: String) -> [String] {
        matches(codeSpan, in: text).map { group(1, of: $0, in: text).trimmingCharacters(in: .whitespaces) }
    }

    /// The line with link destinations, bare URLs and code spans blanked out, so that a scan for
    /// words does not read `data/reviews` inside `(data/reviews)` as prose.
    static func blankingLinksAndCode(_ text: String) -> String {
        var result = text as NSString
        for expression in [inlineLink, bareURL, codeSpan] {
            for match in matches(expression, in: result as String).reversed() {
                let keep = expression == inlineLink ? group(2, of: match, in: result as String) : ""
                result = result.replacingCharacters(in: match.range, with: " \(keep) ") as NSString
            }
        }
        return result as String
    }

    private static func matches(_ expression: NSRegularExpression?, in text: String) -> [NSTextCheckingResult] {
        expression?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? []
    }

    private static func group(_ index: Int, of match: NSTextCheckingResult, in text: String) -> String {
        guard index < match.numberOfRanges, let range = Range(match.range(at: index), in: text) else { return "" }
        return String(text[range])
    }

    private static func overlaps(_ range: NSRange, _ others: [NSRange]) -> Bool {
        others.contains { NSIntersectionRange($0, range).length > 0 }
    }
}
