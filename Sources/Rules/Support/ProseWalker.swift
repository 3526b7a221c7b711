import Documents
import Lint

/// The prose of a Markdown artifact — headings, paragraphs, lists, tables — without code blocks,
/// inline code, link targets or HTML comments (those never reach `ProseSpan`).
///
/// Headings that name a known template section ("Preprocessing/cleaning/labeling" in a
/// datasheet) are the template's own names, not the author's wording, so they are left out. So
/// are, in dataset documentation, the template's questions (a heading or line ending in `?`,
/// kept as the Datasheets-for-Datasets template asks them) and its guidance (a paragraph wholly
/// in italics): the author's words are the answers.
enum ProseWalker {
    static func spans(of document: MarkdownDocument, kind: ArtifactKind) -> [ProseSpan] {
        let template = kind == .datasheet || kind == .datasetCard
        var spans = document.preamble.flatMap { prose(of: $0, document, template: template) }
        for section in document.sections {
            if section.key == nil && !(template && isQuestion(section.title)) { spans += section.titleProse }
            spans += section.blocks.flatMap { prose(of: $0, document, template: template) }
        }
        return spans
    }

    private static func prose(of block: Block, _ document: MarkdownDocument, template: Bool) -> [ProseSpan] {
        guard template else { return block.prose }
        if case .paragraph = block.kind, isItalicOnly(block, document) { return [] }
        let questionLines = Set((block.range.start.line...max(block.range.start.line, block.range.end.line))
            .filter { isQuestion(document.line($0)) })
        return questionLines.isEmpty ? block.prose : block.prose.filter { !questionLines.contains($0.location.line) }
    }

    /// A line that asks: it ends in `?` once closing emphasis, brackets and spaces are set aside.
    static func isQuestion(_ line: String) -> Bool {
        var trimmed = Substring(line)
        while let last = trimmed.last, " \t*_)".contains(last) { trimmed = trimmed.dropLast() }
        return trimmed.hasSuffix("?")
    }

    /// A paragraph whose source is one italic span (`_…_` or `*…*`): template guidance.
    static func isItalicOnly(_ block: Block, _ document: MarkdownDocument) -> Bool {
        let source = (block.range.start.line...max(block.range.start.line, block.range.end.line))
            .map { document.line($0).trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        guard source.count >= 2 else { return false }
        for mark in ["_", "*"] where source.hasPrefix(mark) && source.hasSuffix(mark) {
            let doubled = mark + mark
            return !(source.hasPrefix(doubled) || source.hasSuffix(doubled))
        }
        return false
    }
}
