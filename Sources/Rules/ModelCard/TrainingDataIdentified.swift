import Documents
import Lint

/// MC-004: the model card identifies its training data, and front matter agrees with the prose.
struct TrainingDataIdentified: Rule {
    static let description = RuleDescription(
        id: "MC-004",
        title: "The model card identifies the training data",
        rationale: """
            A model is only as understood as the data it learned from. "Trained on internal data" \
            cannot be traced; a dataset name with a link, a Hub id (owner/name), a published name \
            ("ImageNet", "LAION-5B") or a path to the dataset's documentation in this repository \
            can. Saying nothing about the data is an error; describing it without naming any \
            dataset is a warning. When front matter lists `datasets`, it and the training-data text \
            should tell the same story (a warning when they do not): the Hub links models to data \
            from the metadata, readers read the prose.
            """,
        fix: "Under Training Data, name each dataset with a link, a Hub id or a repository path, and list the same ids in `datasets`.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.2", "A.7.5"],
        level: .error, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example(["models/router/README.md": ModelCardExamples.hubCard]),
            Example(["models/router/MODEL_CARD.md": ModelCardExamples.mitchellCard]),
            Example([
                "models/router/MODEL_CARD.md": """
                    # Router

                    ## Training Data

                    The [2023 ticket export](../../data/tickets/) described in its datasheet.
                    """,
                "data/tickets/DATASHEET.md": "# Ticket export 2023\n\n## Motivation\n\nRouting research.\n",
            ], note: "a relative link to a dataset documented in the repository"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Model Details

                | | Training Data | Params | Knowledge cutoff |
                | :---- | :---- | :---- | :---- |
                | Router v2 | TicketCorpus-40K and `acme/faq-pairs` | 110M | March 2024 |
                """], note: "training data named in a table column under Model Details"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Model Details

                - **Trained on:** ImageNet and Common Crawl captions
                - **Model type:** retrieval encoder
                """], note: "a field under Model Details naming public datasets in words"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Training Data

                Prompts come from the ticket-qa dataset [2]; answers were written by the support desk.

                ## References

                [2] Ticket QA, 2023.
                """], note: "a dataset named in words before 'dataset', its link in a reference list"),
        ],
        failing: [
            Example(["models/router/MODEL_CARD.md": """
                ↓# Router

                ## Intended Use

