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
    /// What the section and its subsections answer: code, template guidance and bare questions
    /// left out, placeholders removed.
    var text: String {
        source.document.allBlocks(of: index).compactMap { DatasetText.answerText(of: $0, in: source) }.joined(separator: "\n")
    }
    var isAnswered: Bool { Placeholders.isSubstantive(text) || DatasetText.isShortAnswer(text) }
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

    /// Whether the section at `index` of `document` answers the question. Title words are not
    /// looked for in the document's own title ("Dataset Card for Air Quality" is not a quality section).
    func matches(_ document: MarkdownDocument, _ index: Int) -> Bool {
        let section = document.sections[index]
        if let key = section.key, keys.contains(key) { return accepts(section) }
        return !Self.isDocumentTitle(document, index) && titleWords.contains { LifecycleText.bytes(section.normalized, contain: $0) }
    }

    /// The first section, when it is the only level-1 heading: it heads the whole document.
    static func isDocumentTitle(_ document: MarkdownDocument, _ index: Int) -> Bool {
        index == 0 && document.sections[0].level == 1 && !document.sections.dropFirst().contains { $0.level == 1 }
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
    /// Every block of every Markdown document that may answer something, with its answer text
    /// (`DatasetText.answerText`).
    let proseBlocks: [(source: DatasetMarkdown, block: Block, text: String)]
    /// All of `proseBlocks` joined, so a question about the whole documentation is one search.
    let proseText: String
    /// What the Croissant files say in words: the dataset's description and its PROV statements
    /// (a `prov:wasGeneratedBy` activity that tells how personal data was removed, say).
    let croissantProse: String

    init(_ artifacts: [Artifact]) {
        let documents = artifacts.filter { $0.kind.documentsDataset }
        hasDocuments = !documents.isEmpty
        let order: [ArtifactKind: Int] = [.datasheet: 0, .datasetCard: 1]
        markdown = documents.compactMap { artifact in
            artifact.markdown.map { DatasetMarkdown(artifact: artifact, document: $0) }
        }.sorted { (order[$0.kind] ?? 2, $0.artifact.path) < (order[$1.kind] ?? 2, $1.artifact.path) }
        croissant = documents.filter { $0.kind == .croissant }.compactMap(CroissantFile.init)
        proseBlocks = markdown.flatMap { source in
            let texts = Self.answerMemo.value(for: source.artifact) {
                Self.blocks(of: source).map { DatasetText.answerText(of: $0, in: source) }
            }
            return zip(Self.blocks(of: source), texts).compactMap { block, text in text.map { (source, block, $0) } }
        }
        proseText = proseBlocks.map(\.text).joined(separator: "\n\n")
        croissantProse = croissant.flatMap { file -> [String] in
            let description = file.schemaMembers("description", in: file.dataset).flatMap { CroissantFile.strings(in: $0.value) }
            let prov = file.allMembers.filter { file.iri($0.member.key).hasPrefix(CroissantVocabulary.provNamespace) }
                .flatMap { CroissantFile.strings(in: $0.member.value) }
            return description + prov
        }.joined(separator: "\n\n")
    }

    /// Every block of a document, preamble first, in order.
    private static func blocks(of source: DatasetMarkdown) -> [Block] {
        source.document.preamble + source.document.sections.flatMap(\.blocks)
    }

    /// Each block's answer text, per document: ten DS rules build these documents for every
    /// dataset, and history does so again at every commit that touches the dataset.
    private static let answerMemo = ArtifactMemo<[String?]>()

    /// Why a content rule has nothing to judge: the dataset has no documentation (DS-001 reports
    /// that, once), or its documents exist but none could be read (AIMS-005 and GIT-003 report
    /// those). Nil when the rule should run. One missing fact, one finding.
    var notJudgedReason: String? {
        if !hasDocuments { return "the dataset has no documentation (DS-001 reports it)" }
        return markdown.isEmpty && croissant.isEmpty ? "the dataset's documents cannot be read (see AIMS-005 and GIT-003)" : nil
    }

    /// Sections matching `matcher`, in document order, datasheets first.
    func sections(_ matcher: SectionMatcher) -> [FoundSection] {
        markdown.flatMap { source in
            source.document.sections.indices
                .filter { matcher.matches(source.document, $0) }
                .map { FoundSection(source: source, index: $0) }
        }
    }

    /// The first matching section that says something.
    func answeredSection(_ matcher: SectionMatcher) -> FoundSection? {
        sections(matcher).first { $0.isAnswered }
    }

    /// Whether any prose of any Markdown document, or a Croissant file's description or PROV
    /// statements, matches one of the patterns (case-insensitive regular expressions).
    func mentions(_ patterns: [String]) -> Bool {
        DatasetText.matches(proseText, patterns) || DatasetText.matches(croissantProse, patterns)
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
        for source in ranked(prefer) {
            if let index = source.document.sections.indices.first(where: { matcher.matches(source.document, $0) }) {
                return FoundSection(source: source, index: index).heading
            }
        }
        return firstLine(prefer: prefer, context: context)
    }

    /// The first line of the most relevant document, or the missing-thing anchor.
    func firstLine(prefer: [ArtifactKind] = [.datasheet, .datasetCard], context: RuleContext) -> Anchor {
        if prefer.first == .croissant, let file = croissant.first { return file.topAnchor }
        if let source = ranked(prefer).first { return source.artifact.firstLine }
        if let file = croissant.first { return file.topAnchor }
        return context.missingAnchor
    }

    /// The Markdown documents ordered by the kinds in `prefer`, then by path.
    private func ranked(_ prefer: [ArtifactKind]) -> [DatasetMarkdown] {
        markdown.sorted { lhs, rhs in
            let l = prefer.firstIndex(of: lhs.kind) ?? prefer.count, r = prefer.firstIndex(of: rhs.kind) ?? prefer.count
            return (l, lhs.artifact.path) < (r, rhs.artifact.path)
        }
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
        Placeholders.isSubstantive(withoutQuestions(Placeholders.strip(text)))
    }

    /// The text a block contributes as an answer: nil for code and for a datasheet template's
    /// guidance (a paragraph written wholly in italics, as the common Markdown datasheet
    /// templates print their instructions); otherwise its text without placeholders and
    /// without lines that only ask a question (datasheet templates keep questions as text, and
    /// their words — "missing", "noise", "confidential" — must not pass for answers).
    static func answerText(of block: Block, in source: DatasetMarkdown) -> String? {
        switch block.kind {
        case .code, .thematicBreak: return nil
        case .list where isTableOfContents(block, source.document): return nil
        case .paragraph where source.kind == .datasheet && ProseWalker.isItalicOnly(block, source.document): return nil
        default: return withoutQuestions(Placeholders.strip(block.text))
        }
    }

    static func withoutQuestions(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .filter { !ProseWalker.isQuestion(String($0)) }
            .joined(separator: "\n")
    }

    /// A datasheet question's short answer: "No.", "Yes", "None." — an answer, though not a sentence.
    static func isShortAnswer(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "\n" }).map {
            $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!*_"))
        }.filter { !$0.isEmpty }
        guard let first = words.first, words.count <= 3 else { return false }
        return ["no", "yes", "none", "not applicable", "unknown"].contains(first) || words.joined(separator: " ") == "not applicable"
    }

    /// A list whose every item is a link to a heading of the document (`- [Personal and Sensitive
    /// Information](#personal-and-sensitive-information)`): a table of contents names the
    /// questions, it answers none.
    static func isTableOfContents(_ block: Block, _ document: MarkdownDocument) -> Bool {
        let lines = (block.range.start.line...max(block.range.start.line, block.range.end.line))
            .map { document.line($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return !lines.isEmpty && lines.allSatisfy { $0.contains("](#") }
    }

    /// Whether any of the case-insensitive regular expressions occurs in `text`.
    static func matches(_ text: String, _ patterns: [String]) -> Bool {
        patterns.contains { PatternCache.matches(text, $0, caseInsensitive: true) }
    }

    /// A year between 1900 and 2099, a month name, an ISO date or a range word: a time frame.
    static let timeFramePatterns = [
        #"(^|[^0-9A-Za-z])(19|20)[0-9]{2}([^0-9A-Za-z]|s\b|$)"#,
        #"\b(january|february|march|april|june|july|august|september|october|november|december)\b"#,
        #"\b(time ?frame|time period|collection period|date range)\b"#,
    ]
}
