/// Recognises Hugging Face Hub repository ids (`owner/name`) in card text.
///
/// Plain prose is full of slashes ("train/test", "and/or", "F1/accuracy", "24/7"), so a bare
/// `a/b` counts only when it looks like an id people type: written as inline code, linked from
/// the Hub, or carrying a `-`, `_` or a digit in its name (`acme/reviews-2024`, `glue/sst2`).
/// A token that names an existing path of the repository is a path, not an id; callers check that.
enum HubIDs {
    /// Whether text has the shape `owner/name` (letters, digits, `-`, `_`, `.`; both parts with a letter).
    static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            part.count >= 2 && part.count <= 96 && part.first.map { $0.isLetter || $0.isNumber } == true
                && part.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.".contains($0) }
                && part.contains(where: \.isLetter) && !part.hasSuffix(".")
        }
    }

    /// A Hub id inside a Hub URL (`https://huggingface.co/datasets/acme/reviews`), if any.
    static func id(inURL url: String) -> String? {
        for prefix in ["huggingface.co/datasets/", "hf.co/datasets/", "huggingface.co/", "hf.co/"] {
            guard let range = url.range(of: prefix) else { continue }
            let rest = url[range.upperBound...].split(separator: "/").prefix(2).map(String.init)
            guard rest.count == 2 else { continue }
            let candidate = rest[0] + "/" + (rest[1].split(whereSeparator: { "#?".contains($0) }).first.map(String.init) ?? "")
            if isWellFormed(candidate) { return candidate }
        }
        return nil
    }

    /// Ids written on one source line: in code spans, in Hub links, or as distinctive bare tokens.
    static func ids(in source: SourceLine) -> [String] {
        var result: [String] = []
        for code in MarkdownLinks.codeSpans(in: source.text) where isWellFormed(code) { result.append(code) }
        for link in MarkdownLinks.links(in: source) {
            if let id = id(inURL: link.destination) { result.append(id) }
        }
        let prose = MarkdownLinks.blankingLinksAndCode(source.text)
        for token in prose.split(whereSeparator: { $0.isWhitespace || "()[]<>,;:!?\"'*".contains($0) }) {
            var candidate = Substring(token)
            while let last = candidate.last, last == "." { candidate = candidate.dropLast() }
            let text = String(candidate)
            guard isWellFormed(text), let name = text.split(separator: "/").last else { continue }
            if text.contains("-") || text.contains("_") || name.contains(where: \.isNumber) { result.append(text) }
        }
        var seen: Set<String> = []
        return result.filter { seen.insert($0.lowercased()).inserted }
    }
}
