import Documents
import Lint

/// DS-001: every dataset kept in the repository has a datasheet, dataset card or Croissant file.
struct DatasetDocumented: Rule {
    static let description = RuleDescription(
        id: "DS-001",
        title: "Datasets held in the repository are documented",
        rationale: """
            Data shapes what a model learns, so data kept next to the code needs its own record: \
            where it came from, what it holds, how it may be used. A folder declared as a dataset, \
            or a local path a model card points to as its data, needs a datasheet, a dataset card or \
            a Croissant file beside it. A dataset named by Hub id or URL is documented where it is \
            published, so only local data is checked here.
            """,
        fix: "Add a DATASHEET.md, a dataset card (DATASET_CARD.md or a Hub README) or a croissant.json in the data folder.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.2"], level: .error,
        scope: [.dataset, .system],
        passing: [
            Example([
                ".aims/config.yml": "version: 1\ndatasets:\n  - id: receipts\n    root: data/receipts\n",
                "data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet,
                "data/receipts/receipts.jsonl": "{\"id\": 1}\n",
            ], note: "a declared dataset with a datasheet"),
            Example([
                "models/budget/MODEL_CARD.md": """
                    ---
                    license: mit
                    datasets:
                      - example-org/pantry-receipts
                    ---
                    # Budget categoriser

                    ## Training Data

                    Trained on the [documented receipts](../../data/receipts/receipts.jsonl) and on the
                    public [grocery names list](https://huggingface.co/datasets/example-org/grocery-names).
                    """,
                "data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet,
                "data/receipts/receipts.jsonl": "{\"id\": 1}\n",
            ], note: "a local link to documented data, a Hub id and a URL"),
        ],
        failing: [
            Example([
                ".aims/config.yml": "version: 1\ndatasets:\n  ↓- id: raw-scans\n    root: data/raw-scans\n",
                "data/raw-scans/batch-01.csv": "id,path\n1,a.png\n",
            ], note: "a declared dataset root without documentation"),
            Example([
                ".aims/config.yml": "version: 1\nsystems:\n  - id: budget\n    root: models/budget\n    stage: design-and-development\n",
                "models/budget/MODEL_CARD.md": """
                    ---
                    license: mit
                    datasets:
                      ↓- ../../data/shop-names
                    ---
                    # Budget categoriser

                    ## Training Data

                    Fine-tuned on ↓[last year's receipts](../../data/receipts-2023/receipts.parquet).

                    ```text
                    see [the raw dump](../../data/receipts-2023/receipts.parquet)
                    ```
                    """,
                "data/receipts-2023/receipts.parquet": "PAR1",
                "data/shop-names/names.csv": "name\nCorner shop\n",
            ], note: "a declared system's card linking to undocumented local data, in prose and in front matter (undeclared, AIMS-007 lists it)"),
        ])

    func evaluate(_ context: RuleContext) -> Evaluation {
        switch context.subject {
        case .dataset(let dataset):
            guard !context.artifacts.contains(where: { $0.kind.documentsDataset }) else { return .pass }
            return .evaluated([Violation(
                "dataset '\(dataset.id)' (\(dataset.root.isEmpty ? "repository root" : dataset.root)) has no datasheet, "
                    + "dataset card or Croissant file: document where the data comes from, what it holds and how it may be used",
                at: context.missingAnchor, anchor: "missing", absence: true)])
        case .system:
            return .evaluated(Self.undocumentedLinks(context))
        case .repository:
            return .notApplicable(reason: "datasets are checked per dataset and per system")
        }
    }

    /// Local data a model card of the system points to that no dataset documentation covers.
    static func undocumentedLinks(_ context: RuleContext) -> [Violation] {
        let project = context.project
        let declaredRoots = project.datasets.filter { $0.declaration != nil }.map(\.root)
        var violations: [Violation] = []
        for card in context.modelCards {
            for link in ModelCardDataLinks.links(in: card, project: project) {
                // A declared dataset is judged on its own (its config line), not once per card.
                if declaredRoots.contains(where: { PathMath.isInside(link.target, folder: $0) }) { continue }
                let folder = link.isFolder ? link.target : PathMath.parent(of: link.target)
                if project.datasetDocumentation(near: folder) { continue }
                let what = link.isFolder ? "folder" : "file"
                violations.append(Violation(
                    "the model card uses local data \(link.target) but no datasheet, dataset card or Croissant file "
                        + "documents it: add one in the data \(what == "file" ? "file's folder" : "folder")",
                    at: link.location, anchor: "data-link:\(link.target)", absence: true))
            }
        }
        return violations
    }
}
