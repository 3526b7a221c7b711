import Documents
import Foundation
import Lint

/// MC-009: the card says which version of the model it describes, and, for a derived model,
/// which model it was derived from.
struct ModelVersionRecorded: Rule {
    static let description = RuleDescription(
        id: "MC-009",
        title: "The model card records the model version and its base model",
        rationale: """
            A card is evidence about one model; without a version or date nobody can tell which one, or \
            whether the card is older than the weights beside it. A fine-tuned, adapted, distilled or \
            quantized model also inherits the strengths, flaws and licence of its base model, so the \
            base model must be named: front matter `base_model`, a "Finetuned from model" field, or the \
            sentence that says the model was fine-tuned.
            """,
        fix: "Add a version or release date (e.g. `- Model version: 2.1.0`) and, for a derived model, `base_model`.",
        stage: .designAndDevelopment, processes: [.configurationManagement, .acquisition], controls: ["A.6.2.7", "A.10.3"],
        level: .warning, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example(["models/router/README.md": ModelCardExamples.hubCard]),
            Example(["models/router/MODEL_CARD.md": ModelCardExamples.mitchellCard],
                    note: "the base model named in the sentence that says it was fine-tuned"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                **Model details**
                Released in March 2024. This model was trained from scratch on ticket text.
                """]),
            Example(["models/router/model_card.json": """
                {"model_details": {"name": "router", "version": {"name": "2.1.0", "date": "2024-05-14"}}}
                """]),
            Example(["models/router/MODEL_CARD.md": "# Router\n\nThe router was trained in Q3 of 2024 on resolved tickets.\n"],
                    note: "a quarter and a year in a sentence"),
            Example(["models/router/MODEL_CARD.md": "# Router\n\n**Model Dates** The router was trained between January 2023 and July 2023.\n"],
                    note: "a bold label without a colon and month names"),
            Example(["models/router/MODEL_CARD.md": "# Router\n\n- Latest version trained on **2/9/2023**\n"],
                    note: "a US-style date in a list item, in bold"),
            Example(["models/router/MODEL_CARD.md": "# Router v3 Model Card\n\nRoutes tickets to queues.\n"],
                    note: "the version in the card's title"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                Router 2 is a TicketNet 3-based classifier, released in March 2024.

                ## Limitations

                It was finetuned for routing only.
                """], note: "the base model named as a modifier ('TicketNet 3-based'), the derivation said elsewhere"),
        ],
        failing: [
            Example(["models/router/MODEL_CARD.md": """
                ↓# Router

                ## Model Details

                A text classifier for support tickets.
                """], note: "neither a version nor a date"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Model Details

                - Model version: 1.3

                ↓We fine-tuned a small encoder on resolved support tickets.
                """], note: "derived, but the base model is never named"),
            Example(["models/router/README.md": """
                ---
                license: mit
                library_name: transformers
                version: 0.4.0
                ---
                # Model Card for router

                ↓This model is a fine-tuned version of our earlier encoder.

                - **Finetuned from model [optional]:** [More Information Needed]
                """], note: "the template's base model field left unfilled"),
        ])

    static let versionKeys = ["version", "model_version", "model-version", "date", "release_date", "released",
                              "last_updated", "updated", "created", "model_date"]
    static let versionLabels: Set<String> = ["version", "model version", "model date", "date", "release date",
                                             "released", "last updated", "updated", "model release date", "release",
                                             "checkpoint", "revision", "model revision", "date of release", "version date"]
    /// Words of a field label that say when or in which version a model was made
    /// (`**Model Dates**`, `Release date`), not of any label with a number ("Training loss").
    static let madeLabelWords = ["version", "versions", "date", "dates", "release", "released", "trained", "created",
                                 "published", "updated", "revision", "checkpoint"]
    /// Words of a sentence that tell when the model was made ("trained in Q3 of 2024").
    static let madeWords = ["trained", "released", "created", "published", "developed", "dated", "updated", "built",
                            "version"]
    static let baseLabels: Set<String> = ["finetuned from model", "finetuned from", "fine-tuned from", "fine-tuned from model",
                                          "base model", "parent model", "derived from", "adapted from", "quantized from",
                                          "distilled from", "base", "fine tuned from model"]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let cards = ModelCardDocument.cards(of: context)
        guard !cards.isEmpty else { return .notApplicable(reason: ModelCardDocument.noCardReason) }
        return .evaluated(cards.flatMap { card -> [Violation] in
            guard card.json == nil else { return checkToolkit(card).map { [$0] } ?? [] }
            return [versionViolation(card), baseModelViolation(card)].compactMap { $0 }
        })
    }

    // MARK: Version

    private func versionViolation(_ card: ModelCardDocument) -> Violation? {
        if Self.versionKeys.contains(where: { TextChecks.hasContent(card.frontMatter?[$0]?.string ?? "") }) { return nil }
        let fields = card.fields(in: card.allBlocks)
        if fields.contains(where: { field in
            (Self.versionLabels.contains(field.label) || LifecycleText.mentions(field.label, Self.madeLabelWords))
                && field.value.contains(where: \.isNumber)
        }) { return nil }
        let detailIndices = card.outermost(card.sectionIndices(keys: [.modelDetails, .modelDescription, .modelVersion]))
        let text = (detailIndices.map { card.text(of: $0) } + card.topBlocks.map(\.text)).joined(separator: "\n")
        if VersionPatterns.mentionsVersionOrDate(Placeholders.strip(text)) { return nil }
        // A date anywhere, told as when the model was made ("trained in Q3 of 2024", "released
        // 2/9/2023", "created … 2024"), or a version in the card's title ("Stable Diffusion v1").
        for source in card.sourceLines(of: card.allBlocks) {
            let line = Placeholders.strip(source.text)
            guard LifecycleText.mentions(line, Self.madeWords) else { continue }
            if LifecycleText.containsDate(line) || LifecycleText.tokens(line).contains(where: { LifecycleText.isYear($0.text) }) {
                return nil
            }
        }
        if let title = card.sections.first(where: { $0.level == 1 })?.title, VersionPatterns.namesVersionedModel(title) {
            return nil
        }
        return .absent("the model card names no model version or date: add one (e.g. `- Model version: 2.1.0` "
                       + "or `- Model date: 2024-05`) so readers know which model it describes",
                       at: card.titleAnchor, anchor: "version")
    }

    private func checkToolkit(_ card: ModelCardDocument) -> Violation? {
        if TextChecks.hasContent(card.toolkitText(["model_details", "version"])) { return nil }
        return .absent("model_details.version has no name or date: say which model version the card describes",
                         at: card.toolkitAnchor(["model_details", "version"]), anchor: "version")
    }

    // MARK: Base model

    private func baseModelViolation(_ card: ModelCardDocument) -> Violation? {
        if let base = card.frontMatter?["base_model"], !(base.strings ?? []).filter(TextChecks.hasContent).isEmpty { return nil }
        let fields = card.fields(in: card.allBlocks)
        if fields.contains(where: { Self.baseLabels.contains($0.label) && $0.hasValue }) { return nil }
        let fieldLines = Set(fields.filter { Self.baseLabels.contains($0.label) }.map(\.line))
        var claim: Anchor?
        for source in card.sourceLines(of: card.allBlocks) where !fieldLines.contains(source.line) {
            let text = Placeholders.strip(MarkdownLinks.blankingLinksAndCode(source.text)
                                          .replacingOccurrences(of: "**", with: ""))
            // "a Llama 3-based model" names the base wherever it is said.
            if VersionPatterns.namesBaseByAdjective(text) { return nil }
            guard VersionPatterns.saysDerived(text) else { continue }
            if VersionPatterns.namesBaseModel(source.text) { return nil }
            if claim == nil { claim = card.anchor(line: source.line) }
        }
        if claim == nil, let pair = card.frontMatter?.pair(forKey: "base_model_relation")
            ?? card.frontMatter.flatMap({ front in front["library_name"]?.string == "peft" ? front.pair(forKey: "library_name") : nil }) {
            claim = card.anchor(pair.key.location)
        }
        guard let claim else { return nil }
        return Violation("the model card says the model is derived from another but never names the base model: "
                            + "set front matter `base_model` or fill the \"Finetuned from model\" field",
                         at: claim, anchor: "base-model")
    }
}

/// Patterns for versions, dates and derivation claims in card text.
enum VersionPatterns {
    private static let months = "january|february|march|april|may|june|july|august|september|october|november|december"
        + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

    private static let versionOrDate = try? NSRegularExpression(pattern: [
        #"\bv\d+(?:\.\d+)*\b"#, #"\bversion\s*:?\s*\d+(?:\.\d+)*"#, #"\b(?:19|20)\d{2}-\d{2}(?:-\d{2})?\b"#,
        #"\b(?:\#(months))\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2}\b"#, #"\b\d+\.\d+\.\d+\b"#,
        #"\b(?:released|trained|updated|published|developed|created)\s+(?:in|on)\s+(?:\w+\s+)?(?:19|20)\d{2}\b"#,
    ].joined(separator: "|"), options: [.caseInsensitive])

    private static let derived = try? NSRegularExpression(pattern: [
        #"\b(?:fine[- ]?tuned|finetuned|distilled|quanti[sz]ed|adapted)\s+(?:version|variant|checkpoint|edition)\s+of\b"#,
        #"\b(?:fine[- ]?tuned|finetuned|distilled|quanti[sz]ed)\s+(?:from|on top of)\b"#,
        #"\b(?:is|was|has been|were)\s+(?:a\s+|an\s+)?(?:fine[- ]?tuned|finetuned|distilled|quanti[sz]ed)\b"#,
        #"\bwe\s+(?:fine[- ]?tuned|finetuned|fine[- ]?tune|distilled|quanti[sz]ed)\b"#,
        #"\b(?:lora|qlora|peft)\s+adapter\b"#, #"\badapter\s+(?:for|on top of|trained on top of)\b"#,
        #"\b(?:this|the) model is derived from\b"#,
    ].joined(separator: "|"), options: [.caseInsensitive])

    private static let basePhrase = try? NSRegularExpression(
        pattern: #"\b(?:of|from|on top of|based on|upon|adapter for)\s+(?:the\s+|a\s+|an\s+)?([^\s,;]+)"#, options: [.caseInsensitive])

    static func mentionsVersionOrDate(_ text: String) -> Bool { matches(versionOrDate, text) }

    /// A title naming a model with its version: "Stable Diffusion v1", "DINOv2", "GPT-2",
    /// "Llama Guard 3-8B", "Whisper 1.5".
    static func namesVersionedModel(_ title: String) -> Bool { matches(versionedName, title) }

    private static let versionedName = try? NSRegularExpression(
        pattern: #"(?:\bv\d+(?:\.\d+)*\b|[A-Za-z]v\d+\b|[A-Za-z][A-Za-z]+[- ]\d+(?:\.\d+)*(?:\b|-))"#)

    static func saysDerived(_ text: String) -> Bool { matches(derived, text) }

    /// "Llama 3-based", "BERT-based", "built on top of T5": the base named as a modifier.
    static func namesBaseByAdjective(_ text: String) -> Bool { matches(baseAdjective, text) }

    private static let baseAdjective = try? NSRegularExpression(
        pattern: #"\b[A-Z][\w.]*(?:[ -][\w.]*\d[\w.]*)?-based\b|\bbuilt (?:on top of|upon|on) [A-Z][\w.-]*"#)

    /// Whether a derivation sentence goes on to name the model: "of distilbert-base-uncased",
    /// "from `acme/encoder-v2`", "on top of [Encoder](…)", "from BERT".
    static func namesBaseModel(_ text: String) -> Bool {
        guard let expression = basePhrase else { return false }
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let word = text[range]
            if word.lowercased() == "scratch" { continue }
            // "starting from the mono models": the card's own family, named in the card.
            let after = text[range.upperBound...].drop { $0 == " " }
            if after.lowercased().hasPrefix("models") || after.lowercased().hasPrefix("checkpoints") { return true }
            if word.hasPrefix("[") || word.hasPrefix("`") || word.contains(where: { $0.isUppercase || $0.isNumber })
                || word.contains("-") || word.contains("/") || word.contains("_") { return true }
        }
        return false
    }

    private static func matches(_ expression: NSRegularExpression?, _ text: String) -> Bool {
        expression?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