                Support agents pre-assign new tickets to queues.
                """], note: "no training-data section and no `datasets`"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ↓## Training Data

                About 50 000 internal support tickets from 2023.
                """], note: "a description a reader cannot trace to any dataset"),
            Example(["models/router/README.md": """
                ---
                license: mit
                library_name: transformers
                datasets:
                  - acme/tickets-2024
                ↓  - acme/chat-logs
                ---
                # Model Card for router

                ## Training Data

                Fine-tuned on the `acme/tickets-2024` export of resolved tickets.
                """], note: "front matter lists a dataset the prose never mentions"),
            Example(["models/router/README.md": """
                ---
                license: mit
                library_name: transformers
                datasets:
                  - acme/tickets-2024
                ---
                # Model Card for router

                ## Training Data

                Fine-tuned on the `acme/tickets-2024` export of resolved tickets,
                ↓then on the `acme/survey-2023` customer survey answers.
                """], note: "the prose names a Hub dataset that front matter leaves out"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ↓## Training Data

                [More Information Needed]
                """], note: "the template's placeholder: nothing said (an error, unlike a description without names)"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Modeling Strategy

                ↓The training dataset is a mix of open-source ticket collections and our own synthetic tickets.
                """], note: "training data described under another heading, no dataset named: a warning at the sentence"),
        ])

    static let sectionKeys: Set<SectionKey> = [.trainingData]
    static let titleWords = ["training data", "training corpus", "pretraining data", "training set", "training dataset"]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let cards = ModelCardDocument.cards(of: context)
        guard !cards.isEmpty else { return .notApplicable(reason: ModelCardDocument.noCardReason) }
        return .evaluated(cards.flatMap { card -> [Violation] in
            card.json == nil ? check(card, project: context.project) : checkToolkit(card).map { [$0] } ?? []
        })
    }

    private func check(_ card: ModelCardDocument, project: Project) -> [Violation] {
        let listed = Self.listedDatasets(card.frontMatter)
        let indices = card.outermost(card.sectionIndices(keys: Self.sectionKeys, titleWords: Self.titleWords))
        let details = card.sectionIndices(keys: [.trainingDetails])
        var blocks = indices.flatMap { card.blocks(of: $0) } + details.flatMap { card.sections[$0].blocks }
        // Cards also describe their data under other headings ("Modeling Strategy", "Model
        // Training"): sentences about the training data count wherever they are.
        let taken = Set(blocks.map(\.range.start.line))
        let elsewhere = card.allBlocks.filter { block in
            if case .code = block.kind { return false }
            return !taken.contains(block.range.start.line) && LifecycleText.mentions(block.text, Self.trainingPhrases)
        }
        blocks += elsewhere
        let fields = Self.trainingDataFields(card)
        // Hub ids outside the training-data text may name a base model: they identify, but are not
        // held against front matter `datasets`.
        let quiet = evaluationLines(card, indices).union(elsewhere.flatMap { block in
            Array(block.range.start.line...max(block.range.start.line, block.range.end.line))
        })
        let loose = Set(elsewhere.flatMap { block in Array(block.range.start.line...max(block.range.start.line, block.range.end.line)) })
        let evidence = TrainingDataEvidence(card: card, blocks: blocks, fields: fields, project: project, evaluationLines: quiet,
                                            looseLines: loose)
        let sections = indices.isEmpty ? details : indices
        guard !listed.isEmpty || evidence.identifiesData else {
            guard evidence.isSubstantive else {
                return [card.absentSection(
                    sections, anchor: "training-data", isAnswered: { _ in false },
                    none: "the model card does not say what the model was trained on: add a Training Data section naming "
                        + "each dataset with a link, a Hub id (owner/name), its published name or a repository path",
                    empty: { "the training-data section \"\($0)\" is empty or template text: name each dataset with a link, "
                        + "a Hub id (owner/name), its published name or a path to its documentation" })].compactMap { $0 }
            }
            // Described but not named: the reader learns what kind of data it was, not which.
            let place = sections.first.map { "the training-data section \"\(card.sections[$0].title)\"" }
                ?? "the card speaks of its training data but"
            let at = sections.first.map { card.anchor(card.sections[$0]) } ?? fields.first.map { card.anchor(line: $0.line) }
                ?? elsewhere.first.map { card.anchor(line: $0.range.start.line) } ?? card.titleAnchor
            let verb = sections.isEmpty ? "" : " describes the data but"
            return [Violation("\(place)\(verb) names no dataset a reader can find: name each dataset "
                                + "with a link, a Hub id (owner/name) or its published name",
                              at: at, anchor: "training-data", level: .warning)]
        }
        guard evidence.isSubstantive else { return [] }
        var violations: [Violation] = []
        for item in listed where !evidence.mentions(item.id) {
            violations.append(Violation(
                "front matter `datasets` lists '\(item.id)', but the training-data section never mentions it: "
                    + "describe it there, or remove it from `datasets`",
                at: card.anchor(item.location), anchor: "datasets:\(item.id)", level: .warning))
        }
        guard !listed.isEmpty || Self.hasHubMetadata(card.frontMatter) else { return violations }
        let known = Set(listed.map { $0.id.lowercased() })
        for mention in evidence.hubIDs where !mention.inEvaluationText && !known.contains(mention.id.lowercased()) {
            violations.append(Violation(
                "the training-data section names '\(mention.id)', but front matter `datasets` does not list it: "
                    + "add it so that tools can link the model to its data",
                at: card.anchor(line: mention.line), anchor: "prose-dataset:\(mention.id)", level: .warning))
        }
        return violations
    }

    /// Sentences that speak of the training data.
    static let trainingPhrases = [
        "training data", "training dataset", "training datasets", "training set", "trained on", "fine tuned on",
        "finetuned on", "pretrained on", "pre trained on", "fine tuning data", "finetuning data", "post training data",
        "training corpus", "training mix", "dataset generation",
    ]

    /// Labels and column headers that mean "the training data" wherever a card puts them (a
    /// `**Training Data:**` line or a table under Model Details), in `LifecycleText.matchForm`.
    static let fieldLabels: Set<String> = [
        "training data", "training dataset", "training datasets", "trained on", "training corpus", "training corpora",
        "pretraining data", "pre training data", "training data sources", "fine tuning data", "finetuning data",
        "fine tuning dataset", "finetuning dataset", "training set", "data sources",
    ]

    /// The values of training-data fields and table columns anywhere in the card, with their lines.
    static func trainingDataFields(_ card: ModelCardDocument) -> [SourceLine] {
        let blocks = card.allBlocks
        var lines = card.fields(in: blocks).filter { fieldLabels.contains(LifecycleText.matchForm($0.label)) }
            .map { SourceLine(line: $0.line, text: $0.value) }
        for block in blocks {
            guard case .table(let table) = block.kind else { continue }
            for (column, head) in table.header.enumerated() where fieldLabels.contains(LifecycleText.matchForm(head)) {
                for (row, line) in zip(table.rows, table.rowLines) where column < row.count {
                    lines.append(SourceLine(line: line, text: row[column]))
                }
            }
        }
        return lines
    }

    /// Lines of training sections that are also about evaluation ("Training and Evaluation Data"):
    /// Hub ids there may be test sets, which `datasets` does not list.
    private func evaluationLines(_ card: ModelCardDocument, _ indices: [Int]) -> Set<Int> {
        var lines: Set<Int> = []
        for index in indices where ["evaluation", "test", "validation"].contains(where: { LifecycleText.bytes(card.sections[index].normalized, contain: $0) }) {
            let section = card.sections[index]
            lines.formUnion(section.range.start.line...max(section.range.start.line, section.endLine))
        }
        return lines
    }

    /// Front matter in the Hugging Face style, where `datasets` is where tools look for the data.
    static func hasHubMetadata(_ front: YAMLNode?) -> Bool {
        ["datasets", "license", "pipeline_tag", "library_name", "base_model", "model-index", "tags"].contains { front?[$0] != nil }
    }

    /// `datasets:` entries with where each is written.
    static func listedDatasets(_ front: YAMLNode?) -> [(id: String, location: SourceLocation)] {
        guard let node = front?["datasets"] else { return [] }
        let items = node.array ?? [node]
        return items.compactMap { item in
            guard let id = item.string?.trimmingCharacters(in: .whitespaces), TextChecks.hasContent(id) else { return nil }
            return (id, item.location)
        }
    }

    private func checkToolkit(_ card: ModelCardDocument) -> Violation? {
        let items = card.toolkitMember(["model_parameters", "data"])?.value.array ?? []
        let named = items.contains { item in
            TextChecks.hasContent(item["name"]?.string ?? "") && TextChecks.hasContent(item["link"]?.string ?? "")
        }
        if named { return nil }
        return .absent("model_parameters.data names no dataset with a link: give each dataset a name and a link",
                       at: card.toolkitAnchor(["model_parameters", "data"]), anchor: "training-data")
    }
}

