import Documents
import Lint

/// A life cycle document flattened into what evidence is looked for in: text lines (with any
/// `Label: value` split off), headings with the lines under them, and table columns.
///
/// Markdown, a YAML risk register, front matter and JSON all become the same lines, so one
/// search finds "Owner" whether it is a heading, `**Owner:** @ml-ops`, a table column, a
/// `| Owner | Jane |` row or an `owner:` key. Code blocks and HTML blocks are left out: they are
/// examples and markup, not statements. Placeholders (`TBD`, `[More Information Needed]`,
/// `<model name>` …) are removed from every text, so template filler never counts as content.
struct LifecycleDocument: Sendable {
    /// One line of content.
    struct Line: Sendable {
        let number: Int
        /// The line without Markdown markers, placeholders removed.
        let text: String
        /// The label before the first `:` (or a table row's first cell), in match form.
        let label: String?
        /// The label as written.
        let labelTitle: String?
        /// What follows the label, placeholders removed ("" when only filler was there).
        let value: String?
        /// Index into `headings` of the section holding the line.
        let section: Int?
    }

    /// A heading and the lines under it (its subsections included).
    struct Heading: Sendable {
        let title: String
        let label: String
        let key: SectionKey?
        let level: Int
        let line: Int
        /// Indices into `lines`.
        let lines: Range<Int>
        /// The section's text with code blocks, placeholders removed (for "how to get started").
        let textWithCode: String
    }

    /// A table column: its header and the non-empty cells under it.
    struct Column: Sendable {
        let title: String
        let label: String
        let line: Int
        let cells: [String]
        let section: Int?
    }

    let artifact: Artifact
    let lines: [Line]
    let headings: [Heading]
    let columns: [Column]
    /// Where a finding about the document as a whole goes: line 1, or a part's heading.
    let firstAnchor: Anchor

    var path: String { artifact.path }

    private static let memo = ArtifactMemo<LifecycleDocument?>()

    /// `init(_:)`, made once per path and blob for the process.
    static func memoised(_ artifact: Artifact) -> LifecycleDocument? {
        memo.value(for: artifact) { LifecycleDocument(artifact) }
    }

    /// Nil for unreadable documents and LFS pointers (other rules report those).
    init?(_ artifact: Artifact) {
        self.artifact = artifact
        var builder = Builder()
        switch artifact.content {
        case .markdown(let document):
            if let front = document.frontMatter?.root { builder.add(yaml: front, key: nil, section: nil) }
            builder.add(markdown: document)
        case .yaml(let node):
            if let node { builder.add(yaml: node, key: nil, section: nil) }
        case .json(let node):
            builder.add(json: node, key: nil, line: node.location.line)
        case .unreadable, .lfsPointer:
            return nil
        }
        lines = builder.lines
        headings = builder.headings
        columns = builder.columns
        firstAnchor = artifact.firstLine
    }

    private init(artifact: Artifact, lines: [Line], headings: [Heading], columns: [Column], firstAnchor: Anchor) {
        self.artifact = artifact
        self.lines = lines
        self.headings = headings
        self.columns = columns
        self.firstAnchor = firstAnchor
    }

    /// The part of the document under `headings[index]` (subsections included), as a document of
    /// its own: for evidence that lives in one section of a larger document (human oversight in
    /// the deployment plan, logging in the monitoring plan).
    func part(under index: Int) -> LifecycleDocument {
        let range = headings[index].lines
        var last = index
        while last + 1 < headings.count, headings[last + 1].level > headings[index].level { last += 1 }
        let inside = index...last
        func shift(_ section: Int?) -> Int? { section.flatMap { inside.contains($0) ? $0 - index : nil } }
        let partLines = lines[range].map {
            Line(number: $0.number, text: $0.text, label: $0.label, labelTitle: $0.labelTitle, value: $0.value, section: shift($0.section))
        }
        let partHeadings = headings[inside].map {
            Heading(title: $0.title, label: $0.label, key: $0.key, level: $0.level, line: $0.line,
                    lines: ($0.lines.lowerBound - range.lowerBound)..<($0.lines.upperBound - range.lowerBound),
                    textWithCode: $0.textWithCode)
        }
        let partColumns = columns.filter { $0.section.map(inside.contains) == true }.map {
            Column(title: $0.title, label: $0.label, line: $0.line, cells: $0.cells, section: shift($0.section))
        }
        return LifecycleDocument(artifact: artifact, lines: partLines, headings: partHeadings, columns: partColumns,
                                 firstAnchor: Anchor(path: artifact.path, line: headings[index].line))
    }

    /// The text of every line, joined: what "anywhere in the document" searches.
    var allText: String { lines.map(\.text).joined(separator: "\n") }

    /// The text of a heading's lines.
    func text(of heading: Heading) -> String {
        lines[heading.lines].map(\.text).joined(separator: "\n")
    }

