import Catalog
import Documents
import Lint

/// TERM-001: practitioner wording where ISO/IEC 22989 has a term, when the substitution is safe.
struct NonStandardTerm: DocumentRule {
    static let description = RuleDescription(
        id: "TERM-001",
        title: "Use ISO/IEC 22989 terms where one exists",
        rationale: """
            Auditors read governance documents against the standard's vocabulary. When a card says \
            "train set" and the impact assessment says "training data", a reader has to wonder whether \
            they are the same thing. Only substitutions that are safe in every context are suggested; \
            wordings whose meaning depends on context (hold-out set, gold standard) are left alone.
            """,
        fix: "Replace the wording with the suggested term, or add the word to `terms:` in .aims/config.yml if your project means something else by it.",
        stage: nil, processes: [.knowledgeManagement], controls: ["A.6.2.7"], level: .note, scope: [.repository],
        firesOnText: true,
        passing: [Example([
            "models/ranker/MODEL_CARD.md": """
                # Ranker

                ## Training data

                We split the training data and the test data by week, so `train_set.csv` stays untouched.
                """,
        ]),
            Example([
                "data/tickets/DATASHEET.md": """
                    # Datasheet: tickets

                    ## Preprocessing/cleaning/labeling

                    ### Was any labeling of the data done (for example, part of a train set or a dev set)?

                    _Describe the labeling procedure, if any._

                    Agents assigned each ticket a queue when they closed it.
                    """,
            ], note: "a datasheet keeps the template's questions and italic guidance: the author's words are the answers"),
            Example([
                "models/ranker/README.md": """
                    ---
                    license: mit
                    library_name: transformers
                    ---
                    # ranker

                    It achieves the following results on the evaluation set: Loss 0.21.
                    """,
            ], note: "'evaluation set' names validation data or test data depending on use: left alone"),
        ],
        failing: [Example([
            "models/ranker/MODEL_CARD.md": """
                # Ranker

                ## Training data

                ↓↓We split the train set and the test set by week.

                ↓↓- Hyper-parameters were tuned on the dev set.
                """,
        ])])

    func violations(in artifact: Artifact, context: RuleContext) -> [Violation] {
        WordingScan.hits(in: artifact, context: context, kind: .term).compactMap { hit in
            guard let preferred = hit.wording.preferred else { return nil }
            let clause = hit.wording.preferredClause.map { " (\($0.hasPrefix("A.") ? "ISO/IEC 42001 " : "ISO/IEC 22989 ")\($0))" } ?? ""
            return Violation("'\(hit.written)' is not ISO/IEC 22989 wording: say '\(preferred)'\(clause)",
                             at: Anchor(path: hit.artifact.path, range: hit.range),
                             anchor: "term:\(hit.phrase)#\(hit.occurrence)", system: hit.owner)
        }
    }
}
