import Documents
import Lint

/// DS-002: the dataset's provenance is recorded — origin, collection method, time frame, sources.
struct DatasetProvenanceRecorded: Rule {
    static let description = RuleDescription(
        id: "DS-002",
        title: "Dataset provenance is recorded",
        rationale: """
            Without knowing where data came from, how and when it was gathered and what it was \
            derived from, nobody can judge whether it may be used, whether it still reflects the \
            world, or trace a problem back to its source. The record may live in a datasheet's \
            Collection Process section, a dataset card's Source Data section, or Croissant's \
            rai:dataCollection and prov: properties; it should include when the data was collected.
            """,
        fix: "Describe the data's origin, how and when it was collected, and any dataset it was derived from.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.5", "A.7.3"], level: .error,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet]),
            Example(["data/receipts/croissant.json": DatasetExampleFiles.croissant], note: "Croissant rai:dataCollection"),
            Example(["data/receipts/README.md": DatasetExampleFiles.datasetCard], note: "a Hub dataset card"),
            Example(["data/receipts/README.md": """
                ---
                task_categories:
                  - text-classification
                ---
                # Receipts

                ### Dataset Summary

                Receipt lines gathered from the budgeting app's beta users between March and May 2023.
                """], note: "provenance told in the summary, with its time frame"),
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

                    ## Dataset Creation

                    ↓### Source Data

                    #### Data Collection and Processing

                    [More Information Needed]
                    """,
            ], note: "the template's Source Data section left unfilled"),
            Example([
                "data/receipts/DATASHEET.md": """
                    # Datasheet for receipts

                    ↓## Collection Process

                    Volunteers uploaded photos of their receipts through the budgeting app.
                    """,
            ], note: "a collection process with no time frame"),
            Example([
                "data/receipts/DATASET_CARD.md": "↓# Receipts\n\nReceipt lines labelled with expense categories.\n",
            ], note: "no provenance section at all"),
        ])

    static let sections = SectionMatcher(keys: [.collectionProcess, .sourceData, .dataCollection, .sourceDataProducers],
                                         titleWords: ["provenance", "data origin"])
    /// Whether the summary tells when the data was gathered ("gathered from blogger.com in August
    /// 2004"): a sentence of the card's summary or description with a collection verb and a date.
    static func summaryTellsWhen(_ documents: DatasetDocuments) -> Bool {
        documents.proseBlocks.contains { entry in
            let document = entry.source.document
            let inSummary = document.sectionIndex(containing: entry.block.range.start.line)
                .map { [.datasetDescription, .datasetDetails, .motivation].contains(document.sections[$0].key) } ?? true
            return inSummary && DatasetText.matches(entry.text, collectionPatterns) && DatasetText.matches(entry.text, DatasetText.timeFramePatterns)
        }
    }

    /// Verbs of collecting: narrower than `originPatterns` (not "downloaded from", "drawn from").
    static let collectionPatterns = [
        #"\b(collected|gathered|crawled|scraped|harvested|compiled|recorded|sampled|sourced)\b"#,
    ]

    /// Sentences that say where data came from.
    static let originPatterns = [
        #"\b(collected|gathered|crawled|scraped|harvested|compiled|extracted|sourced|obtained|downloaded|drawn|taken|curated)\s+(from|on|at|via|through|by)\b"#,
        #"\b(built|created|constructed|derived|generated)\s+(from|out of|using)\b"#,
        #"\b(comes|come|originates|originate)\s+from\b"#,
    ]
    static let raiProperties: Set<String> = ["dataCollection", "dataCollectionType", "dataCollectionRawData", "dataCollectionTimeframe"]
    static let provProperties: Set<String> = ["wasDerivedFrom", "wasGeneratedBy", "wasAttributedTo"]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = DatasetDocuments(context.artifacts)
        if let reason = documents.notJudgedReason { return .notApplicable(reason: reason) }
        let answered = documents.sections(Self.sections).filter(\.isAnswered)
        let croissant = documents.croissant.map { file in
            (file: file, members: file.raiMembers(Self.raiProperties) + file.provMembers(Self.provProperties)
                + file.schemaMembers("isBasedOn", in: file.dataset).filter { CroissantFile.hasContent($0.value) })
        }.filter { !$0.members.isEmpty }
        guard answered.isEmpty && croissant.isEmpty else {
            let dated = timeFrameStated(answered, croissant, documents.croissant) || Self.summaryTellsWhen(documents)
            return dated ? .pass : .evaluated([missingTimeFrame(answered, croissant, context)])
        }
        // Cards often tell where the data comes from in their summary ("posts gathered from
        // blogger.com in August 2004"): that is a provenance record too.
        if let stated = documents.proseBlocks.first(where: { DatasetText.matches($0.text, Self.originPatterns) }) {
            if documents.proseBlocks.contains(where: { DatasetText.matches($0.text, Self.originPatterns)
                && DatasetText.matches($0.text, DatasetText.timeFramePatterns) }) {
                return .pass
            }
            let at = stated.source.document.sectionIndex(containing: stated.block.range.start.line)
                .map { FoundSection(source: stated.source, index: $0).heading }
                ?? Anchor(path: stated.source.artifact.path, line: stated.block.range.start.line)
            return .evaluated([Violation(
                "the provenance record of \(DatasetDocuments.name(context)) does not say when the data was collected: "
                    + "add the collection time frame (dates or years, or Croissant rai:dataCollectionTimeframe)",
                at: at, anchor: "provenance:time-frame")])
        }
        return .evaluated([Violation(
            "\(DatasetDocuments.name(context)) has no provenance record: say where the data comes from, how and when "
                + "it was collected, and which datasets it was derived from (datasheet Collection Process, dataset card "
                + "Source Data, or Croissant rai:dataCollection / prov:wasDerivedFrom)",
            at: documents.location(for: Self.sections, context: context), anchor: "provenance", absence: true)])
    }

    /// A date in the provenance text, or a Croissant property that holds the time frame.
    private func timeFrameStated(_ sections: [FoundSection], _ provenance: [(file: CroissantFile, members: [JSONMember])],
                                 _ files: [CroissantFile]) -> Bool {
        if sections.contains(where: { DatasetText.matches($0.text, DatasetText.timeFramePatterns) }) { return true }
        let text = provenance.flatMap { $0.members.flatMap { CroissantFile.strings(in: $0.value) } }.joined(separator: "\n")
        if DatasetText.matches(text, DatasetText.timeFramePatterns) { return true }
        return files.contains { file in
            !file.raiMembers(["dataCollectionTimeframe"]).isEmpty
                || !file.provMembers(["startedAtTime", "endedAtTime", "generatedAtTime"]).isEmpty
                || file.schemaMembers("temporalCoverage", in: file.dataset).contains { CroissantFile.hasContent($0.value) }
        }
    }

    private func missingTimeFrame(_ sections: [FoundSection], _ croissant: [(file: CroissantFile, members: [JSONMember])],
                                  _ context: RuleContext) -> Violation {
        let location = sections.first?.heading
            ?? croissant.first.flatMap { entry in entry.members.first.map { entry.file.anchor($0.keyLocation) } }
            ?? context.missingAnchor
        return Violation(
            "the provenance record of \(DatasetDocuments.name(context)) does not say when the data was collected: "
                + "add the collection time frame (dates or years, or Croissant rai:dataCollectionTimeframe)",
            at: location, anchor: "provenance:time-frame")
    }
}
