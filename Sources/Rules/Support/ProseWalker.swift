import Documents
import Lint

/// The prose of a Markdown artifact — headings, paragraphs, lists, tables — without code blocks,
/// inline code, link targets or HTML comments (those never reach `ProseSpan`).
///
/// Headings that name a known template section ("Preprocessing/cleaning/labeling" in a
/// datasheet) are the template's own names, not the author's wording, so they are left out.
enum ProseWalker {
    static func spans(of document: MarkdownDocument) -> [ProseSpan] {
        var spans = document.preamble.flatMap(\.prose)
        for section in document.sections {
            if section.key == nil { spans += section.titleProse }
            spans += section.blocks.flatMap(\.prose)
        }
        return spans
    }
}
