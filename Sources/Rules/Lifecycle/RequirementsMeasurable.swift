import Documents
import Lint

/// LC-REQ-001: the requirements specification gives requirements ids and at least one of them a
/// measurable acceptance criterion (a number to reach or stay within).
///
/// An id is an upper-case prefix and a number joined by `-` or `_` (`REQ-1`, `FR-001`,
/// `PERF-LAT-2`); it may sit on a list line, in a table row or in a heading whose section holds
/// the criterion.
struct RequirementsMeasurable: Rule {
    static let description = RuleDescription(
        id: "LC-REQ-001",
        title: "Requirements have ids and measurable acceptance criteria",
        rationale: """
            Verification can only show that a system meets its requirements when each requirement can \
            be pointed at and checked. An id lets the V&V report cite it; a number (a recall to reach, a \
            latency to stay under, a gap between groups not to exceed) turns "works well" into a test \
            that passes or fails.
            """,
        fix: "Give each requirement an id (REQ-1) and a measurable criterion (e.g. 'recall on urgent tickets ≥ 0.90').",
        stage: .inception, processes: [.systemRequirementsDefinition], controls: ["A.6.2.2"], level: .warning,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/REQUIREMENTS.md": """
                    # Requirements: ticket triage

                    | Id | Requirement | Acceptance criterion |
                    |---|---|---|
                    | REQ-1 | Urgent tickets are found | recall ≥ 0.90 on the held-out test data |
                    | REQ-2 | Ranking is fast | p95 latency under 200 ms |
                    | REQ-3 | Agents can see why a ticket was ranked | top words shown in the agent view |
                    """,
            ]),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/REQUIREMENTS.md": """
                    # Requirements

                    ### FR-001 Urgent ticket recall

                    The classifier finds at least 90% of urgent tickets in the monthly audit sample.
                    """,
            ], note: "the id in a heading, the criterion below it"),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception, marked: true),
                "services/triage/MODEL_CARD.md": "# Triage classifier\n\nRanks tickets by urgency.\n",
            ], note: "no requirements specification"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/REQUIREMENTS.md": """
                    ↓# Requirements

                    - The classifier should find urgent tickets reliably.
                    - Ranking should feel instant to agents.
                    """,
            ], note: "requirements without ids or numbers"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.inception),
                "services/triage/REQUIREMENTS.md": """
                    # Requirements

                    | Id | Requirement | Acceptance criterion |
                    |---|---|---|
                    ↓| REQ-1 | [Describe the requirement] | <threshold> |
                    """,
            ], note: "an untouched template row"),
        ])

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.requirements]) {
            return .evaluated([LifecycleReport.missing(
                "requirements specification", context, kind: .requirements,
                content: "listing requirements with ids (REQ-1) and measurable acceptance criteria")])
        }
        let documents = LifecycleReport.documents(context, [.requirements])
        guard let first = documents.first else { return .pass }
        var requirements: [(id: String, anchor: Anchor, measurable: Bool)] = []
        for document in documents {
            for line in document.lines {
                for id in LifecycleText.requirementIDs(in: line.text) {
                    let rest = line.text.replacingOccurrences(of: id, with: " ")
                    requirements.append((id, Anchor(path: document.path, line: line.number), Self.isMeasurable(rest)))
                }
            }
            for heading in document.headings {
                for id in LifecycleText.requirementIDs(in: heading.title) {
                    let body = document.lines[heading.lines].map(\.text)
                    let measurable = body.contains(where: Self.isMeasurable)
                    requirements.append((id, Anchor(path: document.path, line: heading.line), measurable))
                }
            }
        }
        requirements.sort { $0.anchor < $1.anchor }
        if requirements.contains(where: \.measurable) { return .pass }
        guard let firstRequirement = requirements.first else {
            return .evaluated([Violation(
                "the requirements specification gives no requirement ids: number each requirement (REQ-1, REQ-2, …) "
                    + "so the V&V report can cite it, and give it a measurable acceptance criterion",
                at: first.artifact.firstLine, anchor: "ids")])
        }
        let ids = requirements.prefix(3).map(\.id).joined(separator: ", ")
        return .evaluated([Violation(
            "none of the requirements (\(ids)\(requirements.count > 3 ? ", …" : "")) has a measurable acceptance criterion: "
                + "give each a number to meet (e.g. 'recall on urgent tickets ≥ 0.90', 'p95 latency under 200 ms')",
            at: firstRequirement.anchor, anchor: "measurable")])
    }

    /// A number set against a limit, a percentage, or a number with a unit.
    static func isMeasurable(_ text: String) -> Bool {
        if LifecycleText.containsThreshold(text) { return true }
        let units: Set<String> = ["%", "percent", "ms", "s", "sec", "seconds", "minutes", "hours", "days", "pp", "points",
                                  "rps", "qps", "requests", "mb", "gb", "x"]
        let tokens = LifecycleText.tokens(text)
        for (index, token) in tokens.enumerated() where token.kind == .number && index + 1 < tokens.count {
            if units.contains(tokens[index + 1].text) { return true }
        }
        return false
    }
}
