import Catalog
import Documents
import Lint

/// LC-REV-001: the system's governance documents were reviewed after the model or its data last
/// changed, and within `review_period_days` of the checked commit.
///
/// What dates the review: the newest review record (`reviews/*.md`, `REVIEW.md`), or, while the
/// system is in operation and has no review record, the model card and the impact and risk
/// assessments (each must have been revisited). From the re-evaluation stage on, a review record
/// with a decision and a date is required. Dates are commit dates from the first-parent history,
/// compared with the checked commit — never with the clock — so the result is reproducible.
/// "Model or data" means weights (`*.safetensors`, `*.onnx`, `*.pt`, `*.pth`, `*.bin`, `*.gguf`,
/// `*.pkl`, `*.joblib`, `*.h5`) under the system root, files under its `data/` folder (dataset
/// documents excepted) and training code named `train*.py` or `train*.ipynb`.
struct ReviewFollowsChanges: Rule {
    static let description = RuleDescription(
        id: "LC-REV-001",
        title: "Model card and assessments are re-reviewed after changes and on schedule",
        rationale: """
            Assessments describe the system as it was when they were written. Retraining, new data or \
            simply time passing can make them wrong without anyone editing them. Requiring a recorded \
            review after every model or data change, and at least once per review period, keeps the \
            documents describing the system that actually runs, and records the decision to continue, \
            change or retire it.
            """,
        fix: "Review the model card and assessments against the current model and record it in reviews/YYYY-MM-DD.md (decision and date).",
        stage: .reEvaluation, processes: [.projectAssessmentAndControl], controls: ["A.5.3", "A.2.4"], level: .warning,
        readsHistory: true,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.reEvaluation),
                "services/triage/model.onnx": "weights\n",
                "services/triage/reviews/2024-q1.md": """
                    # Review 2024-Q1: triage classifier

                    **Date:** 2024-03-28
                    **Reviewers:** Dana Lee, Priya Natarajan

                    Recall held at 0.91 and no complaints were received.

                    **Decision:** continue without changes; next review in Q3.
                    """,
            ]),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.reEvaluation, marked: true),
                "services/triage/model.onnx": "weights\n",
                "services/triage/MODEL_CARD.md": "# Triage classifier\n\nRanks tickets by urgency.\n",
            ], note: "at re-evaluation without a review record"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.reEvaluation),
                "services/triage/reviews/2024-q1.md": """
                    # Review

                    ↓**Date:** YYYY-MM-DD
                    ↓**Decision:** TBD
                    """,
            ], note: "an untouched review template"),
        ])

    static let weightSuffixes = [".safetensors", ".onnx", ".pt", ".pth", ".bin", ".gguf", ".pkl", ".joblib", ".h5"]

    static let decision = EvidenceField(
        "decision", labels: ["decision", "outcome", "conclusion", "verdict", "=result", "recommendation", "resolution"])
    static let decisionWords = [
        "continue*", "retire*", "retrain*", "modif*", "decommission*", "approve*", "suspend*", "roll back", "no change*",
        "remain*", "keep",
    ]
    static let requirements: [LifecycleRequirement] = [
        .field(decision, orLine: { LifecycleText.mentions($0, decisionWords) && Placeholders.isSubstantive($0) },
               missing: "records no decision", hint: "say whether the system continues, changes or is retired, and why"),
        LifecycleFields.dated,
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let system = context.system else { return .pass }
        let recordRequired = system.stage.order >= LifecycleStage.reEvaluation.order
        let history = context.project.history
        let reviews = context.artifacts(.reviewRecord).sorted { lhs, rhs in
            // Uncommitted records are the newest.
            let left = Self.changed(lhs.path, history) ?? .max, right = Self.changed(rhs.path, history) ?? .max
            return (left, lhs.path) < (right, rhs.path)
        }
        if reviews.isEmpty && recordRequired {
            return .evaluated([LifecycleReport.missing(
                "review record", context, kind: .reviewRecord,
                content: "recording the re-evaluation: what was checked, the decision (continue, change, retire) and the date")])
        }
        var violations: [Violation] = []
        if let newest = reviews.last, let document = LifecycleDocument.memoised(newest) {
            violations += LifecycleReport.check([document], title: "review record", requirements: Self.requirements)
        }
        guard let history, let tip = history.tip else { return .evaluated(violations) }
        let evidence = reviews.isEmpty
            ? context.artifacts([.modelCard, .impactAssessment, .riskAssessment]).map(\.path)
            : reviews.suffix(1).map(\.path)
        guard !evidence.isEmpty else {
            return .evaluated(violations + [LifecycleReport.missing(
                "review record (and no model card or assessment to date a review by)", context, kind: .reviewRecord,
                content: "recording when the model card and assessments were last reviewed and the decision taken")])
        }
        // The review is as old as its oldest piece of evidence (every assessment must be revisited).
        var datedByTip = false
        let reviewed = evidence.map { path in
            let known = history.lastChange(PathSelector(exact: [path]))
            if known == nil { datedByTip = true }
            let stamp = known ?? tip
            return (path: path, time: stamp.time, stamp: stamp)
        }.min { ($0.time, $0.path) < ($1.time, $1.path) }
        guard let reviewed else { return .evaluated(violations) }
        // The period check below flips when the tip reaches this time, and only then.
        let overdue = reviewed.time + (Int64(context.project.policy.reviewPeriodDays) + 1) * 86_400
        if !datedByTip {
            history.answer(holdsWhileTipTimeIn: tip.time < overdue ? Int64.min..<overdue : overdue..<Int64.max)
        }
        let what = reviews.isEmpty ? "\(reviewed.path) (no review record; the oldest of the model card and assessments)" : reviewed.path
        let anchor = Anchor(path: reviewed.path, line: 1)
        if let change = Self.lastModelOrDataChange(context, system: system, history: history, after: reviewed.stamp), change.time > reviewed.time {
            violations.append(Violation(
                "\(what) was last reviewed \(Self.day(reviewed.time)), before the model or data of '\(system.id)' changed in commit "
                    + "\(change.commit.prefix(7)) (\(change.date.prefix(10))): review the model card and assessments against the changed model and record it",
                at: anchor, anchor: "stale:change", absence: reviews.isEmpty))
        }
        let days = (tip.time - reviewed.time) / 86_400
        let period = context.project.policy.reviewPeriodDays
        if days > period {
            violations.append(Violation(
                "\(what) was last reviewed \(days) days before the checked commit, longer than review_period_days (\(period)): "
                    + "review the system again and record the decision",
                at: anchor, anchor: "stale:period", absence: reviews.isEmpty))
        }
        return .evaluated(violations)
    }

    /// When a document last changed (nil when history does not know it, e.g. uncommitted).
    static func changed(_ path: String, _ history: (any ChangeHistory)?) -> Int64? {
        history?.lastChange(PathSelector(exact: [path]))?.time
    }

    /// The newest commit that touched the system's weights, data folder or training code.
    /// Only changes after `bound` (the review) count, so the walk stops at the review's commit.
    static func lastModelOrDataChange(_ context: RuleContext, system: AISystem, history: any ChangeHistory,
                                      after bound: CommitStamp?) -> CommitStamp? {
        let root = system.root
        let training = context.project.files(inside: root).filter { path in
            let name = PathMath.name(of: path).lowercased()
            return name.hasPrefix("train") && (name.hasSuffix(".py") || name.hasSuffix(".ipynb"))
        }
        let dataFolder = root.isEmpty ? "data" : root + "/data"
        let selectors = [
            PathSelector(exact: Array(training), folders: [root], suffixes: weightSuffixes),
            // Data, not its documentation: a new datasheet is not a data change.
            PathSelector(folders: [dataFolder], excludingDocuments: true),
        ]
        return selectors.compactMap { history.lastChange($0, after: bound) }.max { ($0.time, $0.commit) < ($1.time, $1.commit) }
    }

    /// A unix time as its UTC day, "2024-01-03".
    static func day(_ time: Int64) -> String {
        var days = time / 86_400
        if time < 0 && time % 86_400 != 0 { days -= 1 }
        // Civil-from-days (proleptic Gregorian), so no Foundation calendar and no time zone enters the message.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
