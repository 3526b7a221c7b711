import Catalog
import Documents
import Lint

/// TERM-003: life cycle stages named with labels that are not ISO/IEC 22989's.
struct StageLabel: DocumentRule {
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
        ]),
            Example([
                "models/ranker/DEPLOYMENT.md": """
                    # Deployment plan

                    A gradual rollout to two teams comes first; the ideation notes of the authors are in the wiki.
                    """,
            ], note: "ordinary words that name a stage only when written as one ('the rollout phase')"),
        ],
        failing: [Example([
            "models/ranker/DEPLOYMENT.md": """
                # Deployment plan

                ↓Go-live is planned for May.

                ↓The old ranker reaches end-of-life in June and we sunset it after the EOL date.
                """,
        ])])

    func violations(in artifact: Artifact, context: RuleContext) -> [Violation] {
        var reported: Set<String> = []
        return WordingScan.hits(in: artifact, context: context, kind: .stageLabel).compactMap { hit in
            // One note per line is enough for a stage label; the message names the first.
            guard let preferred = hit.wording.preferred,
                  reported.insert("\(hit.artifact.path):\(hit.range.start.line)").inserted else { return nil }
            return Violation("'\(hit.written)' names a life cycle stage in house words: ISO/IEC 22989 calls it '\(preferred)'",
                             at: Anchor(path: hit.artifact.path, range: hit.range),
                             anchor: "stage:\(hit.phrase)#\(hit.occurrence)", system: hit.owner)
        }
    }
}
