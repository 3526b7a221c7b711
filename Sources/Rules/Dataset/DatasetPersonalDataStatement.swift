import Documents
import Lint

/// DS-004: the dataset says whether it holds personal or sensitive information — even to say it holds none.
struct DatasetPersonalDataStatement: Rule {
    static let description = RuleDescription(
        id: "DS-004",
        title: "Personal and sensitive information is addressed",
        rationale: """
            Whether a dataset holds data about people decides which obligations apply to it and \
            which harms it can cause. Silence is ambiguous: it may mean "none" or "nobody looked". \
            The documentation must say what personal or sensitive information the data holds and \
            how it was treated, or state plainly that it holds none — in a dataset card's Personal \
            and Sensitive Information section, the datasheet's Composition answers, or Croissant's \
            rai:personalSensitiveInformation.
            """,
        fix: "State what personal or sensitive information the data holds and how it is protected, or that it holds none.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.4", "A.5.4"], level: .error,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet], note: "answered in Composition"),
            Example(["data/receipts/README.md": DatasetExampleFiles.datasetCard]),
            Example(["data/receipts/croissant.json": DatasetExampleFiles.croissant]),
            Example([
                "data/weather/DATASET_CARD.md": """
                    # Hourly weather readings

                    ## Personal and Sensitive Information

                    None: the readings come from automatic stations and describe no person.
                    """,
            ], note: "an explicit statement that there is none"),
            Example([
                "data/pantry/croissant.json": CroissantExamples.file(version: "1.0", description: #""description": "Photographs of pantry shelves. No person appears in any image, so the data holds no personal information.","#),
            ], note: "a Croissant description that answers the question, with no RAI key"),
        ],
        failing: [
            Example([
                "data/receipts/README.md": """
                    ---
                    license: cc-by-nc-4.0
                    task_categories:
                      - text-classification
                    ---
                    # Dataset Card for receipts

                    ## Dataset Creation

                    ### Source Data

                    Uploaded by volunteers in 2023.

                    ↓#### Personal and Sensitive Information

                    [More Information Needed]
                    """,
            ], note: "the template's section left unfilled"),
            Example([
                "data/receipts/DATASHEET.md": """
                    # Datasheet for receipts

                    ↓## Composition

                    Each instance is a photographed receipt with transcribed line items.
                    """,
            ], note: "a datasheet whose Composition does not address personal data"),
            Example([
                "data/receipts/README.md": """
                    ---
                    pretty_name: Receipts
                    languages:
                      - en
                    licenses:
                      - cc-by-4.0
                    ---
                    # Dataset Card for receipts

                    ## Table of Contents
                    - [Dataset Creation](#dataset-creation)
                      - [Personal and Sensitive Information](#personal-and-sensitive-information)

                    ## Dataset Creation

                    ↓### Personal and Sensitive Information

                    [Needs More Information]
                    """,
            ], note: "a table of contents names the question, the older placeholder answers nothing"),
        ])

    static let sections = SectionMatcher(keys: [.personalSensitiveInformation])
    /// Statements about personal data, wherever they are written.
    static let statementPatterns = [
        #"personal(ly)?\s+(identifiable\s+)?(data|information|details)"#, #"\bPII\b"#,
        #"sensitive\s+(data|information|attributes?|categories|content)"#, #"\bprivacy\b"#, #"anonymi[sz]"#,
        #"pseudonymi[sz]"#, #"de-?identif"#, #"\bconfidential\b"#, #"special categor(y|ies) of"#,
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = DatasetDocuments(context.artifacts)
        if let reason = documents.notJudgedReason { return .notApplicable(reason: reason) }
        if documents.answeredSection(Self.sections) != nil
            || documents.mentions(Self.statementPatterns)
            || documents.raiEvidence(["personalSensitiveInformation"]) != nil {
            return .pass
        }
        let location = documents.sections(Self.sections).first?.heading
            ?? documents.location(for: SectionMatcher(keys: [.composition]), context: context)
        return .evaluated([Violation(
            "\(DatasetDocuments.name(context)) does not say whether it holds personal or sensitive information: state "
                + "what it holds and how it was protected, or that it holds none",
            at: location, anchor: "personal-information", absence: true)])
    }
}
