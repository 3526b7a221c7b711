import Documents
import Lint

/// LC-INC-001: some document of the system says what it is for, what problem it solves, and why
/// AI is the right tool for that problem.
///
/// Accepted homes, because teams put this in different places: the requirements specification,
/// the design document, the impact assessment, or the model card. The purpose may be a
/// "Purpose", "Problem statement", "Objective" or the model card's "Intended use" section (or a
/// `Purpose:` line); the reason for AI a "Why AI" section or line, or a sentence that weighs AI
/// against a rule-based, heuristic or manual approach.
struct PurposeAndWhyAIStated: Rule {
    static let description = RuleDescription(
        id: "LC-INC-001",
        title: "Intended purpose and the case for AI are stated",
        rationale: """
            Whether a system should use AI at all is the first decision of its life cycle, and every \
            later judgement (requirements, risks, validation) is made against the purpose set here. \
            Writing down the problem, who has it, and why a non-AI approach would not do makes the \
            decision reviewable and keeps the system from drifting into uses nobody agreed to.
            """,
        fix: "Add 'Purpose' and 'Why AI' sections to the requirements, design or impact assessment (or the model card).",
        stage: .inception, processes: [.businessOrMissionAnalysis], controls: ["A.9.4", "A.6.1.2"], level: .warning,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/REQUIREMENTS.md": """
                    # Ticket triage: requirements

                    ## Problem statement

                    Support agents spend the first hour of each shift sorting new tickets by urgency, and \
                    urgent outages wait behind billing questions.

                    ## Why AI

                    Keyword rules were tried in 2023 and missed half of the urgent tickets, because customers \
                    describe outages in many different ways; a learned classifier can generalise from examples.

                    ## Requirements

                    - REQ-1: recall on urgent tickets of at least 0.90 on the held-out test data.
                    """,
            ], note: "problem statement and reason for AI in the requirements"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/MODEL_CARD.md": """
                    # Triage classifier

                    ## Intended Use

                    Ranks incoming support tickets by urgency so agents see outages first.

                    **Why machine learning:** customers word urgent problems in too many ways for keyword rules.
                    """,
            ], note: "the model card's intended use plus a labelled line"),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception, marked: true),
                "services/triage/REQUIREMENTS.md": """
                    # Ticket triage: requirements

                    - REQ-1: recall on urgent tickets of at least 0.90.
                    """,
            ], note: "nothing says what the system is for"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/REQUIREMENTS.md": """
                    # Ticket triage: requirements

                    ↓## Purpose

                    Ranks incoming support tickets by urgency so that agents see outages first.
                    """,
            ], note: "a purpose, but no word on why AI"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "docs/ai/triage/impact-assessment.md": """
                    # Impact assessment

                    ↓## Problem statement

                    [More Information Needed]

                    ## Why AI

                    Keyword rules missed half of the urgent tickets in a 2023 trial.
                    """,
            ], note: "an untouched template section"),
        ])

    static let purpose = EvidenceField(
        "purpose", keys: [.purpose, .problemStatement, .intendedUse, .directUse],
        labels: ["purpose", "intended purpose", "intended use", "problem statement", "=problem", "objective", "objectives",
                 "business need", "business problem", "=goal", "=goals", "use cases", "primary uses"])

    static let whyAI = EvidenceField(
        "why-ai", keys: [.whyAI],
        labels: ["why ai", "why use ai", "why machine learning", "why ml", "why a model", "why a learned model",
                 "justification", "ai justification", "rationale for ai", "alternatives considered", "non ai alternative",
                 "non ai alternatives", "why not rules"])

    /// A sentence that weighs AI against something simpler.
    static let alternativeCues = [
        "rule based", "rules based", "keyword rules", "keyword matching", "non ai", "non ml", "without ai",
        "without machine learning", "simple rules", "heuristic*", "hand written rules", "regular expressions",
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let kinds: Set<ArtifactKind> = [.requirements, .design, .impactAssessment, .modelCard]
        let documents = LifecycleReport.documents(context, kinds)
        let purpose = LifecycleEvidence.assess(Self.purpose, in: documents)
        var why = LifecycleEvidence.assess(Self.whyAI, in: documents)
        if !why.isMet, let line = LifecycleEvidence.line(in: documents, where: {
            LifecycleText.mentions($0, Self.alternativeCues) && Placeholders.isSubstantive($0)
        }) {
            why = .met(line)
        }
        let whyHint = "why AI is needed, e.g. what a rule-based or manual approach could not do"
        var violations: [Violation] = []
        switch purpose {
        case .met(let evidence):
            if case .absent = why {
                violations.append(.absent(
                    "the purpose is stated here, but no document of the system says why AI is needed: add a 'Why AI' section saying \(whyHint)",
                    at: evidence.anchor, anchor: "why-ai"))
            }
        case .inadequate(let evidence):
            violations.append(.absent(
                "the '\(evidence.title)' \(evidence.kind == .section ? "section" : "line") is empty or only a placeholder: "
                    + "state the problem the system solves, for whom, and in which context",
                at: evidence.anchor, anchor: "section:purpose"))
        case .absent:
            let also = why.isMet ? "" : ", nor why AI is needed"
            let system = context.subject.id.map { "'\($0)'" } ?? "the system"
            violations.append(.absent(
                "no document of \(system) states its intended purpose and the problem it solves\(also): add 'Purpose' and "
                    + "'Why AI' sections to the requirements, design document or impact assessment, or an intended-use section and a "
                    + "'Why AI' section to the model card",
                at: context.missingAnchor, anchor: "missing"))
        }
        if case .inadequate(let evidence) = why {
            violations.append(.absent(
                "the '\(evidence.title)' \(evidence.kind == .section ? "section" : "line") is empty or only a placeholder: say \(whyHint)",
                at: evidence.anchor, anchor: "section:why-ai"))
        }
        return .evaluated(violations)
    }
}