    /// The text of the section holding `line` (the preamble's lines when it is in none).
    func enclosingText(ofLine number: Int) -> String {
        guard let line = lines.first(where: { $0.number == number }) else { return "" }
        if let section = line.section { return text(of: headings[section]) }
        return lines.filter { $0.section == nil }.map(\.text).joined(separator: "\n")
    }
}

// MARK: - Building

extension LifecycleDocument {
    fileprivate struct Builder {
        var lines: [Line] = []
        var headings: [Heading] = []
        var columns: [Column] = []

        mutating func add(markdown document: MarkdownDocument) {
            for block in document.preamble { add(block, in: document, section: nil) }
            var starts: [Int] = []
            for (index, section) in document.sections.enumerated() {
                starts.append(lines.count)
                for block in section.blocks { add(block, in: document, section: index) }
            }
            for (index, section) in document.sections.enumerated() {
                let last = document.descendants(of: index).last ?? index
                let end = last + 1 < starts.count ? starts[last + 1] : lines.count
                let withCode = Placeholders.strip(document.text(ofSection: index))
                headings.append(Heading(title: section.title, label: LifecycleText.matchForm(section.normalized),
                                        key: section.key, level: section.level, line: section.range.start.line,
                                        lines: starts[index]..<end,
                                        textWithCode: withCode))
            }
        }

        private mutating func add(_ block: Block, in document: MarkdownDocument, section: Int?) {
            switch block.kind {
            case .paragraph, .list, .blockQuote:
                var inComment = false
                for number in block.range.start.line...max(block.range.start.line, block.range.end.line) {
                    let raw = Self.removeComments(document.line(number), inComment: &inComment)
                    add(markdownLine: raw, number: number, section: section)
                }
            case .table(let table):
                add(table, section: section)
            case .code, .html, .thematicBreak:
                break
            }
        }

        private mutating func add(_ table: Table, section: Int?) {
            for (column, title) in table.header.enumerated() {
                let cells = table.rows.compactMap { row -> String? in
                    guard column < row.count else { return nil }
                    let cell = Self.clean(Placeholders.strip(row[column]))
                    return LifecycleText.hasValue(cell) ? cell : nil
                }
                columns.append(Column(title: title, label: LifecycleText.matchForm(title), line: table.range.start.line,
                                      cells: cells, section: section))
            }
            for (row, cells) in table.rows.enumerated() {
                let number = row < table.rowLines.count ? table.rowLines[row] : table.range.start.line
                let stripped = cells.map { Self.clean(Placeholders.strip($0)) }
                let text = stripped.filter(LifecycleText.hasValue).joined(separator: " | ")
                var label: String?, title: String?, value: String?
                if cells.count >= 2, let first = cells.first, Self.isLabel(first) {
                    title = first
                    label = LifecycleText.matchForm(first)
                    value = stripped.dropFirst().filter(LifecycleText.hasValue).joined(separator: " | ")
                }
                lines.append(Line(number: number, text: text, label: label, labelTitle: title, value: value, section: section))
            }
        }

        /// A Markdown source line: quote and list markers, emphasis and code ticks removed, then
        /// split at the first `:` when what comes before reads as a label.
        private mutating func add(markdownLine raw: String, number: Int, section: Int?) {
            let bare = Self.stripMarkers(raw)
            guard LifecycleText.hasValue(bare) else { return }
            var label: String?, title: String?, value: String?
            if let colon = bare.firstIndex(of: ":") {
                let head = String(bare[..<colon]).trimmingCharacters(in: .whitespaces)
                let tail = bare[bare.index(after: colon)...]
                if !tail.hasPrefix("/"), Self.isLabel(head) {
                    let strippedHead = Placeholders.strip(head)
                    if LifecycleText.hasValue(strippedHead) {
                        title = head
                        label = LifecycleText.matchForm(head)
                        value = Self.clean(Placeholders.strip(String(tail)))
                    }
                }
            }
            let text = Self.clean(Placeholders.strip(bare))
            lines.append(Line(number: number, text: text, label: label, labelTitle: title, value: value, section: section))
        }

        mutating func add(yaml node: YAMLNode, key: String?, section: Int?) {
            switch node.value {
            case .mapping(let pairs):
                for pair in pairs {
                    guard let name = pair.key.string else { continue }
                    let value = Self.clean(Placeholders.strip(Self.scalars(of: pair.value).joined(separator: "; ")))
                    lines.append(Line(number: pair.key.location.line, text: Self.clean("\(name): \(value)"),
                                      label: LifecycleText.matchForm(name), labelTitle: name, value: value, section: section))
                    if pair.value.pairs != nil || pair.value.array != nil { add(yaml: pair.value, key: name, section: section) }
                }
            case .sequence(let items):
                for item in items {
                    if let text = item.string {
                        lines.append(Line(number: item.location.line, text: Self.clean(Placeholders.strip(text)),
                                          label: nil, labelTitle: nil, value: nil, section: section))
                    } else {
                        add(yaml: item, key: key, section: section)
                    }
                }
            default:
                if let text = node.string {
                    lines.append(Line(number: node.location.line, text: Self.clean(Placeholders.strip(text)),
                                      label: nil, labelTitle: nil, value: nil, section: section))
                }
            }
        }

        mutating func add(json node: JSONNode, key: String?, line: Int) {
            switch node.value {
            case .object(let members):
                for member in members {
                    let value = Self.clean(Placeholders.strip(Self.scalars(of: member.value).joined(separator: "; ")))
                    lines.append(Line(number: member.keyLocation.line, text: Self.clean("\(member.key): \(value)"),
                                      label: LifecycleText.matchForm(member.key), labelTitle: member.key, value: value,
                                      section: nil))
                    if member.value.members != nil || member.value.array != nil {
                        add(json: member.value, key: member.key, line: member.keyLocation.line)
                    }
                }
            case .array(let items):
                for item in items where item.members != nil || item.array != nil {
                    add(json: item, key: key, line: item.location.line)
                }
            default:
                break
            }
        }

        static func scalars(of node: YAMLNode) -> [String] {
            if let text = node.string { return [text] }
            if let items = node.array { return items.flatMap(scalars(of:)) }
            if let pairs = node.pairs { return pairs.flatMap { scalars(of: $0.value) } }
            return []
        }

        static func scalars(of node: JSONNode) -> [String] {
            switch node.value {
            case .string(let text): return [text]
            case .number(let number): return [String(number)]
            case .bool(let flag): return [String(flag)]
            case .array(let items): return items.flatMap(scalars(of:))
            case .object(let members): return members.flatMap { scalars(of: $0.value) }
            case .null: return []
            }
        }
    }
}

