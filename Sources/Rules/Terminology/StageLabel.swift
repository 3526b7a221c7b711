import Catalog
import Documents
import Lint

/// TERM-003: life cycle stages named with labels that are not ISO/IEC 22989's.
struct StageLabel: Rule {
    static let description = RuleDescription(
        id: "TERM-003",
        title: "Name life cycle stages as ISO/IEC 22989 does",
        rationale: """
            The life cycle model is how an auditor finds their way around the documentation: which \
            evidence belongs to deployment, which to retirement. "Go-live", "sunset" or "EOL" name \
            the same moments in house vocabulary; using the standard's stage names keeps the \
            documents, the policy file and the audit trail aligned.
            """,
        fix: "Use the 22989 stage name the message suggests (inception, design and development, verification and validation, deployment, operation and monitoring, continuous validation, re-evaluation, retirement).",
        stage: nil, processes: [.lifeCycleModelManagement], controls: ["A.6.2.7"], level: .note, scope: [.repository],
        firesOnText: true,
        passing: [Example([
            "models/ranker/DEPLOYMENT.md": """
                # Deployment plan

                The deployment of version 2.1 happens after sign-off; retirement of version 1 follows a month later.
                """,
        ])],
        failing: [Example([
            "models/ranker/DEPLOYMENT.md": """
                # Deployment plan

                ↓Go-live is planned for May.

                ↓The old ranker reaches end-of-life in June and we sunset it after the EOL date.
                """,
        ])])

    func evaluate(_ context: RuleContext) -> Evaluation {
        let accepted = Set(context.project.policy.acceptedTerms.map { $0.lowercased() })
        var violations: [Violation] = []
        for artifact in context.project.artifacts {
            guard let document = artifact.markdown else { continue }
            var seen: [String: Int] = [:]
            var reportedLines: Set<Int> = []
            for span in ProseWalker.spans(of: document) {
                for match in PhraseMatcher.catalog.matches(in: span.text)
                where match.wording.kind == .stageLabel && match.wording.advice == .suggest && !accepted.contains(match.phrase.lowercased()) {
                    let start = span.location(of: match.range.lowerBound)
                    // One note per line is enough for a stage label; the message lists the first.
                    guard reportedLines.insert(start.line).inserted, let preferred = match.wording.preferred else { continue }
                    let written = String(span.text[match.range])
                    let count = seen[match.phrase, default: 0]
                    seen[match.phrase] = count + 1
                    violations.append(Violation(
                        "'\(written)' names a life cycle stage in house words: ISO/IEC 22989 calls it '\(preferred)'",
                        at: Anchor(path: artifact.path, range: SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + written.count))),
                        anchor: "stage:\(match.phrase.lowercased())#\(count)",
                        system: context.project.owner(of: artifact)))
                }
            }
        }
        return .evaluated(violations)
    }
}
