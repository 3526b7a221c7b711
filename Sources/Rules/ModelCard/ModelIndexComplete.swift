import Documents
import Lint

/// MC-010: `model-index` front matter is complete enough for tools to read results from it.
struct ModelIndexComplete: Rule {
    static let description = RuleDescription(
        id: "MC-010",
        title: "model-index results name the task, dataset and metric values",
        rationale: """
            `model-index` is the machine-readable copy of a card's results: the Hub and leaderboards read \
            it, humans rarely do. A result is only usable when it names the task type, the dataset \
            (type and name) and each metric's type and value; a half-filled entry shows up as a \
            result that says nothing. A card with no `model-index` gets a note, since its results can \
            then only be read by people. Front matter that does not parse is AIMS-005's finding.
            """,
        fix: "Give every model-index result `task.type`, `dataset.type`, `dataset.name` and metrics with `type` and `value`.",
        stage: .verificationAndValidation, processes: [.measurement], controls: ["A.6.2.4", "A.6.2.7"],
        level: .error, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example([".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "models/router/README.md": ModelCardExamples.hubCard]),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/README.md": """
                    ---
                    license: mit
                    model-index:
                      - name: router
                        results:
                          - task: {type: text-classification}
                            dataset: {type: acme/tickets-2024, name: Acme tickets 2024}
                            metrics: [{type: f1, value: 0.91}]
                    ---
                    # router
                    """,
            ], note: "flow style"),
        ],
        failing: [
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/MODEL_CARD.md": "↓# Router\n\nRoutes tickets.\n",
            ], note: "no model-index at all: a note at the first line"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/README.md": """
                    ---
                    license: apache-2.0
                    tags: [generated_from_trainer]
                    model-index:
                      - name: router
                    ↓    results: []
                    ---
                    # router
                    """,
            ], note: "what a training script writes before any evaluation"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/README.md": """
                    ---
                    license: mit
                    model-index:
                      - name: router
                        results:
                          - task:
                              type: text-classification
                    ↓        dataset:
                              type: acme/tickets-2024
                            metrics:
                    ↓          - type: accuracy
                    ---
                    # router
                    """,
            ], note: "the dataset has no name and the metric no value"),
        ])

    func evaluate(_ context: RuleContext) -> Evaluation {
        let cards = ModelCardDocument.cards(of: context).filter { $0.json == nil }
        guard !cards.isEmpty else {
            return .notApplicable(reason: "no readable Markdown model card (model-index lives in Markdown front matter)")
        }
        return .evaluated(cards.flatMap(check))
    }

    private func check(_ card: ModelCardDocument) -> [Violation] {
        guard !card.frontMatterIsBroken else { return [] }
        guard let pair = card.frontMatter?.pair(forKey: "model-index") else {
            return [Violation("the model card has no `model-index` in its front matter, so tools cannot read its results; "
                                + "add one with task, dataset and metric values", at: card.artifact.firstLine,
                              anchor: "model-index:absent", level: .note)]
        }
        guard let entries = pair.value.array, !entries.isEmpty else {
            return [Violation("`model-index` must be a list of models, each with `results`", at: card.anchor(pair.key.location),
                              anchor: "model-index")]
        }
        var checker = ModelIndexChecker(card: card)
        for (index, entry) in entries.enumerated() { checker.checkEntry(entry, path: "model-index[\(index)]") }
        return checker.violations
    }
}

/// Walks `model-index` entries and reports each required key that is missing or empty, at the
/// line of the key that should hold it.
struct ModelIndexChecker {
    let card: ModelCardDocument
    var violations: [Violation] = []

    init(card: ModelCardDocument) {
        self.card = card
    }

    mutating func checkEntry(_ entry: YAMLNode, path: String) {
        guard entry.pairs != nil else {
            report("\(path) must be a mapping with `name` and `results`", at: entry.location, path: path)
            return
        }
        guard let results = entry.pair(forKey: "results") else {
            report("\(path) has no `results`: add the task, dataset and metric values it was evaluated with",
                   at: entry.location, path: "\(path).results")
            return
        }
        guard let items = results.value.array, !items.isEmpty else {
            report("\(path) has empty `results`: add the task, dataset and metric values it was evaluated with",
                   at: results.key.location, path: "\(path).results")
            return
        }
        for (index, result) in items.enumerated() { checkResult(result, path: "\(path).results[\(index)]") }
    }

    private mutating func checkResult(_ result: YAMLNode, path: String) {
        guard result.pairs != nil else {
            report("\(path) must be a mapping with `task`, `dataset` and `metrics`", at: result.location, path: path)
            return
        }
        require(["type"], under: "task", of: result, path: path,
                purpose: "the task type (e.g. text-classification)")
        require(["type", "name"], under: "dataset", of: result, path: path,
                purpose: "the dataset's Hub id and a readable name")
        guard let metrics = result.pair(forKey: "metrics") else {
            report("\(path) has no `metrics`: list each metric with its `type` and `value`", at: result.location,
                   path: "\(path).metrics")
            return
        }
        guard let items = metrics.value.array, !items.isEmpty else {
            report("\(path).metrics is empty: list each metric with its `type` and `value`", at: metrics.key.location,
                   path: "\(path).metrics")
            return
        }
        for (index, metric) in items.enumerated() {
            let metricPath = "\(path).metrics[\(index)]"
            guard metric.pairs != nil else {
                report("\(metricPath) must be a mapping with `type` and `value`", at: metric.location, path: metricPath)
                continue
            }
            for key in ["type", "value"] { requireValue(key, in: metric, at: metric.location, path: metricPath) }
        }
    }

    /// `result[section]` must be a mapping holding each of `keys`.
    private mutating func require(_ keys: [String], under section: String, of result: YAMLNode, path: String, purpose: String) {
        guard let pair = result.pair(forKey: section) else {
            report("\(path) has no `\(section)`: give \(purpose)", at: result.location, path: "\(path).\(section)")
            return
        }
        guard pair.value.pairs != nil else {
            report("\(path).\(section) must be a mapping with \(keys.map { "`\($0)`" }.joined(separator: " and "))",
                   at: pair.key.location, path: "\(path).\(section)")
            return
        }
        for key in keys { requireValue(key, in: pair.value, at: pair.key.location, path: "\(path).\(section)") }
    }

    /// `mapping[key]` must exist and hold a value; a missing key is reported at `parentLocation`.
    private mutating func requireValue(_ key: String, in mapping: YAMLNode, at parentLocation: SourceLocation, path: String) {
        guard let pair = mapping.pair(forKey: key) else {
            report("\(path) has no `\(key)`", at: parentLocation, path: "\(path).\(key)")
            return
        }
        let text = pair.value.string ?? ""
        if pair.value.isNull || (pair.value.pairs == nil && pair.value.array == nil && !TextChecks.hasContent(text)) {
            report("\(path).\(key) is empty", at: pair.key.location, path: "\(path).\(key)")
        }
    }

    private mutating func report(_ message: String, at location: SourceLocation, path: String) {
        violations.append(Violation(message, at: card.anchor(location), anchor: path))
    }
}
