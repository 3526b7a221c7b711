import Documents
import Lint

/// LC-DD-001: the design document says what kind of model the system uses, which algorithm
/// trains or runs it, and which key choices were made for what reasons.
///
/// Each may be a labelled section or line ("Model type", "Algorithm", "Design decisions") or, for
/// the model type and algorithm, a sentence naming a known model family or learning method
/// ("a fine-tuned DistilBERT classifier"). Reasons are recognised by a "Rationale" label or column
/// or by words that give one ("because", "rather than", "trade-off").
struct DesignRecordsModelChoices: Rule {
    static let description = RuleDescription(
        id: "LC-DD-001",
        title: "Design records model type, algorithm and reasoned key choices",
        rationale: """
            The choice of model and method decides what a system can explain, how it fails and what \
            it costs to run. Recording the model type, the algorithm and the reasons for the main \
            choices lets reviewers check them against the requirements and lets successors change \
            them knowingly instead of by accident.
            """,
        fix: "Add 'Model type', 'Algorithm' and 'Design decisions' (each with its rationale) to design.md in the system's folder.",
        stage: .designAndDevelopment, processes: [.architectureDefinition, .designDefinition], controls: ["A.6.2.3"],
        level: .warning,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.designAndDevelopment),
                "services/triage/DESIGN.md": """
                    # Design: ticket triage

                    **Model type:** text classifier with three urgency classes
                    **Algorithm:** DistilBERT fine-tuned with AdamW and cross-entropy loss

                    ## Design decisions

                    | Decision | Rationale |
                    |---|---|
                    | DistilBERT rather than a larger model | ranks a ticket in under 50 ms on CPU |
                    | Three classes instead of a score | agents asked for simple buckets |
                    """,
            ]),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.designAndDevelopment, marked: true),
                "services/triage/MODEL_CARD.md": "# Triage classifier\n\nRanks tickets by urgency.\n",
            ], note: "no design document"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.designAndDevelopment),
                "services/triage/DESIGN.md": """
                    ↓# Design: ticket triage

                    The service reads tickets from the queue, scores them and writes the score back.
                    """,
            ], note: "data flow only"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.designAndDevelopment),
                "services/triage/DESIGN.md": """
                    # Design: ticket triage

                    **Model type:** text classifier with three urgency classes
                    **Algorithm:** DistilBERT fine-tuned with AdamW

                    ↓## Design decisions

                    - DistilBERT.
                    - Three classes.
                    """,
            ], note: "choices without reasons"),
        ])

    static let modelFamilies = [
        "classifier", "classification", "regression", "regressor", "ranker", "ranking model", "recommender",
        "transformer", "language model", "llm", "neural network", "cnn", "rnn", "lstm", "gradient boosted",
        "decision tree", "random forest", "linear model", "logistic regression", "encoder", "decoder", "diffusion model",
        "object detection", "detector", "segmentation", "clustering", "embedding model", "seq2seq", "bert", "distilbert",
        "roberta", "gpt", "t5", "resnet", "yolo", "xgboost", "lightgbm", "rule based",
    ]
    static let learningMethods = [
        "gradient boosting", "gradient descent", "sgd", "adam", "adamw", "backpropagation", "fine tun*", "finetun*",
        "logistic regression", "random forest", "xgboost", "lightgbm", "catboost", "support vector", "svm", "k means",
        "naive bayes", "nearest neighbo*", "cross entropy", "maximum likelihood", "distillation", "lora",
        "reinforcement learning", "contrastive", "bayesian", "pretrain*", "pre train*", "supervised", "unsupervised",
    ]
    static let reasonWords = [
        "because", "rationale", "reason", "reasons", "so that", "in order to", "trade off", "trade offs", "tradeoff",
        "instead of", "rather than", "chosen for", "we chose", "preferred", "outweigh*", "justif*",
    ]

    static let modelType = EvidenceField(
        "model-type", keys: [.technicalSpecifications],
        labels: ["model type", "type of model", "=model", "model family", "model architecture", "=architecture",
                 "=approach", "model choice", "model selection"])
    static let algorithm = EvidenceField(
        "algorithm", keys: [.trainingProcedure],
        labels: ["algorithm", "algorithms", "learning algorithm", "training algorithm", "=method", "training method",
                 "optimizer", "optimiser", "learning method"])
    static let decisions = EvidenceField(
        "decisions",
        labels: ["design decisions", "key decisions", "decisions", "=decision", "design choices", "key choices", "=choices",
                 "alternatives considered", "=alternatives", "trade offs", "tradeoffs", "options considered"])
    static let rationale = EvidenceField(
        "rationale", labels: ["rationale", "=reason", "reasons", "=why", "justification"], test: .statement)

    static let requirements: [LifecycleRequirement] = [
        .field(modelType, orLine: { LifecycleText.mentions($0, modelFamilies) }, missing: "does not state the model type",
               hint: "say what kind of model it is (e.g. 'text classifier', 'gradient-boosted trees')"),
        .field(algorithm, orLine: { LifecycleText.mentions($0, learningMethods) }, missing: "does not name the algorithm",
               hint: "say how the model is trained or computed (e.g. 'fine-tuned with AdamW')"),
        .field(decisions, missing: "records no key design choices",
               hint: "list the main choices (model size, features, thresholds) with the alternatives considered"),
        LifecycleRequirement("rationale", missing: "gives no reasons for its choices",
                             hint: "say why each choice was made (e.g. 'DistilBERT rather than a larger model because it runs on CPU')") {
            let status = LifecycleRequirement.field(rationale, orLine: {
                LifecycleText.mentions($0, reasonWords) && Placeholders.isSubstantive($0)
            }, missing: "", hint: "").assess($0)
            // Choices without reasons: point at the choices.
            if case .absent = status, case .met(let choices) = LifecycleEvidence.assess(decisions, in: $0) { return .inadequate(choices) }
            return status
        },
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.design]) {
            return .evaluated([LifecycleReport.missing(
                "design document", context, kind: .design,
                content: "stating the model type, the algorithm and the key design choices with their rationale")])
        }
        let documents = LifecycleReport.documents(context, [.design])
        return .evaluated(LifecycleReport.check(documents, title: "design document", requirements: Self.requirements))
    }
}
