import Foundation
import Documents
import Lint

/// A model card as the MC rules read it: a Markdown document (Hugging Face, Mitchell et al. or
/// any mix of headings) or a Model Card Toolkit JSON tree, with the section queries the rules
/// share. Unreadable cards and Git LFS pointers are left to AIMS-005 and GIT-003.
struct ModelCardDocument {
    let artifact: Artifact
    let markdown: MarkdownDocument?
    let json: JSONNode?

    init?(_ artifact: Artifact) {
        switch artifact.content {
        case .markdown(let document):
            markdown = document
            json = nil
        case .json(let node):
            markdown = nil
            json = node
        case .yaml, .unreadable, .lfsPointer:
            return nil
        }
        self.artifact = artifact
    }

    /// The subject's model cards that can be read.
    static func cards(of context: RuleContext) -> [ModelCardDocument] {
        context.modelCards.compactMap(ModelCardDocument.init)
    }

    /// Why an MC rule has nothing to judge for a subject without a readable card.
    static let noCardReason = "no readable model card (MC-001, AIMS-005 and GIT-003 report why)"

    var path: String { artifact.path }

    /// Front matter that parsed; a broken one is AIMS-005's finding, so rules treat it as absent.
    var frontMatter: YAMLNode? { markdown?.frontMatter?.root }

    /// Whether the front matter could not be read (rules that are about front matter stay silent).
    var frontMatterIsBroken: Bool { markdown?.frontMatter?.problem != nil }

    /// Where a finding about something the card lacks goes: its title heading, else its first line.
    var titleAnchor: Anchor {
        if let first = markdown?.sections.first, first.level == 1 { return anchor(first) }
        return artifact.firstLine
    }

    func anchor(_ section: Section) -> Anchor {
        Anchor(path: path, line: section.range.start.line, column: section.range.start.column)
    }

    func anchor(_ location: SourceLocation) -> Anchor {
        Anchor(path: path, line: location.line, column: location.column)
    }

    func anchor(line: Int) -> Anchor { Anchor(path: path, line: line) }

    // MARK: Sections

    var sections: [Section] { markdown?.sections ?? [] }

    /// Indices of the sections whose key is one of `keys`, or whose normalised title contains one
    /// of `titleWords` (for headings the alias table does not know, e.g. "Training results").
    func sectionIndices(keys: Set<SectionKey>, titleWords: [String] = []) -> [Int] {
        sections.indices.filter { index in
            let section = sections[index]
            if let key = section.key, keys.contains(key) { return true }
            return titleWords.contains { LifecycleText.bytes(section.normalized, contain: $0) }
        }
    }

    /// The indices that are not inside another listed section (so content is read once).
    func outermost(_ indices: [Int]) -> [Int] {
        guard let document = markdown else { return [] }
        var covered: Set<Int> = []
        var result: [Int] = []
        for index in indices.sorted() where !covered.contains(index) {
            result.append(index)
            covered.formUnion(document.descendants(of: index))
        }
        return result
    }

    /// A section's blocks and its subsections', leaving out each subsection whose key is in
    /// `excluded` together with everything below it (so "Out-of-Scope Use" under "Uses" does not
    /// make the intended use look written).
    func blocks(of index: Int, excluding excluded: Set<SectionKey> = []) -> [Block] {
        guard let document = markdown, sections.indices.contains(index) else { return [] }
        var result = sections[index].blocks
        var skipBelow: Int?
        for child in document.descendants(of: index) {
            let section = sections[child]
            if let level = skipBelow {
                if section.level > level { continue }
                skipBelow = nil
            }
            if let key = section.key, excluded.contains(key) {
                skipBelow = section.level
                continue
            }
            result += section.blocks
        }
        return result
    }

    /// The plain text of `blocks(of:excluding:)`.
    func text(of index: Int, excluding excluded: Set<SectionKey> = []) -> String {
        blocks(of: index, excluding: excluded).map(\.text).joined(separator: "\n")
    }