/// What a card's training-data text offers as identification of its data.
struct TrainingDataEvidence {
    struct HubMention {
        let id: String
        let line: Int
        let inEvaluationText: Bool
    }

    let isSubstantive: Bool
    /// Links to the web, or relative links to something that exists in the repository.
    let usableLinks: [MarkdownLink]
    let hubIDs: [HubMention]
    /// Declared or inferred dataset ids the text names.
    let projectDatasets: [String]
    /// Public datasets named in words ("ImageNet", "LAION-5B").
    let namedDatasets: [String]
    private let compactText: String

    /// What the text says, independent of the project: read once per card version.
    private struct Reading {
        let isSubstantive: Bool
        /// Per source line: its links and the Hub ids it names.
        let lines: [(line: Int, links: [MarkdownLink], hubIDs: [String])]
        /// Datasets named in words (`DatasetNames`).
        let namedDatasets: [String]
        /// `TextChecks.compact` of the section text and its raw lines.
        let compactBase: String
    }

    /// Keyed by the card: the one caller reads the same blocks of a given card version every time.
    private static let readings = ArtifactMemo<Reading>()

    /// `looseLines` are sentences outside the training-data text: a Hub id there may name the
    /// base model, so it identifies no data (a dataset link still does).
    init(card: ModelCardDocument, blocks: [Block], fields: [SourceLine], project: Project, evaluationLines: Set<Int>,
         looseLines: Set<Int> = []) {
        let reading = Self.readings.value(for: card.artifact) {
            let text = (blocks.map(\.text) + fields.map(\.text)).joined(separator: "\n")
            let lines = card.sourceLines(of: blocks) + fields
            return Reading(
                isSubstantive: Placeholders.isSubstantive(text),
                lines: lines.map { source in (source.line, MarkdownLinks.links(in: source), HubIDs.ids(in: source)) },
                namedDatasets: DatasetNames.names(in: Placeholders.strip(text)),
                compactBase: TextChecks.compact(text + " " + lines.map(\.text).joined(separator: " ")))
        }
        isSubstantive = reading.isSubstantive
        var links: [MarkdownLink] = []
        var mentions: [HubMention] = []
        // Existence is asked of the project each time (history watches those questions).
        for source in reading.lines {
            for link in source.links {
                if link.isExternal {
                    if Self.pointsAtData(link) { links.append(link) }
                    continue
                }
                if let path = link.relativePath, Self.exists(path, from: card.artifact.folder, in: project) { links.append(link) }
            }
            for id in source.hubIDs where !looseLines.contains(source.line) && !Self.exists(id, from: card.artifact.folder, in: project) {
                mentions.append(HubMention(id: id, line: source.line, inEvaluationText: evaluationLines.contains(source.line)))
            }
        }
        usableLinks = links
        hubIDs = mentions
        namedDatasets = reading.namedDatasets
        // compact(a + " " + b) is compact(a) + compact(b): spaces and punctuation go either way.
        compactText = reading.compactBase + TextChecks.compact(links.map(\.destination).joined(separator: " "))
        let compacted = compactText
        projectDatasets = project.datasetIDs.filter { id in
            let form = TextChecks.compactID(id)
            return form.utf8.count >= 4 && LifecycleText.bytes(compacted, contain: form)
        }
    }

