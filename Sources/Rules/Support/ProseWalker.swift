import Documents
import Lint

/// The prose of a Markdown artifact — headings, paragraphs, lists, tables — without code blocks,
/// inline code, link targets or HTML comments (those never reach `ProseSpan`).
enum ProseWalker {
    static func spans(of document: MarkdownDocument) -> [ProseSpan] {
        var spans = document.preamble.flatMap(\.prose)
        for section in document.sections {
            spans += section.titleProse
            spans += section.blocks.flatMap(\.prose)
        }
        return spans
    }
}
