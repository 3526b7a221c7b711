import Documents
import Lint

/// MC-008: no governance document still holds template filler.
struct NoTemplatePlaceholders: DocumentRule {
    static let description = RuleDescription(
        id: "MC-008",
        title: "Documents hold no unfilled template placeholders",
        rationale: """
            A template left half-filled looks like documentation and says nothing: "[More Information \
            Needed]", "{{ model_id }}", "TODO", "YOUR ANSWER HERE" or "[Your content here]" tell a \
            reviewer that a question was never answered. Every occurrence in the text of a recognised \
            document is reported where it stands; code, inline code and HTML comments (where templates \
            keep their instructions) are left alone.
            """,
        fix: "Replace each placeholder with the answer, or delete the field if it does not apply and say why.",
        stage: nil, processes: [.informationManagement], controls: ["A.6.2.7"],
        level: .warning, scope: [.repository], firesOnText: true,
        passing: [
            Example(["models/router/README.md": ModelCardExamples.hubCard]),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                <!-- Fill in: who uses the model? [More Information Needed] -->
                ## Intended Use

                Agents pre-assign tickets; `router --check TODO` lists open items in the `{{ queue }}` format.
                """], note: "HTML comments and inline code are not prose"),
            Example(["models/router/MODEL_CARD.md": """
                # Router

                ## Results

                | Variant | English | German |
                |---|---|---|
                | small | 0.91 | N/A |
                | large | 0.94 | — |

                ## Annotators

                - Labels: N/A, the tickets were routed by their own history.
                - Ticket ids: <QUEUE_CODE><TICKET_NUMBER>, such as DE00417.
                """], note: "N/A and dashes among values, N/A as part of an answer, slots side by side spelling an id format"),
        ],
        failing: [
            Example(["models/router/README.md": """
                ---
                license: mit
                library_name: transformers
                ---
                ↓# Model Card for {{ model_id }}

                ## Model Details

                - **Developed by:** Acme
                ↓- **Funded by [optional]:** [More Information Needed]
                ↓- **Model type:** TBD

                ## Uses

                ↓[More Information Needed]
                """], note: "one finding per placeholder, at its own line"),
            Example(["models/router/DATASHEET.md": """
                # Datasheet

                ## Motivation

                ↓YOUR ANSWER HERE

                ## Composition

                ↓TODO: count the tickets per queue.
                """], note: "any recognised document, not only model cards"),
            Example(["models/router/MODEL_CARD.md": "# Router\n\n## Training Data\n\n↓N/A\n"],
                    note: "N/A as a section's whole content answers nothing: it gives no reason"),
        ])

    /// A placeholder found in a document: what it says, where, and under which section.
    private struct Found: Sendable {
        let text: String
        let range: SourceRange
        let section: String
        /// The heading the placeholder stands under, as written; nil in the preamble.
        let heading: String?
        /// "N/A" as a section's whole content: an answer with no reason, not template text.
        let bareNotApplicable: Bool
    }

    /// The placeholders of each document, found once per path and blob.
    private static let memo = ArtifactMemo<[Found]>()

    private static func placeholders(in artifact: Artifact, document: MarkdownDocument) -> [Found] {
        memo.value(for: artifact) {
            var found: [Found] = []
            for span in joinedProse(document.prose) {
                for match in Placeholders.matches(in: span.text) {
                    let range = trimmingTrailingSpace(match, in: span.text)
                    let start = span.location(of: range.lowerBound)
                    // "N/A" answers a field or fills a results cell ("not run"); it is template
                    // filler only as the whole content of a section.
                    let notApplicable = LifecycleText.matchForm(String(span.text[range])) == "n a"
                    if notApplicable, !isWholeContent(start.line, document) {
                        continue
                    }
                    let last = span.text.unicodeScalars.index(before: range.upperBound)
                    let index = document.sectionIndex(containing: start.line)
                    found.append(Found(text: String(span.text[range]), range: SourceRange(start: start, end: span.location(of: last)),
                                       section: index.map { document.sections[$0].normalized } ?? "",
                                       heading: index.map { document.sections[$0].title },
                                       bareNotApplicable: notApplicable))
                }
            }
            return found
        }
    }

    func violations(in artifact: Artifact, context: RuleContext) -> [Violation] {
        var violations: [Violation] = []
        guard let document = artifact.markdown else { return [] }
        let owner = context.project.owner(of: artifact)
        var seen: [String: Int] = [:]
        for placeholder in Self.placeholders(in: artifact, document: document) {
            let key = "placeholder:\(placeholder.section):\(placeholder.text)"
            seen[key, default: 0] += 1
            let message: String
            if placeholder.bareNotApplicable {
                let under = placeholder.heading.map { "section '\($0)' of " } ?? ""
                message = "\(under)\(artifact.kind.title) \(artifact.path) answers only \"\(placeholder.text)\": "
                    + "say why it does not apply, or answer it"
            } else {
                message = "\(artifact.kind.title) \(artifact.path) still holds the template placeholder \"\(placeholder.text)\": "
                    + "replace it with the answer, or remove the field"
            }
            violations.append(Violation(message,
                at: Anchor(path: artifact.path, range: placeholder.range),
                anchor: "\(key)#\(seen[key] ?? 1)", system: owner))
        }
        return violations
    }

    /// Whether the section holding `line` says nothing else: its own blocks hold only placeholders.
    static func isWholeContent(_ line: Int, _ document: MarkdownDocument) -> Bool {
        let blocks = document.sectionIndex(containing: line).map { document.sections[$0].blocks } ?? document.preamble
        return !blocks.contains { block in
            if case .table = block.kind { return true }
            return TextChecks.hasContent(block.text)
        }
    }

    /// "TODO: describe " ends at its last word, not at the space before the next span.
    static func trimmingTrailingSpace(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        var end = range.upperBound
        while end > range.lowerBound {
            let previous = text.unicodeScalars.index(before: end)
            guard text.unicodeScalars[previous].properties.isWhitespace else { break }
            end = previous
        }
        return end > range.lowerBound ? range.lowerBound..<end : range
    }

    /// Prose spans that touch on the same line read as one (cmark splits text at `[`, `]` and
    /// `_`), so "[More Information Needed]" is found whole, at its opening bracket.
    static func joinedProse(_ spans: [ProseSpan]) -> [ProseSpan] {
        var result: [ProseSpan] = []
        for span in spans {
            if let last = result.last, last.location.line == span.location.line,
               last.location.column + last.text.unicodeScalars.count == span.location.column {
                result[result.count - 1] = ProseSpan(text: last.text + span.text, location: last.location)
            } else {
                result.append(span)
            }
        }
        return result
    }
}