    /// The MC rules' one verdict on a section a card must have: nil when one of the sections at
    /// `indices` is answered; else an absence (SPEC §5.1) at the first of them, which is empty or
    /// template text, or at the title when the card has none.
    func absentSection(_ indices: [Int], anchor: String, isAnswered: (Int) -> Bool,
                       none: String, empty: (_ title: String) -> String) -> Violation? {
        if indices.contains(where: isAnswered) { return nil }
        if let first = indices.first {
            return .absent(empty(sections[first].title), at: self.anchor(sections[first]), anchor: anchor)
        }
        return .absent(none, at: titleAnchor, anchor: anchor)
    }

    /// Whether the card says anything beyond headings and template text: front matter (a broken
    /// one is AIMS-005's finding, not an empty card) or any block that is substantive once
    /// placeholders are gone.
    var saysAnything: Bool {
        if frontMatterIsBroken { return true }
        if let front = frontMatter, case .mapping(let pairs) = front.value, !pairs.isEmpty { return true }
        return allBlocks.contains { block in
            if case .code = block.kind { return false }
            return Placeholders.isSubstantive(block.text)
        }
    }

    /// Whether the section says something once placeholders are gone.
    func isSubstantive(_ index: Int, excluding excluded: Set<SectionKey> = []) -> Bool {
        Placeholders.isSubstantive(text(of: index, excluding: excluded))
    }

    /// Blocks at the top of the card: the preamble and the title section's own content, where
    /// generated cards put a one-line summary of results.
    var topBlocks: [Block] {
        guard let document = markdown else { return [] }
        var result = document.preamble
        if let first = document.sections.first, first.level == 1 { result += first.blocks }
        return result
    }

    /// Every block of the card in document order.
    var allBlocks: [Block] {
        guard let document = markdown else { return [] }
        return document.preamble + document.sections.flatMap(\.blocks)
    }

    /// The source lines of the given blocks, leaving out code and raw HTML (what a reader sees as text).
    func sourceLines(of blocks: [Block]) -> [SourceLine] {
        guard let document = markdown else { return [] }
        var result: [SourceLine] = []
        for block in blocks {
            switch block.kind {
            case .code, .html, .thematicBreak: continue
            default: break
            }
            for line in block.range.start.line...max(block.range.start.line, block.range.end.line) {
                result.append(SourceLine(line: line, text: document.line(line)))
            }
        }
        return result
    }

    /// `Label: value` lines (`- **License:** MIT`, `Model date: March 2024`) among the blocks,
    /// and two-column table rows (`| Model version | 2.1.0 |`), which vendor cards use the same way.
    func fields(in blocks: [Block]) -> [FieldLine] {
        var result = sourceLines(of: blocks).compactMap { FieldLine.parse($0) }
        for block in blocks {
            guard case .table(let table) = block.kind else { continue }
            let rows = [(table.header, table.range.start.line)] + zip(table.rows, table.rowLines).map { ($0, $1) }
            for (cells, line) in rows where cells.count >= 2 {
                result.append(FieldLine(label: FieldLine.normalizedLabel(cells[0]), value: cells[1], line: line))
            }
        }
        return result
    }
}

/// One line of a document's source, with its number.
struct SourceLine: Hashable {
    let line: Int
    let text: String
}

/// A `Label: value` line as template cards write fields (`- **Finetuned from model:** x`).
struct FieldLine: Hashable {
    /// Lowercased, `[optional]` removed, spaces collapsed.
    let label: String
    let value: String
    let line: Int

    /// Whether the value says something once placeholders are removed.
    var hasValue: Bool { TextChecks.hasContent(value) }