// MARK: - Text cleaning

extension LifecycleDocument.Builder {
    /// A label is short (1–6 words), holds a letter, and is not a sentence.
    static func isLabel(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard (1...6).contains(words.count), text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        return !text.hasSuffix(".") && !text.contains("](")
    }

    /// Removes `<!-- … -->` (a comment may run over several lines of one block).
    static func removeComments(_ line: String, inComment: inout Bool) -> String {
        var result = ""
        var rest = Substring(line)
        while !rest.isEmpty {
            if inComment {
                guard let close = rest.range(of: "-->") else { return result }
                rest = rest[close.upperBound...]
                inComment = false
            } else if let open = rest.range(of: "<!--") {
                result += rest[..<open.lowerBound]
                rest = rest[open.upperBound...]
                inComment = true
            } else {
                result += rest
                rest = ""
            }
        }
        return result
    }

    /// Leading quote and list markers and task boxes, emphasis markers and code ticks removed.
    static func stripMarkers(_ raw: String) -> String {
        var text = Substring(raw).drop { $0 == " " || $0 == "\t" }
        var changed = true
        while changed {
            changed = false
            if text.hasPrefix(">") { text = text.dropFirst().drop { $0 == " " }; changed = true }
            for marker in ["- ", "* ", "+ ", "[ ] ", "[x] ", "[X] "] where text.hasPrefix(marker) {
                text = text.dropFirst(marker.count).drop { $0 == " " }
                changed = true
            }
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 3 {
                let after = text.dropFirst(digits.count)
                if after.hasPrefix(". ") || after.hasPrefix(") ") { text = after.dropFirst(2).drop { $0 == " " }; changed = true }
            }
        }
        var result = String(text)
        for marker in ["**", "__", "`"] { result = result.replacingOccurrences(of: marker, with: "") }
        if result.hasPrefix("*") { result.removeFirst() }
        result = result.replacingOccurrences(of: "*:", with: ":").replacingOccurrences(of: ":*", with: ":")
        return result
    }

    /// Inline HTML tags and bracketed examples (`[e.g. daily]`, a template's hint) removed,
    /// whitespace collapsed and trimmed.
    static func clean(_ text: String) -> String {
        var result = ""
        var rest = Substring(removeBracketedExamples(text))
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let first = after.first, first.isLetter || first == "/", let close = after.firstIndex(of: ">") {
                rest = after[after.index(after: close)...]
            } else {
                result += "<"
                rest = after
            }
        }
        result += rest
        return result.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

extension LifecycleDocument.Builder {
    /// `[e.g. …]` and `[for example …]` on one line, unless a link target follows.
    static func removeBracketedExamples(_ text: String) -> String {
        guard text.contains("[") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            let inside = rest[rest.index(after: open)...]
            let lowered = inside.prefix(12).lowercased()
            if lowered.hasPrefix("e.g.") || lowered.hasPrefix("eg ") || lowered.hasPrefix("for example"),
               let close = inside.firstIndex(of: "]") {
                let after = inside[inside.index(after: close)...]
                if !after.hasPrefix("(") && !after.hasPrefix("[") {
                    result += rest[..<open]
                    result += " "
                    rest = after
                    continue
                }
            }
            result += rest[...open]
            rest = inside
        }
        result += rest
        return result
    }
}
