import Foundation

/// Turns cmark nodes into our blocks, headings and prose spans, converting cmark's byte columns
/// to scalar columns and double-checking inline positions against the source line.
struct MarkdownReader {
    let lines: LineIndex

    /// A heading before it becomes a `Section` (which also needs its content and family).
    struct Heading {
        let title: String
        let level: Int
        let style: HeadingStyle
        let range: SourceRange
        let prose: [ProseSpan]
    }

    // MARK: Positions

    func location(line: Int, byteColumn: Int) -> SourceLocation {
        SourceLocation(line: max(line, 1), column: lines.scalarColumn(line: line, byteColumn: byteColumn))
    }

    /// A node's range; cmark sometimes ends a block at column 0 of the following line, which means
    /// the end of the line before.
    func range(of node: CMarkNode) -> SourceRange {
        let start = location(line: node.startLine, byteColumn: node.startColumn)
        var endLine = min(node.endLine, max(lines.lineStarts.count, 1))
        var endByteColumn = node.endColumn
        if endByteColumn <= 0 {
            endLine = max(endLine - 1, start.line)
            endByteColumn = max(lines.content(ofLine: endLine).count, 1)
        }
        let end = location(line: endLine, byteColumn: endByteColumn)
        return SourceRange(start: start, end: max(start, end))
    }

    /// Where a text node really starts. cmark's inline columns are right in most places but can
    /// be off inside indented list continuations, so the node's leading plain characters are
    /// looked for at cmark's column and, failing that, nearest to it on the same line.
    func textLocation(_ literal: String, _ node: CMarkNode) -> SourceLocation {
        let line = node.startLine
        var byteColumn = node.startColumn
        let content = lines.content(ofLine: line)
        let probe = Self.probe(literal)
        if line >= 1, !probe.isEmpty, !Self.occurs(probe, in: content, at: content.startIndex + byteColumn - 1),
           let found = Self.nearest(probe, in: content, to: content.startIndex + byteColumn - 1) {
            byteColumn = found - content.startIndex + 1
        }
        return location(line: line, byteColumn: byteColumn)
    }