    static func parse(_ source: SourceLine) -> FieldLine? {
        var text = Substring(source.text)
        text = text.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " { text = text.dropFirst(2) }
        else if let dot = text.firstIndex(where: { $0 == "." || $0 == ")" }), text[..<dot].allSatisfy(\.isNumber),
                !text[..<dot].isEmpty {
            text = text[text.index(after: dot)...]
        }
        if let bold = boldLabel(text) { return FieldLine(label: normalizedLabel(bold.label), value: bold.value, line: source.line) }
        // No colon, no field (most prose lines): skip the replacements below.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return nil }
        let plain = withoutEmphasisMarks(text)
        guard let colon = plain.firstIndex(of: ":") else { return nil }
        let rawLabel = plain[..<colon]
        guard rawLabel.count <= 48, rawLabel.contains(where: \.isLetter), !rawLabel.contains("http"),
              !rawLabel.contains("[") || rawLabel.lowercased().contains("[optional]") else { return nil }
        let value = plain[plain.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return FieldLine(label: normalizedLabel(String(rawLabel)), value: value, line: source.line)
    }

    /// `**Model developers** Meta`, `**License** A custom licence …`: a bold label and its value on
    /// one line, written without a colon (vendor cards do this throughout). The label is short and
    /// is not a sentence; the value is not empty.
    static func boldLabel(_ text: Substring) -> (label: String, value: String)? {
        for mark in ["**", "__"] where text.hasPrefix(mark) {
            let inside = text.dropFirst(2)
            guard let close = inside.range(of: mark) else { return nil }
            var label = inside[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            while label.hasSuffix(":") { label.removeLast() }
            var value = inside[close.upperBound...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix(":") { value = value.dropFirst().trimmingCharacters(in: .whitespaces) }
            let words = label.split(separator: " ").count
            guard !value.isEmpty, !label.isEmpty, label.count <= 48, words <= 6, label.contains(where: \.isLetter),
                  !label.hasSuffix("."), !label.contains("http") else { return nil }
            return (label, value)
        }
        return nil
    }

    /// The text without `**`, `__` (each pair read left to right) and backticks: the marks around
    /// template labels. Bytes, not characters: the marks are ASCII and never part of a longer
    /// UTF-8 sequence.
    static func withoutEmphasisMarks(_ text: Substring) -> String {
        func dropPairs(of mark: UInt8, _ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == mark && index + 1 < bytes.count && bytes[index + 1] == mark {
                    index += 2
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return out
        }
        let bytes = dropPairs(of: UInt8(ascii: "_"), dropPairs(of: UInt8(ascii: "*"), Array(text.utf8)))
        return String(decoding: bytes.filter { $0 != UInt8(ascii: "`") }, as: UTF8.self)
    }

    /// Lowercased, `[optional]` removed, emphasis marks and a trailing colon dropped, spaces collapsed.
    static func normalizedLabel(_ raw: String) -> String {
        var label = raw.lowercased()
        for marker in ["[optional]", "(optional)"] { label = label.replacingOccurrences(of: marker, with: " ") }
        while label.hasSuffix(":") || label.hasSuffix(" ") { label.removeLast() }
        return label.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "_" }).joined(separator: " ")
    }
}

/// Small text tests shared by the MC rules.
enum TextChecks {
    /// Whether text holds a letter or digit once placeholders are removed ("MIT" and "1.0" count).
    static func hasContent(_ text: String) -> Bool {
        Placeholders.strip(text).unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Lowercased letters and digits only: "Reviews 2024" and "reviews-2024" meet as "reviews2024".
    static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }))
    }

    /// `compact` of an id, remembered: a card's evidence is compared with every dataset id of the
    /// project, and history asks again at every evaluation.
    static func compactID(_ id: String) -> String {
        compactLock.lock()
        defer { compactLock.unlock() }
        if let known = compactIDs[id] { return known }
        if compactIDs.count >= 20_000 { compactIDs.removeAll(keepingCapacity: true) }
        let form = compact(id)
        compactIDs[id] = form
        return form
    }

    nonisolated(unsafe) private static var compactIDs: [String: String] = [:]
    private static let compactLock = NSLock()

    /// Whether `phrase` occurs in `text` as whole words (both already lowercased).
    static func containsWord(_ phrase: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: phrase, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }
}
