import Foundation
import Documents
import Lint

/// A datasheet or dataset card of a dataset, parsed.
struct DatasetMarkdown {
    let artifact: Artifact
    let document: MarkdownDocument

    var kind: ArtifactKind { artifact.kind }
}

/// A section of one of the dataset's Markdown documents.
struct FoundSection {
    let source: DatasetMarkdown
    let index: Int

    var section: Section { source.document.sections[index] }
    var heading: Anchor {
        Anchor(path: source.artifact.path, line: section.range.start.line, column: section.range.start.column)
    }
    /// The section's text with its subsections.
    var text: String { source.document.text(ofSection: index) }
    var isAnswered: Bool { DatasetText.isAnswered(text) }
}

/// Which sections answer a question: canonical heading keys (with an optional extra test on the
/// heading), plus words an unlisted heading may contain ("Data Cleaning" for preparation).
struct SectionMatcher {
    let keys: Set<SectionKey>
    let titleWords: [String]
    let accepts: @Sendable (Section) -> Bool

    init(keys: Set<SectionKey>, titleWords: [String] = [], accepts: @escaping @Sendable (Section) -> Bool = { _ in true }) {
        self.keys = keys
        self.titleWords = titleWords
        self.accepts = accepts
    }

    func matches(_ section: Section) -> Bool {
        if let key = section.key, keys.contains(key) { return accepts(section) }
        return titleWords.contains { section.normalized.contains($0) }
    }
}

/// The documentation of one dataset — datasheets, dataset cards and Croissant files — read once,
/// with the questions the DS rules ask of it. Evidence may come from any of the documents.
struct DatasetDocuments {
    /// Readable datasheets first, then dataset cards, each group by path.
    let markdown: [DatasetMarkdown]
    let croissant: [CroissantFile]
    /// Whether the dataset has any documentation at all, readable or not.
    let hasDocuments: Bool
    /// Every block that is not code, in every Markdown document, with its text stripped of placeholders.
    let proseBlocks: [(source: DatasetMarkdown, block: Block, text: String)]
    /// All of `proseBlocks` joined, so a question about the whole documentation is one search.
    let proseText: String

    init(_ artifacts: [Artifact]) {
        let documents = artifacts.filter { $0.kind.documentsDataset }
        hasDocuments = !documents.isEmpty
        let order: [ArtifactKind: Int] = [.datasheet: 0, .datasetCard: 1]
        markdown = documents.compactMap { artifact in
            artifact.markdown.map { DatasetMarkdown(artifact: artifact, document: $0) }
        }.sorted { (order[$0.kind] ?? 2, $0.artifact.path) < (order[$1.kind] ?? 2, $1.artifact.path) }
        croissant = documents.filter { $0.kind == .croissant }.compactMap(CroissantFile.init)
        proseBlocks = markdown.flatMap { source in
            (source.document.preamble + source.document.sections.flatMap(\.blocks))
                .filter { if case .code = $0.kind { return false } else { return true } }
                .map { (source, $0, Placeholders.strip($0.text)) }
        }
        proseText = proseBlocks.map(\.text).joined(separator: "\n\n")
    }

    /// Why a content rule cannot judge the dataset: its documents exist but none could be read
    /// (AIMS-005 and GIT-003 report those). Nil when the rule should run.
    var unreadableReason: String? {
        hasDocuments && markdown.isEmpty && croissant.isEmpty
            ? "the dataset's documents cannot be read (see AIMS-005 and GIT-003)" : nil
    }

    /// Sections matching `matcher`, in document order, datasheets first.
    func sections(_ matcher: SectionMatcher) -> [FoundSection] {
        markdown.flatMap { source in
            source.document.sections.indices
                .filter { matcher.matches(source.document.sections[$0]) }
                .map { FoundSection(source: source, index: $0) }
        }
    }

    /// The first matching section that says something.
    func answeredSection(_ matcher: SectionMatcher) -> FoundSection? {
        sections(matcher).first { $0.isAnswered }
    }

    /// Whether any prose of any Markdown document matches one of the patterns (case-insensitive
    /// regular expressions).
    func mentions(_ patterns: [String]) -> Bool {
        DatasetText.matches(proseText, patterns)
    }

    /// RAI properties with content, in any Croissant file.
    func raiEvidence(_ names: Set<String>) -> (file: CroissantFile, member: JSONMember)? {
        for file in croissant {
            if let member = file.raiMembers(names).first { return (file, member) }
        }
        return nil
    }

    /// Where a finding about an unanswered question goes: the heading of the first matching
    /// section (it exists but says nothing), else the first line of the most relevant document
    /// (`prefer` orders kinds), else the Croissant file's top-level object, else the place for
    /// missing things.
    func location(for matcher: SectionMatcher, prefer: [ArtifactKind] = [.datasheet, .datasetCard],
                  context: RuleContext) -> Anchor {
        let ranked = markdown.sorted { lhs, rhs in
            let l = prefer.firstIndex(of: lhs.kind) ?? prefer.count, r = prefer.firstIndex(of: rhs.kind) ?? prefer.count
            return (l, lhs.artifact.path) < (r, rhs.artifact.path)
        }
        for source in ranked {
            if let index = source.document.sections.indices.first(where: { matcher.matches(source.document.sections[$0]) }) {
                return FoundSection(source: source, index: index).heading
            }
        }
        return firstLine(prefer: prefer, context: context)
    }

    /// The first line of the most relevant document, or the missing-thing anchor.
    func firstLine(prefer: [ArtifactKind] = [.datasheet, .datasetCard], context: RuleContext) -> Anchor {
        let ranked = markdown.sorted { lhs, rhs in
            let l = prefer.firstIndex(of: lhs.kind) ?? prefer.count, r = prefer.firstIndex(of: rhs.kind) ?? prefer.count
            return (l, lhs.artifact.path) < (r, rhs.artifact.path)
        }
        if prefer.first == .croissant, let file = croissant.first { return file.topAnchor }
        if let source = ranked.first { return source.artifact.firstLine }
        if let file = croissant.first { return file.topAnchor }
        return context.missingAnchor
    }

    /// A short name for the dataset in messages.
    static func name(_ context: RuleContext) -> String {
        context.dataset.map { "dataset '\($0.id)'" } ?? "the dataset"
    }
}

/// Text tests shared by the dataset rules.
enum DatasetText {
    /// Whether text answers something: `Placeholders.isSubstantive` after dropping lines that
    /// only ask a question, so a datasheet template whose questions are still unanswered (the
    /// questions as text, `YOUR ANSWER HERE` below them) does not count as written.
    static func isAnswered(_ text: String) -> Bool {
        let kept = Placeholders.strip(text)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .filter { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return !(trimmed.hasSuffix("?") || trimmed.hasSuffix("?*") || trimmed.hasSuffix("?**"))
            }
        return Placeholders.isSubstantive(kept.joined(separator: "\n"))
    }

    /// Whether any of the case-insensitive regular expressions occurs in `text`.
    static func matches(_ text: String, _ patterns: [String]) -> Bool {
        patterns.contains { text.range(of: $0, options: [.regularExpression, .caseInsensitive]) != nil }
    }

    /// A year between 1900 and 2099, a month name, an ISO date or a range word: a time frame.
    static let timeFramePatterns = [
        #"(^|[^0-9])(19|20)[0-9]{2}([^0-9]|$)"#,
        #"\b(january|february|march|april|june|july|august|september|october|november|december)\b"#,
        #"\b(time ?frame|time period|collection period|date range)\b"#,
    ]
}
