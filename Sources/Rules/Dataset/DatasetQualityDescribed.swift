import Documents
import Lint

/// DS-006: the dataset's quality is described — missing data, noise, representativeness, known biases.
struct DatasetQualityDescribed: Rule {
    static let description = RuleDescription(
        id: "DS-006",
        title: "Data quality and known biases are described",
        rationale: """
            Every dataset has gaps: records with missing values, noisy or wrong labels, groups that \
            are under-represented, biases inherited from how it was gathered. Written down, they \
            tell model builders what to test and users what not to trust; left out, they surface \
            later as unexplained model failures. A dataset card's Bias, Risks, and Limitations \
            section, the datasheet's Composition answers about missing data, noise and \
            representativeness, or Croissant's rai:dataBiases and rai:dataLimitations all count.
            """,
        fix: "Describe missing data, label noise, how representative the data is, and the biases you know of.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering, .qualityAssurance], controls: ["A.7.4"],
        level: .warning, scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet], note: "answered in Composition"),
            Example(["data/receipts/README.md": DatasetExampleFiles.datasetCard]),
            Example(["data/receipts/croissant.json": DatasetExampleFiles.croissant]),
            Example([
                "data/pantry/croissant.json": CroissantExamples.file(version: "1.0", description: #""description": "Receipt lines from 2019 to 2023. The store name is missing on about a fifth of the receipts, and prices before 2021 are rounded to whole euros.","#),
            ], note: "missing values told in a Croissant description"),
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

                    Receipt lines labelled with expense categories.

                    ↓## Bias, Risks, and Limitations

                    [More Information Needed]

                    ### Recommendations

                    Users should be made aware of the risks, biases and limitations of the dataset. More
                    information needed for further recommendations.
                    """,
            ], note: "the template's section left unfilled (its boilerplate recommendation does not count)"),
            Example([
                "data/receipts/DATASHEET.md": """
                    # Datasheet for receipts

                    ↓## Composition

                    Each instance is a photographed receipt with transcribed line items.
                    """,
            ], note: "a Composition answer that says nothing about quality"),
        ])

    static let sections = SectionMatcher(keys: [.limitations],
                                         titleWords: ["data quality", "quality", "known issues", "noise", "missing data"])
    /// Words that make a passage a statement about data quality.
    static let qualityPatterns = [
        #"\bmissing\b"#, #"\bnois(e|y)\b"#, #"representativ"#, #"(under|over)[- ]?represent"#, #"\bimbalanc"#,
        #"\bskew(ed)?\b"#, #"mislabel"#, #"label(l)?ing errors?"#, #"annotation errors?"#, #"data quality"#,
        #"\bduplicat"#, #"\bbias(es|ed)?\b"#, #"\boutliers?\b"#, #"incomplete"#, #"\bshortcomings?\b"#,
    ]
    /// Template boilerplate that mentions biases without describing any (the Hub template's
    /// Recommendations paragraph, as it stands before anyone edits it).
    static let boilerplate = [
        #"users?\s+should\s+be\s+made\s+aware\s+of\s+the\s+risks,?\s+biases\s+and\s+limitations\s+of\s+the\s+(dataset|model)\.?"#,
        #"(\[?more\s+information\s+needed\]?\s*)?for\s+further\s+recommendations\.?"#,
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = DatasetDocuments(context.artifacts)
        if let reason = documents.notJudgedReason { return .notApplicable(reason: reason) }
        let sectionAnswered = documents.sections(Self.sections).contains { found in
            DatasetText.isAnswered(Self.withoutBoilerplate(found.text))
        }
        let statement = DatasetText.matches(Self.withoutBoilerplate(documents.proseText), Self.qualityPatterns)
            || DatasetText.matches(documents.croissantProse, Self.qualityPatterns)
        if sectionAnswered || statement
            || documents.raiEvidence(["dataBiases", "dataLimitations", "dataCollectionMissingData"]) != nil {
            return .pass
        }
        let location = documents.sections(Self.sections).first?.heading
            ?? documents.location(for: SectionMatcher(keys: [.composition]), context: context)
        return .evaluated([Violation(
            "\(DatasetDocuments.name(context)) does not describe its quality: say what data is missing, how noisy the "
                + "labels are, how representative it is, and which biases are known",
            at: location, anchor: "data-quality", absence: true)])
    }

    static func withoutBoilerplate(_ text: String) -> String {
        boilerplate.reduce(text) { result, pattern in
            PatternCache.replacing(pattern, in: result, with: " ", caseInsensitive: true)
        }
    }
}
