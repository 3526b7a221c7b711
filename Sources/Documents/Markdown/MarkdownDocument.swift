import Foundation

/// A Markdown artifact parsed with cmark-gfm (the parser GitHub renders cards with): front
/// matter, the blocks before the first heading, a flat list of sections with parent/child links,
/// and HTML comments — all with 1-based lines and scalar columns of the original file.
///
/// Headings are top-level ATX/setext headings and bold pseudo-headings (see
/// `MarkdownReader.pseudoHeading`); headings inside lists or quotes are content.
public struct MarkdownDocument: Sendable {
    public let text: String
    public let frontMatter: FrontMatter?
    public let lineCount: Int
    let lines: LineIndex
    /// The CommonMark body, parsed on first use: a project build needs only the front matter and
    /// the text of most documents (which system, which data, whether a suppression is written);
    /// only the documents whose subjects are evaluated need their sections.
    private let parsed: ParsedBody

    /// The blocks before the first heading.
    public var preamble: [Block] { parsed.value.preamble }
    public var sections: [Section] { parsed.value.sections }
    public var htmlComments: [HTMLComment] { parsed.value.htmlComments }
    /// What could not be read as written in the body (front matter problems are in `frontMatter`):
    /// today, tables too large to parse as tables (`.tooLarge`, see `TableGuard`).
    public var problems: [ParseProblem] { parsed.value.problems }

    /// Never fails: unreadable front matter lands in `frontMatter.problem`, the body is still parsed
    /// (when first asked for). A leading byte-order mark is ignored.
    public static func parse(_ text: String) -> MarkdownDocument {
        let source = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        let lines = LineIndex(source)
        let (frontMatter, body) = FrontMatterReader.split(lines)
        return MarkdownDocument(text: source, frontMatter: frontMatter, lineCount: lines.lineCount, lines: lines,
                                parsed: ParsedBody(body: body, lines: lines))
    }

