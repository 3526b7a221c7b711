/// YAML front matter: the block between a first line `---` and the next `---` or `...` line.
public struct FrontMatter: Sendable {
    /// The parsed mapping (or whatever YAML it holds); nil when empty or unreadable.
    public let root: YAMLNode?
    /// From the opening `---` to the closing line, both included.
    public let range: SourceRange
    /// Why the front matter could not be read: unclosed (`.frontMatter` at 1:1), invalid YAML
    /// (`.yaml` at libyaml's position), `.tooDeep`, `.aliasExpansion`.
    public let problem: ParseProblem?

    public init(root: YAMLNode?, range: SourceRange, problem: ParseProblem?) {
        self.root = root
        self.range = range
        self.problem = problem
    }
}

/// How a heading was written. A bold paragraph (`**Intended use**` alone on its line) counts as a
/// heading one level below any real one (`Section.level` 7).
public enum HeadingStyle: Hashable, Sendable {
    case atx, setext, boldParagraph
}

/// A GFM table. Cells are plain text (inline markup removed, code spans kept as their text).
public struct Table: Hashable, Sendable {
    public let header: [String]
    public let rows: [[String]]
    public let range: SourceRange
    /// The line of each body row, parallel to `rows` (the header is on `range.start.line`).
    public let rowLines: [Int]

    public init(header: [String], rows: [[String]], range: SourceRange, rowLines: [Int]) {
        self.header = header
        self.rows = rows
        self.range = range
        self.rowLines = rowLines
    }
}

/// What a top-level block is.
public enum BlockKind: Hashable, Sendable {
    case paragraph, list, table(Table), code(info: String), html, blockQuote, thematicBreak
}

/// A run of prose — never code, inline code, a link destination, an autolinked URL, image alt
/// text, struck-through text or HTML — with the location of its first character. It never spans
/// lines. A character at scalar offset `k` of `text` is at `location.column + k`, exactly so
/// unless the source wrote it with an escape or entity (`\*`, `&amp;`).
public struct ProseSpan: Hashable, Sendable {
    public let text: String
    public let location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }

    /// Where the character at `index` of `text` is in the document.
    public func location(of index: String.Index) -> SourceLocation {
        let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
        return SourceLocation(line: location.line, column: location.column + offset)
    }
}

/// One top-level block of a Markdown document.
public struct Block: Hashable, Sendable {
    public let kind: BlockKind
    public let range: SourceRange
    /// The block as plain text: inline markup removed, lines kept (`\n`), table cells joined by
    /// ` | `; for code, the code; for HTML, the text between tags with comments removed.
    public let text: String
    public let prose: [ProseSpan]

    public init(kind: BlockKind, range: SourceRange, text: String, prose: [ProseSpan]) {
        self.kind = kind
        self.range = range
        self.text = text
        self.prose = prose
    }
}

/// A heading and the content under it.
public struct Section: Hashable, Sendable {
    /// Heading text as written, inline markup removed.
    public let title: String
    /// See `HeadingNormalizer.normalize`.
    public let normalized: String
    /// The canonical key (`HeadingAliases`), nil for an unknown heading.
    public let key: SectionKey?
    /// 1…6 for real headings; 7 for bold pseudo-headings, below any real heading.
    public let level: Int
    public let style: HeadingStyle
    /// The heading line(s): two lines for setext headings.
    public let range: SourceRange
    /// The heading's own words as prose (for terminology checks).
    public let titleProse: [ProseSpan]
    /// Content up to the next heading of any level.
    public let blocks: [Block]
    /// Index into `MarkdownDocument.sections` of the nearest earlier section with a lower level.
    public let parent: Int?
    public let children: [Int]
    /// Last line with content of this section or its subsections (the heading's last line when empty).
    public let endLine: Int
}

/// An HTML comment (`<!-- … -->`) outside code. Template instructions live in these.
public struct HTMLComment: Hashable, Sendable {
    /// The inside, trimmed.
    public let text: String
    public let range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
