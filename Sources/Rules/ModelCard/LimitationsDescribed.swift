import Documents
import Lint

/// MC-006: the model card describes bias, risks and limitations.
struct LimitationsDescribed: Rule {
    static let description = RuleDescription(
        id: "MC-006",
        title: "The model card describes bias, risks and limitations",
        rationale: """
            Known weaknesses are the part of an evaluation people most need and most often leave out: \
            groups the model serves worse, inputs it mishandles, harms it could cause. Writing them down \
            is how risk treatment and user information start. The section may be called "Bias, Risks, \
            and Limitations", "Limitations", "Ethical Considerations", "Caveats and Recommendations" or \
            similar; a "Recommendations" subsection alone (often template boilerplate) does not count.
            """,
        fix: "Fill the Bias, Risks, and Limitations section with the model's known failure modes and who they affect.",
        stage: .verificationAndValidation, processes: [.riskManagement], controls: ["A.5.4", "A.5.5", "A.8.2"],
        level: .error, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example([".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "models/router/README.md": ModelCardExamples.hubCard]),
            Example([".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "models/router/MODEL_CARD.md": ModelCardExamples.mitchellCard]),
        ],
        failing: [
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/README.md": """
                    ---
                    license: mit
                    library_name: transformers
                    ---
                    # Model Card for router

                    ↓## Bias, Risks, and Limitations

                    [More Information Needed]

                    ### Recommendations

                    Users should be made aware of the risks, biases and limitations of the model.
                    """,
            ], note: "the template's recommendation boilerplate does not describe a limitation"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "verification-and-validation"),
                "models/router/MODEL_CARD.md": """
                    ↓# Router

                    ## Intended Use

                    Support agents pre-assign new tickets to queues.
                    """,
            ], note: "no limitations section at all"),
        ])

    static let sectionKeys: Set<SectionKey> = [.limitations, .ethicalConsiderations, .caveatsAndRecommendations]
    static let titleWords = ["limitation", "bias", "caveat", "risks"]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let cards = ModelCardDocument.cards(of: context)
        guard !cards.isEmpty else { return .notApplicable(reason: ModelCardDocument.noCardReason) }
        return .evaluated(cards.compactMap { $0.json == nil ? check($0) : checkToolkit($0) })
    }

    private func check(_ card: ModelCardDocument) -> Violation? {
        card.absentSection(
            card.sectionIndices(keys: Self.sectionKeys, titleWords: Self.titleWords), anchor: "section:limitations",
            isAnswered: { card.isSubstantive($0, excluding: [.recommendations]) },
            none: "the model card has no bias, risks and limitations section: add one describing known failure modes, "
                + "biases and risks, and who they affect",
            empty: { "the section \"\($0)\" is empty or template text: describe the model's known failure modes, biases "
                + "and risks, and who they affect" })
    }

    private func checkToolkit(_ card: ModelCardDocument) -> Violation? {
        let text = ["limitations", "ethical_considerations", "tradeoffs"]
            .map { card.toolkitText(["considerations", $0]) }.joined(separator: "\n")
        if Placeholders.isSubstantive(text) { return nil }
        return .absent("considerations.limitations and considerations.ethical_considerations are missing or empty: "
                          + "describe the model's known failure modes, biases and risks",
                       at: card.toolkitAnchor(["considerations", "limitations"]), anchor: "section:limitations")
    }
}