    /// Whether the text contains `needle` (a byte search that parses nothing).
    public func textContains(_ needle: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            let pattern = Array(needle.utf8)
            guard let first = pattern.first, pattern.count <= haystack.count else { return pattern.isEmpty }
            var index = 0
            let last = haystack.count - pattern.count
            while index <= last {
                if haystack[index] == first {
                    var matched = 1
                    while matched < pattern.count, haystack[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Line `n` (1-based) without its line break; "" when out of range.
    public func line(_ n: Int) -> String {
        guard n >= 1, n <= lineCount else { return "" }
        return lines.text(ofLine: n)
    }

    public func sections(_ key: SectionKey) -> [Section] {
        sections.filter { $0.key == key }
    }

    public func firstSection(_ key: SectionKey) -> Section? {
        sections.first { $0.key == key }
    }

    /// Index into `sections` of the first section with `key`.
    public func firstSectionIndex(_ key: SectionKey) -> Int? {
        sections.firstIndex { $0.key == key }
    }

    /// Indices of a section's subsections at any depth, in document order.
    public func descendants(of sectionIndex: Int) -> [Int] {
        guard sections.indices.contains(sectionIndex) else { return [] }
        let level = sections[sectionIndex].level
        var result: [Int] = []
        var index = sectionIndex + 1
        while index < sections.count, sections[index].level > level {
            result.append(index)
            index += 1
        }
        return result
    }

    /// A section's blocks followed by those of all its subsections, in document order.
    public func allBlocks(of sectionIndex: Int) -> [Block] {
        guard sections.indices.contains(sectionIndex) else { return [] }
        return ([sectionIndex] + descendants(of: sectionIndex)).flatMap { sections[$0].blocks }
    }

    /// The plain text of a section including its subsections (headings left out).
    public func text(ofSection sectionIndex: Int) -> String {
        allBlocks(of: sectionIndex).map(\.text).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// `Placeholders.isSubstantive` over the section including its subsections.
    public func isSubstantive(sectionIndex: Int) -> Bool {
        Placeholders.isSubstantive(text(ofSection: sectionIndex))
    }

    /// The innermost section whose heading or content covers `line`.
    public func sectionIndex(containing line: Int) -> Int? {
        sections.indices.last { sections[$0].range.start.line <= line && line <= max(sections[$0].endLine, sections[$0].range.end.line) }
    }

    /// Every prose span in document order: preamble, then each heading and its content.
    public var prose: [ProseSpan] {
        preamble.flatMap(\.prose) + sections.flatMap { $0.titleProse + $0.blocks.flatMap(\.prose) }
    }
}

/// A document's CommonMark body, parsed once on first use by whichever thread asks first (rules
/// evaluate subjects on several threads, and subjects share documents).
private final class ParsedBody: @unchecked Sendable {
    struct Value {
        let preamble: [Block]
        let sections: [Section]
        let htmlComments: [HTMLComment]
        let problems: [ParseProblem]
    }

    private let lock = NSLock()
    private var input: (body: [UInt8], lines: LineIndex)?
    private var parsed: Value?

    init(body: [UInt8], lines: LineIndex) {
        input = (body, lines)
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        guard let (body, lines) = input else { preconditionFailure("a body is parsed from its input") }
        let made = Self.parse(body, lines: lines)
        parsed = made
        input = nil
        return made
    }

    private static func parse(_ bytes: [UInt8], lines: LineIndex) -> Value {
        var body = bytes
        let problems = TableGuard.limit(&body)
        let reader = MarkdownReader(lines: lines)
        guard let tree = CMarkTree.parse(body) else {
            return Value(preamble: [], sections: [], htmlComments: [], problems: problems)
        }
        let root = CMarkNode(pointer: tree.root)
        var items: [SectionAssembler.Item] = []
        let nodes = root.children
        var position = 0
        while position < nodes.count {
            let node = nodes[position]
            position += 1
            // An HTML table may run over several HTML blocks (blank lines between its rows).
            if node.kind == .htmlBlock, HTMLTables.opensTable(node.literal) {
                var run = [node]
                var html = node.literal
                while !HTMLTables.closesTables(html), position < nodes.count, nodes[position].kind == .htmlBlock {
                    html += "\n" + nodes[position].literal
                    run.append(nodes[position])
                    position += 1
                }
                items += reader.htmlBlocks(run).map { .block($0) }
                continue
            }
            switch node.kind {
            case .heading:
                // A heading with no words (`## ` alone, a spacer some cards use) starts no
                // section: what follows stays in the section it belongs to.
                let heading = reader.heading(from: node)
                if heading.title.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
                    items.append(.heading(heading))
                }
            case .paragraph:
                if let (heading, rest) = reader.pseudoHeading(from: node) {
                    items.append(.heading(heading))
                    if let rest { items.append(.block(rest)) }
                } else {
                    items.append(.block(reader.block(from: node)))
                }
            default:
                items.append(.block(reader.block(from: node)))
            }
        }
        let comments = HTMLCommentFinder(reader: reader).comments(in: root)
        let (preamble, sections) = SectionAssembler.assemble(items)
        return withExtendedLifetime(tree) {
            Value(preamble: preamble, sections: sections, htmlComments: comments, problems: problems)
        }
    }
}

/// Builds the section list from top-level headings and blocks in document order.
enum SectionAssembler {
    enum Item {
        case heading(MarkdownReader.Heading)
        case block(Block)
    }

    static func assemble(_ items: [Item]) -> (preamble: [Block], sections: [Section]) {
        var preamble: [Block] = []
        var headings: [MarkdownReader.Heading] = []
        var contents: [[Block]] = []
        for item in items {
            switch item {
            case let .heading(heading):
                headings.append(heading)
                contents.append([])
            case let .block(block):
                if contents.isEmpty { preamble.append(block) } else { contents[contents.count - 1].append(block) }
            }
        }
        var parents = [Int?](repeating: nil, count: headings.count)
        var children = [[Int]](repeating: [], count: headings.count)
        var open: [Int] = []
        for (index, heading) in headings.enumerated() {
            while let last = open.last, headings[last].level >= heading.level { open.removeLast() }
            parents[index] = open.last
            if let parent = open.last { children[parent].append(index) }
            open.append(index)
        }
        var endLines = headings.indices.map { index in
            max(headings[index].range.end.line, contents[index].map(\.range.end.line).max() ?? 0)
        }
        for index in headings.indices.reversed() {
            if let parent = parents[index] { endLines[parent] = max(endLines[parent], endLines[index]) }
        }
        let sections = headings.indices.map { index in
            let heading = headings[index]
            let normalized = HeadingNormalizer.normalize(heading.title)
            return Section(title: heading.title, normalized: normalized,
                           key: HeadingAliases.key(forNormalized: normalized), level: heading.level,
                           style: heading.style, range: heading.range, titleProse: heading.prose,
                           blocks: contents[index], parent: parents[index], children: children[index],
                           endLine: endLines[index])
        }
        return (preamble, sections)
    }
}
