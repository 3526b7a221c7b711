import Documents
import Lint

/// DS-010: a datasheet answers all seven sections of Datasheets for Datasets.
struct DatasheetComplete: Rule {
    static let description = RuleDescription(
        id: "DS-010",
        title: "Datasheets answer all seven sections",
        rationale: """
            Datasheets for Datasets (Gebru et al.) asks its questions in seven groups — motivation, \
            composition, collection process, preprocessing/cleaning/labelling, uses, distribution \
            and maintenance — so that nothing a dataset's users need is left to chance. A datasheet \
            that drops a group, or keeps the template's questions without answers, looks complete \
            while hiding exactly the gaps it was meant to expose.
            """,
        fix: "Add the missing sections and answer each one; write \"not applicable\" with a reason rather than leaving one empty.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.2"], level: .warning,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet]),
            Example([
                "data/receipts/datasheet.md": """
                    # Receipts datasheet

                    ### 1. Motivation
                    **For what purpose was the dataset created?**
                    To train the budgeting app's expense categoriser.

                    ### 2. Composition
                    Photographed receipts with labelled line items, about 18,000 of them.

                    ### 3. Collection process
                    Uploaded by volunteers between March 2023 and January 2024.

                    ### 4. Preprocessing, cleaning, and labeling
                    OCR drafts corrected by two annotators.

                    ### 5. Uses
                    Training and testing the categoriser only.

                    ### 6. Distribution
                    Shared with partners under CC BY-NC 4.0.

                    ### 7. Maintenance
                    The data team publishes a corrected release twice a year.
                    """,
            ], note: "numbered headings, a bold question with its answer"),
        ],
        failing: [
            Example([
                "data/receipts/DATASHEET.md": """
                    ↓↓# Datasheet for receipts

                    ## Motivation

                    Built to train the budgeting app's expense categoriser.

                    ## Composition

                    Photographed receipts with labelled line items.

                    ## Collection Process

                    Uploaded by volunteers in 2023.

                    ## Preprocessing/cleaning/labeling

                    OCR drafts were corrected by two annotators.

                    ↓## Uses

                    YOUR ANSWER HERE
                    """,
            ], note: "Distribution and Maintenance missing; Uses unanswered"),
            Example([
                "data/receipts/DATASHEET.md": """
                    # Datasheet for receipts

                    ↓## Motivation

                    - For what purpose was the dataset created? Was there a specific task in mind?

                    ## Composition

                    Photographed receipts with labelled line items.

                    ## Collection Process

                    Uploaded by volunteers in 2023.

                    ## Preprocessing/cleaning/labeling

                    OCR drafts were corrected by two annotators.

                    ## Uses

                    Training and testing the categoriser only.

                    ## Distribution

                    Shared with partners under CC BY-NC 4.0.

                    ↓## Maintenance

                    **Who will be supporting/hosting/maintaining the dataset?**

                    TODO
                    """,
            ], note: "template questions kept without answers"),
        ])

    /// The seven sections, in the paper's order: key, name for messages, words an unlisted heading may use.
    static let required: [(key: SectionKey, name: String, words: [String])] = [
        (.motivation, "Motivation", ["motivation"]),
        (.composition, "Composition", ["composition"]),
        (.collectionProcess, "Collection Process", ["collection"]),
        (.preprocessing, "Preprocessing/cleaning/labeling", ["preprocess", "pre-process", "pre process", "cleaning", "labeling", "labelling"]),
        (.uses, "Uses", ["uses"]),
        (.distribution, "Distribution", ["distribution"]),
        (.maintenance, "Maintenance", ["maintenance"]),
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let datasheets = DatasetDocuments(context.artifacts).markdown.filter { $0.kind == .datasheet }
        guard !datasheets.isEmpty else {
            return .notApplicable(reason: "the dataset has no readable datasheet")
        }
        return .evaluated(datasheets.flatMap(check))
    }

    private func check(_ datasheet: DatasetMarkdown) -> [Violation] {
        let sections = datasheet.document.sections
        var violations: [Violation] = []
        for entry in Self.required {
            let keyed = sections.indices.filter { sections[$0].key == entry.key }
            let candidates = keyed.isEmpty
                ? sections.indices.filter { index in
                    // A question heading ("… preprocessed/cleaned/labeled that might impact future
                    // uses?") belongs to its section; only a section heading stands for one.
                    !SectionMatcher.isDocumentTitle(datasheet.document, index) && !ProseWalker.isQuestion(sections[index].title)
                        && entry.words.contains { LifecycleText.bytes(sections[index].normalized, contain: $0) }
                }
                : keyed
            guard let first = candidates.first else {
                violations.append(Violation(
                    "the datasheet has no \(entry.name) section: add it and answer its questions",
                    at: datasheet.artifact.firstLine, anchor: "section:\(entry.key.rawValue)", absence: true))
                continue
            }
            let found = candidates.map { FoundSection(source: datasheet, index: $0) }
            if found.contains(where: \.isAnswered) { continue }
            violations.append(Violation(
                "the datasheet's \(entry.name) section is not answered: replace the template text with answers",
                at: FoundSection(source: datasheet, index: first).heading, anchor: "section:\(entry.key.rawValue)", absence: true))
        }
        return violations
    }
}