    var identifiesData: Bool {
        !usableLinks.isEmpty || !hubIDs.isEmpty || !projectDatasets.isEmpty || !namedDatasets.isEmpty
    }

    /// Whether the text names a dataset id, in full or by its name part ("reviews-2024" of "acme/reviews-2024").
    func mentions(_ id: String) -> Bool {
        let full = TextChecks.compact(id)
        if !full.isEmpty && LifecycleText.bytes(compactText, contain: full) { return true }
        guard let name = id.split(separator: "/").last.map(String.init) else { return false }
        let form = TextChecks.compact(name)
        return form.count >= 3 && LifecycleText.bytes(compactText, contain: form)
    }

    /// Places that publish papers, not data: a link there identifies no dataset.
    static let paperHosts = ["arxiv.org", "openreview.net", "aclanthology.org", "aclweb.org", "doi.org", "proceedings.",
                             "papers.nips.cc", "ieeexplore.ieee.org", "dl.acm.org", "semanticscholar.org", "/paper", "/publications/"]

    /// Whether a web link can identify training data: not a paper, and either a data host's URL
    /// (`huggingface.co/datasets/…`, Kaggle, Zenodo) or a link whose text names data.
    static func pointsAtData(_ link: MarkdownLink) -> Bool {
        let url = link.destination.lowercased()
        if paperHosts.contains(where: url.contains) { return false }
        // A link to a licence ("[MIT](…/licenses/…/mit.md)") is about terms, not data.
        if LicenseNames.spdxID(for: link.text) != nil || url.contains("licen") { return false }
        if ["/datasets/", "kaggle.com", "zenodo.org", "figshare.com", "dataverse", "data.", "/data/"].contains(where: url.contains) {
            return true
        }
        let text = link.text
        return LifecycleText.mentions(text, ["dataset*", "data", "corpus", "corpora", "collection*", "benchmark*"])
            || !DatasetNames.names(in: text).isEmpty || HubIDs.isWellFormed(text)
    }

    static func exists(_ path: String, from folder: String, in project: Project) -> Bool {
        var trimmed = path
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard !trimmed.isEmpty else { return false }
        let candidates = [PathMath.resolve(trimmed, from: folder), PathMath.resolve(trimmed, from: "")].compactMap { $0 }
        return candidates.contains { !$0.isEmpty && (project.fileExists($0) || project.folderExists($0)) }
    }
}
