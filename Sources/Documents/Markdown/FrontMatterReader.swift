/// Separates YAML front matter from the Markdown body. Front matter exists only when the first
/// line is `---`; it ends at the next `---` or `...` line. The body handed to cmark has the front
/// matter lines blanked (not removed), so every line number stays the file's own.
enum FrontMatterReader {
    static func split(_ lines: LineIndex) -> (frontMatter: FrontMatter?, body: [UInt8]) {
        guard lines.lineCount >= 1, trimmedTrailing(lines.text(ofLine: 1)) == "---" else { return (nil, lines.bytes) }
        let opening = SourceRange(start: .start, end: SourceLocation(line: 1, column: 3))
        guard let close = (2...max(2, lines.lineCount)).first(where: { line in
            line <= lines.lineCount && ["---", "..."].contains(trimmedTrailing(lines.text(ofLine: line)))
        }) else {
            let problem = ParseProblem(
                kind: .frontMatter,
                message: "front matter opened by '---' on line 1 is never closed; add a line '---' after it",
                location: .start)
            return (FrontMatter(root: nil, range: opening, problem: problem), lines.bytes)
        }
        let yamlStart = lines.lineStarts[1]
        let yamlEnd = lines.lineStarts[close - 1]
        let yaml = String(decoding: lines.bytes[yamlStart..<yamlEnd], as: UTF8.self)
        let closeWidth = max(lines.text(ofLine: close).unicodeScalars.count, 1)
        let range = SourceRange(start: .start, end: SourceLocation(line: close, column: closeWidth))
        let frontMatter: FrontMatter
        switch YAMLDocument.parse(yaml, lineOffset: 1) {
        case let .success(root): frontMatter = FrontMatter(root: root, range: range, problem: nil)
        case let .failure(problem): frontMatter = FrontMatter(root: nil, range: range, problem: problem)
        }
        let afterClose = close < lines.lineStarts.count ? lines.lineStarts[close] : lines.bytes.count
        let body = [UInt8](repeating: 0x0A, count: close) + lines.bytes[afterClose...]
        return (frontMatter, body)
    }

    private static func trimmedTrailing(_ text: String) -> String {
        var result = text
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
