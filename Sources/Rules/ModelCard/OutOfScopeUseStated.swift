import Documents
import Lint

/// MC-003: the model card says how the model must not be used.
struct OutOfScopeUseStated: Rule {
    static let description = RuleDescription(
        id: "MC-003",
        title: "The model card states out-of-scope uses",
        rationale: """
            Saying what a model is for does not tell a deployer where it breaks or where using it would \
            do harm. An explicit out-of-scope or misuse statement draws that line before someone \
            crosses it. It may be its own section ("Out-of-Scope Use", "Misuse", "Prohibited uses") or \
            a plain statement inside the intended-use or limitations text ("must not be used for …").
            """,
        fix: "Add an Out-of-Scope Use section naming the uses, users and inputs the model is not meant for.",
        stage: .inception, processes: [.stakeholderNeedsAndRequirementsDefinition], controls: ["A.9.4", "A.8.2"],
        level: .warning, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example(["models/router/README.md": ModelCardExamples.hubCard]),
            Example(["models/router/MODEL_CARD.md": ModelCardExamples.mitchellCard],
                    note: "an out-of-scope bullet inside Intended Use"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                **Intended use**
                Agents pre-assign new tickets to queues. It is not intended for tickets about legal claims.
                """]),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Model Use

                Agents pre-assign tickets with it. We caution against using it to decide refunds, and
                ranking customers with it would not be appropriate.
                """], note: "out-of-scope use stated as advice in a use section"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Limitations

                Mixed-language tickets go to one queue only. We recommend against use in legal queues.
                """], note: "out-of-scope use stated in the limitations"),
        ],
        failing: [
            Example(["models/router/MODEL_CARD.md": """
                ↓# Router

                ## Intended Use

                Support agents use the router to pre-assign new tickets to queues they then confirm.
                """], note: "nothing says where the model must not be used"),
            Example(["models/router/README.md": """
                ---
                license: mit
                library_name: transformers
                ---
                # Model Card for router

                ## Uses

                ### Direct Use

                Support agents use the router to pre-assign new tickets to queues they then confirm.

                ↓### Out-of-Scope Use

                [More Information Needed]
                """], note: "the template section left unfilled"),
        ])

    static let sectionKeys: Set<SectionKey> = [.outOfScopeUse]
    static let titleWords = ["out of scope", "out-of-scope", "misuse", "prohibited", "not intended"]

    /// Wordings that draw the line inside other sections.
    static let misusePhrases = [
        "should not be used", "must not be used", "not be used for", "not be used to", "never be used",
        "not intended for", "not intended to", "not designed for", "not designed to", "not suitable for",
        "not suited for", "out of scope", "out-of-scope", "do not use", "don't use", "misuse", "prohibited",
        "not for use", "is not meant for", "are not meant for", "not meant to be used", "not meant to be", "not meant as",
        // Cards often draw the line in a sentence of advice rather than under a label.
        "caution against", "cautions against", "recommend against", "recommends against", "advise against",
        "advises against", "warn against", "discourage", "not recommended for", "not recommend using",
        "not recommend use", "not recommend the use", "not appropriate", "inappropriate for", "inappropriate to",
        "unsuitable for", "should not be deployed", "must not be deployed", "not be deployed", "should not be relied",
        "must not be relied", "not be relied upon", "should never be", "must never be", "outside the scope",
        "not permitted", "is forbidden", "are forbidden", "should refrain from", "refrain from using",
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let cards = ModelCardDocument.cards(of: context)
        guard !cards.isEmpty else { return .notApplicable(reason: ModelCardDocument.noCardReason) }
        return .evaluated(cards.compactMap { $0.json == nil ? check($0) : checkToolkit($0) })
    }

    private func check(_ card: ModelCardDocument) -> Violation? {
        let indices = card.sectionIndices(keys: Self.sectionKeys, titleWords: Self.titleWords)
        if indices.contains(where: { card.isSubstantive($0) }) { return nil }
        // The line may be drawn in a sentence of a use, limitations or ethics section.
        let nearby = card.sectionIndices(keys: IntendedUseDescribed.useKeys.union(LimitationsDescribed.sectionKeys),
                                         titleWords: LimitationsDescribed.titleWords)
        let text = (nearby.map { card.text(of: $0) } + card.topBlocks.map(\.text)).joined(separator: "\n")
        if Self.drawsTheLine(text) { return nil }
        return card.absentSection(
            indices, anchor: "section:out-of-scope-use", isAnswered: { _ in false },
            none: "the model card never says how the model must not be used: add an Out-of-Scope Use section naming "
                + "the uses, users and inputs it is not meant for",
            empty: { "the out-of-scope section \"\($0)\" is empty or template text: name the uses, users and inputs "
                + "the model is not meant for" })
    }

    private func checkToolkit(_ card: ModelCardDocument) -> Violation? {
        let text = ["use_cases", "limitations", "out_of_scope_uses", "out_of_scope_use_cases"]
            .map { card.toolkitText(["considerations", $0]) }.joined(separator: "\n")
        if Self.drawsTheLine(text) { return nil }
        return .absent("considerations never say how the model must not be used: state the out-of-scope uses "
                          + "in considerations.use_cases or considerations.limitations",
                       at: card.toolkitAnchor(["considerations"]), anchor: "section:out-of-scope-use")
    }

    static func drawsTheLine(_ text: String) -> Bool {
        let lower = Placeholders.strip(text).lowercased().replacingOccurrences(of: "’", with: "'")
        return misusePhrases.contains { LifecycleText.bytes(lower, contain: $0) }
    }
}
