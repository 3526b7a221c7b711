import Documents
import Lint

/// DS-005: how the data was prepared (cleaned, filtered, transformed) and annotated is described.
struct DatasetPreparationDescribed: Rule {
    static let description = RuleDescription(
        id: "DS-005",
        title: "Data preparation and annotation are described",
        rationale: """
            Cleaning, filtering, imputation and labelling change what a model learns as much as the \
            raw data does, and they are where errors and biases creep in. Recording the steps and \
            who or what labelled the data lets others reproduce the dataset and judge its labels: \
            the datasheet's Preprocessing/cleaning/labeling section, a dataset card's Data \
            Collection and Processing or Annotations sections, or Croissant's \
            rai:dataPreprocessingProtocol and rai:dataAnnotationProtocol.
            """,
        fix: "Describe the cleaning, filtering and transformation steps and how labels were produced, and by whom.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.6", "A.7.4"], level: .warning,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet]),
            Example(["data/receipts/README.md": DatasetExampleFiles.datasetCard], note: "Data Collection and Processing"),
            Example([
                "data/receipts/croissant.json": """
                    {
                      "@context": { "@vocab": "https://schema.org/", "rai": "http://mlcommons.org/croissant/RAI/" },
                      "@type": "Dataset",
                      "name": "receipts",
                      "rai:dataAnnotationProtocol": "Two annotators labelled each line; a third settled disagreements."
                    }
                    """,
            ], note: "Croissant annotation protocol"),
            Example([
                "data/pantry/croissant.json": CroissantExamples.file(version: "1.1", description: """
                    "description": "Grocery receipt lines labelled with expense categories.",
                      "prov:wasGeneratedBy": [
                        { "@type": "prov:Activity", "name": "cleaning",
                          "description": "Duplicate receipts were removed and card numbers masked before release." }
                      ],
                    """),
            ], note: "preparation recorded as a PROV activity, not as rai:dataPreprocessingProtocol"),
        ],
        failing: [
            Example([
                "data/receipts/README.md": """
                    ---
                    license: cc-by-nc-4.0
                    annotations_creators:
                      - expert-generated
                    ---
                    # Dataset Card for receipts

                    ↓### Annotations [optional]

                    #### Annotation process

                    [More Information Needed]

                    #### Who are the annotators?

                    [More Information Needed]
                    """,
            ], note: "annotation sections left unfilled; the front matter alone describes nothing"),
            Example([
                "data/receipts/DATASHEET.md": """
                    # Datasheet for receipts

                    ↓## Preprocessing/cleaning/labeling

                    - Was any preprocessing/cleaning/labeling of the data done?
                    - YOUR ANSWER HERE
                    """,
            ], note: "a datasheet question left unanswered"),
        ])

    static let sections = SectionMatcher(
        keys: [.preprocessing, .annotations, .annotationProcess, .annotators, .dataCollection],
        titleWords: ["preprocess", "pre-process", "cleaning", "labeling", "labelling", "annotation", "processing",
                     "data preparation"],
        accepts: { section in
            // "Data Collection" alone is provenance; "Data Collection and Processing" also covers preparation.
            section.key != .dataCollection || ["process", "normali", "clean", "filter"].contains { LifecycleText.bytes(section.normalized, contain: $0) }
        })
    /// Sentences that say what was done to the data ("cleaned to strip markup", "deduplicated").
    static let preparationPatterns = [
        #"\b(cleaned|filtered|deduplicated|de-duplicated|preprocessed|pre-processed|normali[sz]ed|tokeni[sz]ed|anonymi[sz]ed|stripped|parsed|resampled|resized|cropped|transcribed|annotated|hand-labell?ed|manually labell?ed|redacted|de-identified|manually translated|validated)\b"#,
        #"\b(removal|filtering|deduplication|de-identification|anonymi[sz]ation|redaction|cleaning) (of|step|pipeline)\b"#,
        #"\b(removed|filtered out|stripped out)\b"#,
        #"\b(labell?ed|annotated|rated|tagged)\s+by\b"#,
    ]
    static let raiProperties: Set<String> = [
        "dataPreprocessingProtocol", "dataAnnotationProtocol", "dataManipulationProtocol", "dataImputationProtocol",
        "dataAnnotationPlatform", "dataAnnotationAnalysis", "machineAnnotationTools", "annotationsPerItem",
        "annotatorDemographics",
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = DatasetDocuments(context.artifacts)
        if let reason = documents.notJudgedReason { return .notApplicable(reason: reason) }
        if documents.answeredSection(Self.sections) != nil || documents.raiEvidence(Self.raiProperties) != nil
            || documents.mentions(Self.preparationPatterns) {
            return .pass
        }
        return .evaluated([Violation(
            "\(DatasetDocuments.name(context)) does not describe how the data was prepared or annotated: record the "
                + "cleaning, filtering and transformation steps, and how labels were made and by whom",
            at: documents.location(for: Self.sections, context: context), anchor: "preparation", absence: true)])
    }
}
