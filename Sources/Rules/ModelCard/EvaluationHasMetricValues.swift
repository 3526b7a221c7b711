import Documents
import Lint

/// MC-005: the evaluation reports metrics with values, and the data they were measured on.
struct EvaluationHasMetricValues: Rule {
    static let description = RuleDescription(
        id: "MC-005",
        title: "The evaluation reports metric values and the test data",
        rationale: """
            Verification needs numbers a reader can check against requirements, and a number means \
            nothing without the data it was measured on. Values count wherever cards put them: a \
            metrics table, a sentence such as "F1 of 0.91", or `model-index` results with a metric \
            type and value. "The model did well" does not count. The test data counts when a Testing \
            Data section describes it, `model-index` names a dataset, or the evaluation text names the \
            test split or benchmark.
            """,
        fix: "Under Evaluation, give a table of metric, value and the test dataset or split (or fill `model-index`).",
        stage: .verificationAndValidation, processes: [.verification, .validation], controls: ["A.6.2.4"],
        level: .error, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example([".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "models/router/README.md": ModelCardExamples.hubCard]),
            Example([".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "models/router/MODEL_CARD.md": ModelCardExamples.mitchellCard]),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/README.md": """
                    ---
                    license: mit
                    model-index:
                      - name: router
                        results:
                          - task: {type: text-classification}
                            dataset: {type: acme/tickets-2024, name: Acme tickets 2024, split: test}
                            metrics:
                              - {type: f1, value: 0.91}
                    ---
                    # router

                    Routes tickets to queues.
                    """,
            ], note: "values and test data from model-index alone"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/MODEL_CARD.md": """
                    # Router

                    ## Evaluation

                    On the held-out test split of acme/tickets-2024 the router reaches an F1 of 0.91 and 93% accuracy.
                    """,
            ], note: "values in a sentence"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/README.md": """
                    ---
                    license: apache-2.0
                    library_name: transformers
                    ---
                    # router

                    It achieves the following results on the evaluation set:
                    - Loss: 0.2301
                    - Accuracy: 0.9140
                    """,
            ], note: "the summary a training script writes at the top of a card"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Evaluations

                We ran our own suite of routing checks and reviewed the failures by hand.

                ## Benchmarks – Ticket Text

                | Variant | QueueBench (5-shot) | IntentSet | RouteQA |
                | :---- | ----- | ----- | ----- |
                | router-small | 71.2 | 64.0% | N/A |
                | router-large | 80.9 | 72.5% | 55.1 ± 0.4 |
                """], note: "benchmarks as columns, variants as rows, under a later heading than the prose evaluation; N/A as a value"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                # **Evaluation Results**

                <table>
                  <tr><th>Model</th><th>Tickets-EN</th><th>Tickets-DE</th></tr>
                  <tr>
                    <td>router-small</td>
                    <td>0.912</td>

                  <td>0.887</td>
                  </tr>
                </table>
                """], note: "a bold-wrapped heading and an HTML table split by a blank line"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Results

                ##

                | metric | final\\_em | final\\_f1 |
                |---|---|---|
                | held-out test split | 61.3 | 70.2 |
                """], note: "an empty heading line between a heading and its table; LaTeX-escaped metric names"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Evaluation

                We tested the router on:
                - the held-out support-tickets test split
                - the public IntentSet benchmark

                It reaches 91.4% accuracy on the first and an F1 of 0.83 on the second.
                """], note: "a list of test data followed by figures in prose"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Limitations

                ### Fairness

                We compared queues across customer languages on the held-out test split: accuracy was
                above 93% for every language, lowest for Portuguese (93.2%).
                """], note: "the only figures sit in a fairness section, not under an evaluation heading"),
        ],
        failing: [
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/MODEL_CARD.md": """
                    # Router

                    ↓## Evaluation

                    The model did well in our tests and users liked it.
                    """,
            ], note: "no value, no test data"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/MODEL_CARD.md": """
                    # Router

                    ↓## Results

                    | Metric | Value |
                    |---|---|
                    | Accuracy | 0.91 |
                    """,
            ], note: "values without the data they were measured on"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/MODEL_CARD.md": """
                    # Router

                    ## Evaluation Data

                    The held-out test split of the 2023 ticket export.

                    ↓## Quantitative Analyses

                    The router performs well across both languages.
                    """,
            ], note: "Mitchell-style headings: test data named, but no value"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/MODEL_CARD.md": "↓# Router\n\nRoutes tickets to queues.\n",
            ], note: "no evaluation at all: reported at the title"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/MODEL_CARD.md": """
                    # Router

                    ## Intended Use

                    ### Evaluated Use

                    Support agents use it to pre-assign tickets.

                    ↓## Performance

                    Results are in the figure below.

                    ![results](results.png)
                    """,
            ], note: "results only as an image; an 'Evaluated Use' heading is intended use, not evaluation"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "design-and-development"),
                "models/router/MODEL_CARD.md": """
                    # Router

                    ↓## Evaluation

                    The router did well in our tests.
                    """,
            ], note: "a declared system at design and development: present content is judged at any stage"),
        ])

    static let sectionKeys: Set<SectionKey> = [.evaluation, .results, .metrics, .testingData, .factors]
    static let titleWords = ["evaluat", "result", "perform", "benchmark", "metric", "accuracy", "quantitative"]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let cards = ModelCardDocument.cards(of: context)
        guard !cards.isEmpty else { return .notApplicable(reason: ModelCardDocument.noCardReason) }
        return .evaluated(cards.compactMap { $0.json == nil ? check($0) : checkToolkit($0) })
    }

    private func check(_ card: ModelCardDocument) -> Violation? {
        let summary = MetricFinder.modelIndexSummary(card.frontMatter)
        var hasValues = summary.hasValues, namesData = summary.namesData
        let indices = card.outermost(Self.evaluationSections(card))
        let evaluation = indices.flatMap { card.blocks(of: $0) } + card.topBlocks
        let evaluationLines = Set(evaluation.map(\.range.start.line))
        var evidenceText = evaluation.map(\.text)
        // Results count wherever the card puts them; outside an evaluation section a number
        // must come with a metric name (a table header, a row label, the words around it).
        for block in card.allBlocks {
            let inEvaluation = evaluationLines.contains(block.range.start.line)
            switch block.kind {
            case .table(let table):
                hasValues = hasValues || MetricFinder.tableHasMetricValue(table, inEvaluation: inEvaluation)
                namesData = namesData || MetricFinder.tableNamesData(table, inEvaluation: inEvaluation)
            case .code, .thematicBreak:
                continue
            case .html where !inEvaluation:
                continue
            default:
                if MetricFinder.proseHasMetricValue(Placeholders.strip(block.text)) {
                    hasValues = true
                    if !inEvaluation { evidenceText.append(block.text) }
                }
            }
        }
        namesData = namesData || MetricFinder.proseNamesTestData(evidenceText.joined(separator: "\n"))
            || card.sectionIndices(keys: [.testingData]).contains { card.isSubstantive($0, excluding: [.factors, .metrics, .results]) }
        if hasValues && namesData { return nil }
        var message = Self.message(hasValues: hasValues, namesData: namesData)
        if !hasValues, let elsewhere = Self.resultsElsewhere(card, indices) { message = elsewhere }
        // Nothing said about evaluation at all, or only template text: an absence (SPEC §5.1).
        if !hasValues && !namesData && !indices.contains(where: { card.isSubstantive($0) }) && !summary.present {
            return .absent(message, at: anchor(card, indices), anchor: "evaluation")
        }
        return Violation(message, at: anchor(card, indices), anchor: "evaluation")
    }

    /// A message for results that are there but cannot be checked in the card: shown only as an
    /// image, or left to another document (the paper).
    static func resultsElsewhere(_ card: ModelCardDocument, _ indices: [Int]) -> String? {
        let lines = indices.flatMap { index -> [Int] in
            let section = card.sections[index]
            return Array(section.range.start.line...max(section.range.start.line, section.endLine))
        }
        let source = lines.map { card.markdown?.line($0) ?? "" }.joined(separator: "\n")
        if source.contains("![") || source.lowercased().contains("<img") {
            return "the evaluation shows its results only as an image: give each metric's value in text or a table, "
                + "with the data it was measured on, so that a reader can check it"
        }
        let text = indices.map { card.text(of: $0) }.joined(separator: "\n")
        if LifecycleText.mentions(text, ["see the paper", "in the paper", "research paper", "see our paper", "presented in the paper",
                                         "refer to the paper", "refer users to", "technical report", "see section"]) {
            return "the evaluation refers to another document for its results: give the main metric values in the card "
                + "itself, with the data they were measured on, so that the card can be checked on its own"
        }
        return nil
    }

    /// Sections about evaluation: by key, or by a heading word when the heading is not a known
    /// section of another kind ("Evaluated Use" is an intended-use heading, not results).
    static func evaluationSections(_ card: ModelCardDocument) -> [Int] {
        card.sectionIndices(keys: sectionKeys, titleWords: titleWords).filter { index in
            guard let key = card.sections[index].key else { return true }
            return sectionKeys.contains(key)
        }
    }

    /// The section results belong in: Evaluation / Results first, then Metrics, then any other
    /// evaluation heading except the test data's; else the title.
    private func anchor(_ card: ModelCardDocument, _ indices: [Int]) -> Anchor {
        let all = Self.evaluationSections(card)
        let preferred: [(Int) -> Bool] = [
            { [.evaluation, .results].contains(card.sections[$0].key) },
            { card.sections[$0].key == .metrics },
            { card.sections[$0].key != .testingData && card.sections[$0].key != .factors },
        ]
        for test in preferred {
            if let index = all.first(where: test) { return card.anchor(card.sections[index]) }
        }
        return card.titleAnchor
    }

    static func message(hasValues: Bool, namesData: Bool) -> String {
        switch (hasValues, namesData) {
        case (false, false):
            return "the model card reports no metric values and no test data: give each metric with its value and "
                + "the dataset or split it was measured on (a table, or `model-index`)"
        case (false, true):
            return "the evaluation names no metric with a value (\"did well\" is not a result): report each metric "
                + "with its number, in a table, a sentence or `model-index`"
        default:
            return "the evaluation does not name the data it was measured on: name the test dataset or split "
                + "(a Testing Data section, a dataset column, or `model-index` results)"
        }
    }

    private func checkToolkit(_ card: ModelCardDocument) -> Violation? {
        let metrics = card.toolkitMember(["quantitative_analysis", "performance_metrics"])?.value.array ?? []
        let hasValues = metrics.contains { metric in
            guard TextChecks.hasContent(metric["type"]?.string ?? ""), let value = metric["value"] else { return false }
            return value.number != nil || (value.string?.contains(where: \.isNumber) ?? false)
        }
        let data = card.toolkitText(["model_parameters", "data"]).lowercased()
        let namesData = ["test", "eval", "valid", "holdout", "held-out", "benchmark"].contains { data.contains($0) }
        if hasValues && namesData { return nil }
        return Violation(Self.message(hasValues: hasValues, namesData: namesData),
                         at: card.toolkitAnchor(["quantitative_analysis", "performance_metrics"]), anchor: "evaluation",
                         absence: !hasValues && metrics.isEmpty)
    }
}
