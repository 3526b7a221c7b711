import Documents
import Lint

/// DS-008: the dataset has a maintenance and update plan.
struct DatasetMaintenancePlanned: Rule {
    static let description = RuleDescription(
        id: "DS-008",
        title: "Dataset maintenance is planned",
        rationale: """
            A dataset in use keeps ageing: errors are found, the world it describes changes, people \
            ask for their data to be removed. Once a system runs on the data, someone must own it \
            and users must know whether and how often it is updated, how errors are reported and \
            corrected, and when a version is withdrawn — the datasheet's Maintenance section or \
            Croissant's rai:dataReleaseMaintenancePlan.
            """,
        fix: "Say who maintains the dataset, how often it is updated, how errors are reported and how old versions are retired.",
        stage: .operationAndMonitoring, processes: [.maintenance], controls: ["A.7.2"], level: .note,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "operation-and-monitoring"),
                "models/budget/receipts/DATASHEET.md": DatasetExampleFiles.datasheet,
            ]),
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "operation-and-monitoring"),
                "models/budget/receipts/croissant.json": """
                    {
                      "@context": { "@vocab": "https://schema.org/", "rai": "http://mlcommons.org/croissant/RAI/" },
                      "@type": "Dataset",
                      "name": "receipts",
                      "rai:dataReleaseMaintenancePlan": "Refreshed every quarter by the data team; errata in the tracker."
                    }
                    """,
            ], note: "Croissant rai:dataReleaseMaintenancePlan"),
        ],
        failing: [
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "operation-and-monitoring"),
                "models/budget/receipts/DATASHEET.md": """
                    # Datasheet for receipts

                    ## Motivation

                    Built to train the budgeting app's expense categoriser.

                    ↓## Maintenance

                    TBD
                    """,
            ], note: "a Maintenance section left as TBD"),
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "operation-and-monitoring"),
                "models/budget/receipts/README.md": """
                    ↓---
                    license: cc-by-nc-4.0
                    task_categories:
                      - text-classification
                    ---
                    # Dataset Card for receipts

                    Receipt lines labelled with expense categories.
                    """,
            ], note: "a dataset card with no word on maintenance"),
        ])

    static let sections = SectionMatcher(keys: [.maintenance], titleWords: ["maintenance", "update", "upkeep"])
    /// Statements of an update or maintenance arrangement.
    static let planPatterns = [
        #"\b(will|is|are|gets?)\s+(not\s+)?(be\s+)?(updated|refreshed|maintained|re-?collected|re-?released)\b"#,
        #"\bmaintained by\b"#, #"\bno (further|planned) updates\b"#, #"\bupdate (plan|policy|schedule|cadence)\b"#,
        #"\b(publishes|releases) (a )?(corrected|new|updated) (release|version)\b"#, #"\bdeprecat"#, #"\berrata\b"#,
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = DatasetDocuments(context.artifacts)
        if let reason = documents.notJudgedReason { return .notApplicable(reason: reason) }
        if documents.answeredSection(Self.sections) != nil || documents.mentions(Self.planPatterns)
            || documents.raiEvidence(["dataReleaseMaintenancePlan"]) != nil {
            return .pass
        }
        return .evaluated([Violation(
            "\(DatasetDocuments.name(context)) has no maintenance plan: say who maintains it, how often it is updated, "
                + "how errors are reported and corrected, and when old versions are withdrawn",
            at: documents.location(for: Self.sections, context: context), anchor: "maintenance", absence: true)])
    }
}
