/// The catalog of non-standard wordings (ISO-NOTES §2.7), in a fixed order. Default severity for
/// all of them is a note; `advice` says whether a fix may be suggested.
public enum Wordings {
    public static let all: [Wording] = termWordings + stageLabels

    private static func term(_ phrases: [String], _ preferred: String?, _ clause: String?,
                             _ advice: Wording.Advice, _ note: String) -> Wording {
        Wording(phrases: phrases, preferred: preferred, preferredClause: clause, kind: .term, advice: advice, note: note)
    }

    private static func stage(_ phrases: [String], _ stage: LifecycleStage,
                              _ advice: Wording.Advice, _ note: String) -> Wording {
        Wording(phrases: phrases, preferred: stage.title.lowercased(), preferredClause: stage.clause,
                kind: .stageLabel, advice: advice, note: note)
    }

    private static let termWordings: [Wording] = [
        term(["train set", "training set", "train split", "training corpus"], "training data", "3.3.16", .suggest,
             "22989 names the data a model is fitted to 'training data'."),
        term(["test set", "test split"], "test data", "3.2.14", .suggest,
             "'Evaluation data' is an accepted alternative and is not flagged."),
        term(["eval set", "evaluation set"], nil, nil, .contextual,
             "Depends on use: a training run's 'evaluation set' is validation data (3.2.15), a held-out benchmark is test data (3.2.14)."),
        term(["dev set", "development set", "val set", "validation set", "validation split"], "validation data", "3.2.15", .suggest,
             "'Development data' is an accepted alternative and is not flagged."),
        term(["hold-out set", "holdout set", "held-out set", "held-out data"], nil, nil, .contextual,
             "Ambiguous: say whether this is test data or validation data."),
        term(["labelling", "labeling"], nil, nil, .contextual,
             "Data annotation (3.2.1) only when people label data; a model labelling its inputs is classification."),
        term(["tagging"], "data annotation", "3.2.1", .contextual,
             "Only when it means annotating data; 'part-of-speech tagging' is a 22989 term of its own."),
        term(["label"], "label", "3.2.10", .doNotFlag, "A 22989 term in its own right."),
        term(["gold labels", "gold standard", "reference labels"], "ground truth", "3.2.7", .contextual,
             "'Gold standard' can also name a benchmark; check before rewording."),
        term(["live data", "production traffic", "serving data"], "production data", "3.2.12", .suggest,
             "Only where it means the data the deployed system receives in operation."),
        term(["inference data"], nil, nil, .contextual,
             "Depends on use: data sent to a deployed model is production data (3.2.12); 'natural language inference data' names a task."),
        term(["hyper-parameter", "hparams"], "hyperparameter", "3.3.4", .suggest, "Spelling only."),
        term(["re-training"], "retraining", "3.3.10", .suggest,
             "Spelling only; fine-tuning is not the same as retraining and is not flagged."),
        term(["continual learning", "lifelong learning"], "continuous learning", "3.1.10", .doNotFlag,
             "Accepted alternatives for continuous learning."),
        term(["online learning"], nil, nil, .doNotFlag, "A different concept; not mapped to a 22989 term."),
        term(["AGI", "artificial general intelligence"], "general AI", "3.1.14", .doNotFlag,
             "Accepted alternatives for general AI."),
        term(["strong AI"], "general AI", "3.1.14", .suggest, "22989 speaks of general AI rather than strong AI."),
        term(["weak AI"], "narrow AI", "3.1.24", .suggest, "22989 speaks of narrow AI rather than weak AI."),
        term(["ML system", "AI solution", "AI tool"], "AI system", "3.1.4", .contextual,
             "Only when the whole system is meant; 'AI application' has its own meaning in ISO/IEC 5339."),
        term(["autonomous"], "automated", "3.1.7", .contextual,
             "Autonomy means the system can change its own goals; a system that merely runs unattended is automated."),
        term(["XAI", "interpretability"], "explainability", "3.5.7", .contextual,
             "Some frameworks, NIST's among them, treat interpretability as a separate notion."),
        term(["data lineage"], "data provenance", "A.7.5", .suggest,
             "42001 control A.7.5 speaks of data provenance; 22989 has no clause-3 term for it."),
        term(["PII", "personal data"], "personally identifiable information", "3.2.11", .doNotFlag,
             "Both are listed with the 22989 term."),
        term(["weights", "model weights"], "parameter", "3.3.8", .doNotFlag,
             "'Parameter' is broader; weights is the precise word for what is meant."),
        term(["feature", "attribute"], "feature", "3.3.3", .doNotFlag, "Accepted usage."),
    ]

    private static let stageLabels: [Wording] = [
        // Words that name a stage only when written as one ("the ideation phase"): the bare word
        // is ordinary English ("scoping the problem", "a gradual rollout") and is left alone.
        stage(["ideation phase", "ideation stage", "scoping phase", "scoping stage", "discovery phase"], .inception, .suggest,
              "The 22989 stage where the problem and the case for AI are set out is inception."),
        stage(["ideation", "scoping"], .inception, .contextual, "A stage name only when written as one ('the ideation phase')."),
        stage(["testing phase", "test phase", "model evaluation phase"], .verificationAndValidation, .suggest,
              "22989 groups testing and evaluation into one stage."),
        stage(["go-live", "go live", "productionization", "productionisation", "rollout phase", "roll-out phase"], .deployment, .suggest,
              "The 22989 stage for putting the system into service is deployment."),
        stage(["rollout", "roll-out"], .deployment, .contextual, "A stage name only when written as one ('the rollout phase')."),
        stage(["post-deployment monitoring phase", "monitoring phase"], .operationAndMonitoring, .suggest,
              "Continuous validation is a separate stage that applies only to systems that keep learning in operation."),
        stage(["model monitoring", "post-deployment monitoring"], .operationAndMonitoring, .contextual,
              "An activity, not only a stage name."),
        stage(["recertification"], .reEvaluation, .suggest,
              "22989 calls the periodic look back at a running system re-evaluation."),
        stage(["periodic review"], .reEvaluation, .contextual, "An activity of re-evaluation, not only a stage name."),
        stage(["sunsetting", "end-of-life", "end of life", "EOL", "sunset phase", "decommissioning phase"], .retirement, .suggest,
              "The 22989 stage for taking a system out of service is retirement."),
        stage(["decommissioning", "sunset"], .retirement, .contextual, "A stage name only when written as one ('the sunset phase')."),
    ]
}
