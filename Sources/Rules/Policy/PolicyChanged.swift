import Lint

/// AIMS-006: the change under review edits the policy itself.
struct PolicyChanged: Rule {
    static let description = RuleDescription(
        id: "AIMS-006",
        title: "The policy under .aims/ changed in this change set",
        rationale: """
            In diff mode the gate reads its policy from the base, so a change cannot switch off the \
            rule it would fail. Changes to the policy still need a human look: this note makes them \
            visible in the review, next to the findings they would affect once merged.
            """,
        fix: "Nothing to fix: have a reviewer who owns the AI management system approve the policy change.",
        stage: nil, processes: [], controls: [], level: .note, scope: [.repository], readsChangeSet: true,
        passing: [Example([
            ".aims/config.yml": "version: 1\n",
            "models/ranker/MODEL_CARD.md": "# Ranker\n",
        ], note: "outside diff mode the rule is not applicable")],
        failing: [Example([
            ".aims/config.yml": "↓version: 1\nrules:\n  TERM-001: off\n",
            "models/ranker/MODEL_CARD.md": "# Ranker\n",
        ], base: [
            ".aims/config.yml": "version: 1\n",
            "models/ranker/MODEL_CARD.md": "# Ranker\n",
        ], note: "a change that switches a rule off")])

    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let changes = context.project.changeSet else {
            return .notApplicable(reason: "only in diff mode (--base or --staged)")
        }
        return .evaluated(changes.paths(inside: ".aims").filter { !$0.hasPrefix(".aims/systems/") }.map { path in
            let state = context.project.fileExists(path) ? "changes" : "removes"
            return Violation("this change \(state) the policy file \(path); the gate used the base's policy",
                             at: Anchor(path: context.project.fileExists(path) ? path : Policy.configPath, line: 1),
                             anchor: "policy:\(path)")
        })
    }
}
