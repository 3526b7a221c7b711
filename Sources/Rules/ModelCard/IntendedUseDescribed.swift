import Documents
import Lint

/// MC-002: the model card says what the model is for, for whom, in which context.
struct IntendedUseDescribed: Rule {
    static let description = RuleDescription(
        id: "MC-002",
        title: "The model card describes the intended use",
        rationale: """
            Every other claim in a model card — its metrics, its limits, its risks — only means \
            something relative to the use it was built for. A card without an intended-use section, \
            or with one left as template filler, gives deployers nothing to check their own use \
            against. Headings are matched across templates: "Uses", "Intended Use", "Direct Use", \
            "Intended uses & limitations", a bold "**Intended use**" line, or the Model Card \
            Toolkit's `considerations.use_cases`.
            """,
        fix: "Write an Intended Use section: who uses the model, for which task, in which setting.",
        stage: .inception, processes: [.stakeholderNeedsAndRequirementsDefinition], controls: ["A.9.4"],
        level: .error, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example(["models/router/README.md": ModelCardExamples.hubCard]),
            Example(["models/router/MODEL_CARD.md": ModelCardExamples.mitchellCard]),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                **Intended use**
                Support agents use the router to pre-assign new tickets to queues they then confirm.
                """], note: "a bold line works as a heading"),
            Example(["models/router/model_card.json": """
                {
                  "model_details": {"name": "router"},
                  "considerations": {
                    "use_cases": [{"description": "Pre-assign support tickets to queues for agents to confirm."}]
                  }
                }
                """], note: "Model Card Toolkit JSON"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Model Details

                Router is a ticket classifier. It can be used to pre-assign incoming support tickets to the
                queue that owns them, and agents confirm each assignment.
                """], note: "no use heading: the description says what the model is for"),
            Example(["models/router/MODEL_CARD.md": "# Router\n\n## Application\n\nPre-assigning support tickets to queues, confirmed by agents.\n"],
                    note: "a vendor heading for intended use"),
        ],
        failing: [
            Example(["models/router/MODEL_CARD.md": """
                ↓# Router

                ## Model Details

                A text classifier for support tickets.
                """], note: "no intended-use section: reported at the title"),
            Example(["models/router/README.md": """
                ---
                license: mit
                pipeline_tag: text-classification
                ---
                # Model Card for router

                ↓## Uses

                ### Direct Use

                [More Information Needed]

                ### Out-of-Scope Use

                Never use it to decide refunds or to rank customers by value.
                """], note: "template placeholders only; the out-of-scope text does not count as intended use"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ↓**Intended use**
                TBD

                **Limitations**
                Mixed tickets go to one queue only.
                """], note: "a bold pseudo-heading left empty"),
            Example(["models/router/model_card.json": """
                {
                  "model_details": {"name": "router"},
                  ↓"considerations": {"limitations": ["Mixed tickets go to one queue only."]}
                }
                """], note: "Model Card Toolkit JSON without use_cases"),
        ])

    /// Headings whose content is the intended use.
    static let useKeys: Set<SectionKey> = [.intendedUse, .directUse, .downstreamUse, .intendedUsers]
    /// Subsections of a "Uses" section that are about something else.
    static let otherKeys: Set<SectionKey> = [.outOfScopeUse, .limitations, .ethicalConsiderations,
                                             .caveatsAndRecommendations, .recommendations]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let cards = ModelCardDocument.cards(of: context)
        guard !cards.isEmpty else { return .notApplicable(reason: ModelCardDocument.noCardReason) }
        return .evaluated(cards.compactMap { $0.json == nil ? check($0) : checkToolkit($0) })
    }

    private func check(_ card: ModelCardDocument) -> Violation? {
        let indices = card.sectionIndices(keys: Self.useKeys)
        // Cards without a use heading often say what the model is for in its description.
        if indices.isEmpty, Self.statesUseInProse(card) { return nil }
        return card.absentSection(
            indices, anchor: "section:intended-use",
            isAnswered: { card.isSubstantive($0, excluding: Self.otherKeys) },
            none: "the model card has no intended-use section: add one (\"Intended Use\" or \"Uses\") saying who uses "
                + "the model, for what, and in which setting",
            empty: { "the intended-use section \"\($0)\" is empty or template text: say who uses the model, for what, "
                + "and in which setting" })
    }

    /// Wordings that say what a model is for.
    static let usePhrases = [
        "intended to be used", "is intended for", "are intended for", "is intended to", "are intended to",
        "designed to be used", "is designed for", "are designed for", "can be used to", "can be used for",
        "is meant for", "are meant for", "is meant to", "primary use", "intended use", "is recommended for",
        "is used to", "is suitable for", "are suitable for", "is built for", "provides content moderation",
    ]

    /// Whether a sentence outside the out-of-scope and limitations text says what the model is for.
    static func statesUseInProse(_ card: ModelCardDocument) -> Bool {
        let excluded = card.sectionIndices(keys: otherKeys.union([.outOfScopeUse]), titleWords: OutOfScopeUseStated.titleWords)
        let excludedLines = Set(excluded.flatMap { card.blocks(of: $0).map(\.range.start.line) })
        let blocks = card.allBlocks.filter { !excludedLines.contains($0.range.start.line) }
        return blocks.contains { block in
            if case .code = block.kind { return false }
            return LifecycleText.mentions(Placeholders.strip(block.text), usePhrases)
        }
    }

    private func checkToolkit(_ card: ModelCardDocument) -> Violation? {
        let path = ["considerations", "use_cases"]
        if Placeholders.isSubstantive(card.toolkitText(path)) { return nil }
        let message = card.toolkitMember(path) == nil
            ? "the model card has no considerations.use_cases: list who uses the model, for what, and in which setting"
            : "considerations.use_cases is empty or template text: say who uses the model, for what, and in which setting"
        return .absent(message, at: card.toolkitAnchor(path), anchor: "section:intended-use")
    }
}
