import Foundation
import Documents
import Lint

/// DS-003: the dataset states its licence or conditions of use.
struct DatasetLicenceStated: Rule {
    static let description = RuleDescription(
        id: "DS-003",
        title: "Dataset licence and use conditions are stated",
        rationale: """
            Data obtained from others comes with terms, and data of one's own needs them before it \
            is shared. A dataset whose licence or use conditions are not written down cannot be \
            shown to be used lawfully, and its users cannot tell what they may do with it. A licence \
            id in the card's front matter, a licence section, the datasheet's Distribution answer, a \
            Croissant license or usageInfo, or a LICENSE file in the dataset folder all count.
            """,
        fix: "Name the dataset's licence (an SPDX id or URL) or its conditions of use, e.g. `license:` in the card's front matter.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering, .acquisition], controls: ["A.7.3"], level: .error,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet], note: "the datasheet's Distribution answer"),
            Example(["data/receipts/README.md": DatasetExampleFiles.datasetCard], note: "front matter licence"),
            Example([
                "data/receipts/DATASET_CARD.md": "# Receipts\n\n- **License:** CC BY-NC 4.0\n",
            ], note: "a licence field in the card's description list"),
            Example([
                "data/receipts/DATASET_CARD.md": "# Receipts\n\nReceipt lines labelled with expense categories.\n",
                "data/receipts/LICENSE": "Creative Commons Attribution-NonCommercial 4.0 International\n",
            ], note: "a licence file in the dataset folder"),
            Example(["data/receipts/README.md": "---\nlicenses:\n  - mit\ntask_ids:\n  - multi-class-classification\n---\n# Receipts\n"],
                    note: "the older `licenses:` key"),
            Example(["data/receipts/README.md": """
                ---
                task_categories:
                  - text-classification
                ---
                # Receipts

                ### Licensing Information

                [CC BY-NC 4.0](https://creativecommons.org/licenses/by-nc/4.0/)
                """], note: "a licence section that links the terms"),
        ],
        failing: [
            Example([
                "data/receipts/README.md": """
                    ↓---
                    license: unknown
                    task_categories:
                      - text-classification
                    ---
                    # Dataset Card for receipts

                    ## Dataset Details

                    - **Curated by:** the data team
                    - **License:** [More Information Needed]
                    """,
            ], note: "an unknown licence and an unfilled licence field"),
            Example([
                "data/receipts/DATASHEET.md": """
                    # Datasheet for receipts

                    ↓## Distribution

                    The dataset is distributed to partners on request.
                    """,
            ], note: "a Distribution answer that names no licence or terms"),
            Example([
                "data/receipts/croissant.json": """
                    ↓{
                      "@context": { "@vocab": "https://schema.org/" },
                      "@type": "Dataset",
                      "name": "receipts",
                      "license": ""
                    }
                    """,
            ], note: "an empty Croissant license"),
            Example(["data/receipts/README.md": "↓---\nlicenses:\n  - unknown\ntask_categories:\n  - text-classification\n---\n# Receipts\n"],
                    note: "`unknown` states no conditions of use"),
        ])

    static let sections = SectionMatcher(keys: [.license, .distribution])
    /// Words that make a Distribution answer a statement of terms.
    static let termsPatterns = [
        #"licen[cs]"#, #"terms of (use|service)"#, #"copyright"#, #"intellectual property"#, #"proprietary"#,
        #"internal use"#, #"usage restrictions?"#, #"use (is )?(restricted|limited)"#, #"public domain"#,
        #"\b(CC[ -]BY|CC0|MIT|Apache|GPL|ODbL|ODC-By|PDDL)\b"#,
    ]
    /// A `License:` field in a list or paragraph, or a `License | value` table row, with a value.
    static let licenceFields = [
        #"(^|\n)[-*+ \t>|]*\**licen[cs]e\**[ \t]*:\**[ \t]*\**[^\s*]"#,
        #"(^|\n)[ \t|]*licen[cs]e[ \t]*\|[ \t]*[^\s|]"#,
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = DatasetDocuments(context.artifacts)
        if let reason = documents.notJudgedReason { return .notApplicable(reason: reason) }
        if hasLicence(documents, context) { return .pass }
        return .evaluated([Violation(
            "\(DatasetDocuments.name(context)) states no licence or conditions of use: add `license:` (an SPDX id) to the "
                + "card's front matter, a License section, or the terms in the datasheet's Distribution section",
            at: documents.location(for: Self.sections, prefer: [.datasetCard, .datasheet], context: context),
            anchor: "licence", absence: true)])
    }

    private func hasLicence(_ documents: DatasetDocuments, _ context: RuleContext) -> Bool {
        for source in documents.markdown where frontMatterLicence(source.artifact.frontMatter) { return true }
        // A licence section answers with a licence's name alone ("MIT Licence") or a link to terms.
        let named = documents.sections(SectionMatcher(keys: [.license])).filter { found in
            Self.namesALicence(Placeholders.strip(found.text)) || Self.linksTerms(found)
        }
        if !named.isEmpty { return true }
        let sections = documents.sections(Self.sections).filter(\.isAnswered)
        if sections.contains(where: { $0.section.key == .license && Self.namesALicence(Placeholders.strip($0.text)) }) { return true }
        if sections.contains(where: { DatasetText.matches(Placeholders.strip($0.text), Self.termsPatterns) }) { return true }
        if documents.mentions(Self.licenceFields) { return true }
        for file in documents.croissant {
            let terms = file.schemaMembers("license", in: file.dataset) + file.schemaMembers("usageInfo", in: file.dataset)
            if terms.contains(where: { Self.statesTerms($0.value) }) { return true }
        }
        let root = context.dataset?.root ?? ""
        return context.project.licenseFiles.keys.contains { PathMath.isInside($0, folder: root) && !root.isEmpty }
    }

    /// Values that name no licence: a licence field holding one states no conditions of use.
    static let noLicence: Set<String> = ["unknown", "none", "null", "n/a", "na", "undefined", "public", "tbd", "todo",
                                        "not specified", "unspecified", "no license", "no licence", "-"]

    /// Whether a licence section's text names conditions of use: a licence's name, a link, or a sentence.
    static func namesALicence(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !noLicence.contains(trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) else {
            return false
        }
        return !LicenseNames.mentions(in: trimmed).isEmpty || trimmed.contains("://") || Placeholders.isSubstantive(trimmed)
    }

    /// Whether a licence section links its terms (`[CC BY-NC 4.0](…/LICENSE)`); a link whose text
    /// is template filler (`[More Information Needed](…)`) does not count.
    static func linksTerms(_ found: FoundSection) -> Bool {
        let section = found.section
        let document = found.source.document
        return (section.range.start.line...max(section.range.start.line, section.endLine)).contains { line in
            MarkdownLinks.links(in: SourceLine(line: line, text: document.line(line))).contains { TextChecks.hasContent($0.text) }
        }
    }

    /// A Croissant `license` or `usageInfo` value that states terms: not empty, not "unknown" or
    /// "other" alone, not a URL ending in `/undefined` or `/unknown`.
    static func statesTerms(_ node: JSONNode) -> Bool {
        let values = CroissantFile.strings(in: node).map { $0.trimmingCharacters(in: .whitespaces) }
        if values.isEmpty { return CroissantFile.hasContent(node) }
        return values.contains { value in
            let lower = value.lowercased()
            let last = lower.split(separator: "/").last.map(String.init) ?? lower
            return TextChecks.hasContent(value) && !noLicence.contains(lower) && lower != "other" && !noLicence.contains(last)
        }
    }

    /// `license:` (or the older `licenses:`) with a real value; `unknown` is not one, and `other`
    /// needs a name or link.
    private func frontMatterLicence(_ front: YAMLNode?) -> Bool {
        guard let front, let value = front["license"] ?? front["licenses"] else { return false }
        let names = (value.strings ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && Placeholders.strip($0).contains(where: \.isLetter) && !Self.noLicence.contains($0.lowercased()) }
        if names.isEmpty { return false }
        if names.allSatisfy({ $0.lowercased() == "other" }) {
            return [front["license_name"], front["license_link"], front["license_details"]].contains { ($0?.string ?? "").contains(where: \.isLetter) }
        }
        return true
    }
}