    /// The literal's first letters, digits and spaces (escapes and entities could change anything else).
    private static func probe(_ literal: String) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        for scalar in literal.unicodeScalars.prefix(24) {
            guard scalar == " " || scalar.properties.isAlphabetic || (scalar >= "0" && scalar <= "9") else { break }
            scalars.append(scalar)
        }
        guard scalars.contains(where: { $0 != " " }) else { return [] }
        return Array(String(scalars).utf8)
    }

    private static func occurs(_ probe: [UInt8], in content: ArraySlice<UInt8>, at offset: Int) -> Bool {
        guard offset >= content.startIndex, offset + probe.count <= content.endIndex else { return false }
        return content[offset..<(offset + probe.count)].elementsEqual(probe)
    }

    private static func nearest(_ probe: [UInt8], in content: ArraySlice<UInt8>, to offset: Int) -> Int? {
        let window = 2000
        let low = max(content.startIndex, offset - window)
        let high = min(content.endIndex - probe.count, offset + window)
        guard low <= high else { return nil }
        var best: Int?
        for candidate in low...high where occurs(probe, in: content, at: candidate) {
            if best.map({ abs(candidate - offset) < abs($0 - offset) }) ?? true { best = candidate }
        }
        return best
    }

    // MARK: Content

    /// Plain text and prose of nodes and everything under them.
    func content(of nodes: [CMarkNode], breaks: String = "\n", withProse: Bool = true) -> (text: String, prose: [ProseSpan]) {
        var collector = ContentCollector(reader: self, breaks: breaks, withProse: withProse)
        for node in nodes { node.walk { collector.visit($0, entering: $1) } }
        return (collector.text, collector.prose)
    }

    func block(from node: CMarkNode) -> Block {
        let range = self.range(of: node)
        switch node.kind {
        case .codeBlock:
            return Block(kind: .code(info: node.fenceInfo), range: range, text: node.literal, prose: [])
        case .htmlBlock:
            let text = HTMLText.visibleText(node.literal).trimmingCharacters(in: .whitespacesAndNewlines)
            return Block(kind: .html, range: range, text: text, prose: [])
        case .thematicBreak:
            return Block(kind: .thematicBreak, range: range, text: "", prose: [])
        case .table:
            let (text, prose) = content(of: [node])
            return Block(kind: .table(table(from: node, range: range)), range: range, text: text, prose: prose)
        default:
            let kind: BlockKind = node.kind == .list ? .list : node.kind == .blockQuote ? .blockQuote : .paragraph
            let (text, prose) = content(of: [node])
            return Block(kind: kind, range: range, text: text, prose: prose)
        }
    }

    /// A run of HTML blocks that holds tables: one table block per `<table>`, read from the source
    /// lines (so every row keeps its line), and an HTML block for the run when it holds none.
    func htmlBlocks(_ run: [CMarkNode]) -> [Block] {
        guard let first = run.first, let last = run.last else { return [] }
        let whole = SourceRange(start: range(of: first).start, end: range(of: last).end)
        let startLine = whole.start.line
        let source = (startLine...max(startLine, whole.end.line))
            .map { String(decoding: lines.content(ofLine: $0), as: UTF8.self) }.joined(separator: "\n")
        let tables = HTMLTables.tables(in: source)
        guard !tables.isEmpty else {
            let text = run.map { HTMLText.visibleText($0.literal) }.joined(separator: "\n")
            return [Block(kind: .html, range: whole, text: text.trimmingCharacters(in: .whitespacesAndNewlines), prose: [])]
        }
        return tables.map { parsed in
            let range = SourceRange(start: SourceLocation(line: startLine + parsed.startLine, column: 1),
                                    end: SourceLocation(line: startLine + parsed.endLine, column: 1))
            let table = Table(header: parsed.header, rows: parsed.rows, range: range,
                              rowLines: parsed.rowLines.map { startLine + $0 })
            let text = ([parsed.header] + parsed.rows).map { $0.joined(separator: " | ") }.joined(separator: "\n")
            return Block(kind: .table(table), range: range, text: text, prose: [])
        }
    }

    func table(from node: CMarkNode, range: SourceRange) -> Table {
        var header: [String] = []
        var rows: [[String]] = []
        var rowLines: [Int] = []
        for row in node.children {
            guard case let .tableRow(isHeader) = row.kind else { continue }
            let cells = row.children.map { Self.trimmed(content(of: $0.children, breaks: " ", withProse: false).text) }
            if isHeader {
                header = cells
            } else {
                rows.append(cells)
                rowLines.append(row.startLine)
            }
        }
        return Table(header: header, rows: rows, range: range, rowLines: rowLines)
    }

    func heading(from node: CMarkNode) -> Heading {
        let (text, prose) = content(of: node.children, breaks: " ")
        let range = self.range(of: node)
        let firstLine = lines.content(ofLine: range.start.line).drop { $0 == 0x20 }
        let style: HeadingStyle = firstLine.first == UInt8(ascii: "#") ? .atx : .setext
        return Heading(title: text.trimmingCharacters(in: .whitespaces), level: node.headingLevel, style: style,
                       range: range, prose: prose)
    }

    /// A paragraph whose first line is only strong text (optionally followed by `:`), read as a
    /// level-7 heading when the text is a known heading or looks like one (≤ 10 words, not ending
    /// in `.` or `!`). Returns the heading and the rest of the paragraph, if any, as a block.
    func pseudoHeading(from paragraph: CMarkNode) -> (Heading, Block?)? {
        let kids = paragraph.children
        guard let strong = kids.first, strong.kind == .strong else { return nil }
        var index = 1
        if index < kids.count, kids[index].kind == .text,
           [":", ""].contains(kids[index].literal.trimmingCharacters(in: .whitespaces)) {
            index += 1
        }
        guard index == kids.count || kids[index].kind == .softBreak || kids[index].kind == .lineBreak else { return nil }
        let (text, prose) = content(of: strong.children, breaks: " ")
        let title = text.trimmingCharacters(in: .whitespaces)
        guard Self.looksLikeHeading(title) else { return nil }
        let whole = range(of: paragraph)
        let rest = index < kids.count ? Array(kids[(index + 1)...]) : []
        let firstLineEnd = location(line: whole.start.line, byteColumn: lines.content(ofLine: whole.start.line).count)
        let headingRange = SourceRange(start: whole.start, end: rest.isEmpty ? whole.end : firstLineEnd)
        let heading = Heading(title: title, level: 7, style: .boldParagraph, range: headingRange, prose: prose)
        guard !rest.isEmpty else { return (heading, nil) }
        let (restText, restProse) = content(of: rest)
        let restLine = whole.start.line + 1
        let indent = lines.content(ofLine: restLine).prefix { $0 == 0x20 || $0 == 0x09 }.count
        let restRange = SourceRange(start: location(line: restLine, byteColumn: indent + 1), end: whole.end)
        return (heading, Block(kind: .paragraph, range: restRange, text: restText, prose: restProse))
    }

    private static func trimmed(_ text: String) -> String {
        guard text.first == " " || text.last == " " else { return text }
        return String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    static func looksLikeHeading(_ title: String) -> Bool {
        guard title.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        if HeadingAliases.key(forHeading: title) != nil { return true }
        let words = title.split(whereSeparator: { $0.isWhitespace }).count
        return words <= 10 && !title.hasSuffix(".") && !title.hasSuffix("!")
    }
}

/// Gathers text and prose while walking a subtree: images are left out entirely; code, HTML,
/// struck-through text and autolinked URLs go into the text but not the prose.
private struct ContentCollector {
    let reader: MarkdownReader
    let breaks: String
    let withProse: Bool
    var text = ""
    var prose: [ProseSpan] = []
    private var hidden = 0
    private var notProse = 0

    init(reader: MarkdownReader, breaks: String, withProse: Bool) {
        self.reader = reader
        self.breaks = breaks
        self.withProse = withProse
    }

    mutating func visit(_ node: CMarkNode, entering: Bool) {
        let step = entering ? 1 : -1
        switch node.kind {
        case .image: hidden += step
        case .strikethrough: notProse += step
        case .link where Self.isAutolink(node): notProse += step
        case .paragraph, .item, .heading, .blockQuote, .tableRow, .list:
            if entering { separateLine() }
        case .tableCell:
            if entering, !text.isEmpty, !text.hasSuffix("\n") { text += " | " }
        case .text where hidden == 0:
            let literal = node.literal
            text += literal
            if withProse, notProse == 0, literal.contains(where: { !$0.isWhitespace }) {
                prose.append(ProseSpan(text: literal, location: reader.textLocation(literal, node)))
            }
        case .code where hidden == 0:
            text += node.literal
        case .softBreak where hidden == 0, .lineBreak where hidden == 0:
            text += breaks
        case .htmlInline where hidden == 0:
            // Only a slot like `<model name>` (which cmark reads as a tag) matters as text.
            let literal = node.literal
            if Placeholders.matches(in: literal).first.map({ $0 == literal.startIndex..<literal.endIndex }) == true {
                text += literal
            }
        case .codeBlock:
            separateLine()
            text += node.literal
        case .htmlBlock:
            separateLine()
            text += HTMLText.visibleText(node.literal)
        default:
            break
        }
    }

    private mutating func separateLine() {
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
    }

    /// A link whose text is its own address (`<https://x>`, a bare `www.x.org`): a URL, not prose.
    private static func isAutolink(_ link: CMarkNode) -> Bool {
        let children = link.children
        guard children.count == 1, children[0].kind == .text else { return false }
        let label = children[0].literal
        let url = link.url
        if url == label { return true }
        for scheme in ["mailto:", "http://", "https://"] where url.hasPrefix(scheme) {
            if String(url.dropFirst(scheme.count)) == label { return true }
        }
        return false
    }
}

/// What an HTML block says in words: comments and tags removed.
enum HTMLText {
    static func visibleText(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(where: { $0 == "<" }) {
            result += rest[..<open]
            let after = rest[open...]
            if after.hasPrefix("<!--") {
                guard let close = after.range(of: "-->") else { return result }
                rest = after[close.upperBound...]
            } else if let close = after.firstIndex(of: ">") {
                rest = after[after.index(after: close)...]
            } else {
                result += after
                rest = ""
            }
        }
        result += rest
        return result
    }
}
