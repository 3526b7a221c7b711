import Documents
import Lint

/// MC-007: the model card declares a licence, and it matches the repository's licence file.
struct LicenseConsistent: Rule {
    static let description = RuleDescription(
        id: "MC-007",
        title: "The model card declares a licence that matches the licence file",
        rationale: """
            Whoever supplies a model tells its users what they may do with it. A card without a \
            licence leaves that open; a card whose licence differs from the LICENSE (or LICENSE-MODEL) \
            file next to it leaves two answers. Names are compared as SPDX ids, so "Apache License \
            2.0", "apache-2.0" and "Apache-2.0" agree; a licence file is read by its \
            SPDX-License-Identifier line or its wording, and one we cannot recognise is never called \
            inconsistent.
            """,
        fix: "Set front matter `license` (or a License section) to the licence in the nearest LICENSE / LICENSE-MODEL file.",
        stage: .deployment, processes: [.supply], controls: ["A.10.2", "A.10.4"],
        level: .warning, scope: [.system], judgesPublishedDocument: true,
        passing: [
            Example([".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "LICENSE": ModelCardExamples.apacheLicenseFile,
                     "models/router/README.md": ModelCardExamples.hubCard]),
            Example([".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                     "LICENSE": "                                 Apache License\n                           Version 2.0, January 2004\n",
                     "models/router/MODEL_CARD.md": ModelCardExamples.mitchellCard],
                    note: "the licence file recognised by its wording"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                "LICENSE": "SPDX-License-Identifier: MIT\n",
                "models/router/LICENSE-MODEL": "SPDX-License-Identifier: CC-BY-NC-4.0\n",
                "models/router/README.md": "---\nlicense: cc-by-nc-4.0\nlibrary_name: transformers\n---\n# router\n",
            ], note: "the weights' own licence file is nearer than the code's"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                "LICENSE": "Licensed to Acme customers under the terms of their support contract.\n",
                "models/router/MODEL_CARD.md": "# Router\n\n## License\n\nMIT License\n",
            ], note: "a licence file we cannot read is never called inconsistent"),
            Example([
                "models/router/MODEL_CARD.md": """
                    # Router

                    **License** A custom commercial licence is available from the Acme legal team.
                    """,
            ], note: "a bold label without a colon, and a licence named in words"),
            Example([
                "LICENSE": "SPDX-License-Identifier: MIT\n",
                "models/router/LICENSE_WEIGHT": "SPDX-License-Identifier: CC-BY-NC-4.0\n",
                "models/router/MODEL_CARD.md": """
                    # Router

                    - **Weights:** released under [CC BY-NC 4.0](LICENSE_WEIGHT); the code under MIT.
                    """,
            ], note: "the card links the weights' licence file, which is what it is compared with"),
            Example([
                "LICENSE": "SPDX-License-Identifier: Apache-2.0\n",
                "models/router/MODEL_CARD.md": """
                    # Router

                    - Generated text may be used for any purpose.
                    - Released under the `apache-2.0` licence.
                    """,
            ], note: "a licence stated in a sentence"),
        ],
        failing: [
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                "models/router/MODEL_CARD.md": "↓# Router\n\n## Intended Use\n\nAgents pre-assign new tickets to queues.\n",
            ], note: "no licence anywhere in the card"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                "LICENSE": ModelCardExamples.apacheLicenseFile,
                "models/router/README.md": "---\n↓license: mit\nlibrary_name: transformers\n---\n# router\n",
            ], note: "front matter says MIT, the repository's LICENSE says Apache-2.0"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                "LICENSE": "SPDX-License-Identifier: Apache-2.0\n",
                "models/router/LICENSE-MODEL": "SPDX-License-Identifier: CC-BY-NC-4.0\n",
                "models/router/MODEL_CARD.md": "# Router\n\n↓## License\n\nApache License, Version 2.0\n",
            ], note: "the weights are licensed differently from what the card says"),
            Example([
                "LICENSE": "SPDX-License-Identifier: MIT\n",
                "models/router/MODEL_LICENSE": "SPDX-License-Identifier: CC-BY-NC-4.0\n",
                "models/router/MODEL_CARD.md": "# Router\n\n↓- **License:** [Apache-2.0](MODEL_LICENSE)\n",
            ], note: "the card links a model licence file that says otherwise"),
            Example([
                ".aims/config.yml": ModelCardExamples.config(stage: "deployment"),
                "models/router/MODEL_CARD.md": """
                    ---
                    library_name: transformers
                    ---
                    ↓# Model Card for router

                    - **Developed by:** Acme
                    - **License:** [More Information Needed]
                    """,
            ], note: "the template's License field left unfilled"),
        ])

    func evaluate(_ context: RuleContext) -> Evaluation {
        let cards = ModelCardDocument.cards(of: context)
        guard !cards.isEmpty else { return .notApplicable(reason: ModelCardDocument.noCardReason) }
        return .evaluated(cards.compactMap { check($0, project: context.project) })
    }

    private func check(_ card: ModelCardDocument, project: Project) -> Violation? {
        let declarations = LicenseDeclaration.all(in: card)
        guard !declarations.isEmpty else {
            let place = card.json == nil ? card.titleAnchor : card.toolkitAnchor(["model_details", "licenses"])
            return .absent("the model card declares no licence: set front matter `license` or add a License section "
                           + "naming it (an SPDX id such as Apache-2.0)", at: place, anchor: "license")
        }
        // A card that links its licence file means that file; otherwise the nearest licence files.
        let linked = declarations.flatMap { $0.linkedFiles(from: card.artifact.folder, in: project) }
        let specific = declarations.filter { !$0.specificIDs.isEmpty }
        guard let first = specific.first else { return nil }
        let files = linked.isEmpty ? Self.nearestLicenseFiles(to: card.artifact.folder, in: project) : Array(Set(linked)).sorted()
        guard let files else { return nil }
        let declared = specific.flatMap(\.specificIDs)
        let read = files.compactMap { path in LicenseTextDetector.spdxID(in: project.licenseFiles[path] ?? "").map { (path, $0) } }
        guard let (path, fileID) = read.first else { return nil }
        if read.contains(where: { file in declared.contains { Self.same($0, file.1) } }) { return nil }
        let names = Array(Set(declared)).sorted().joined(separator: ", ")
        let advice = linked.isEmpty
            ? "make them agree, or add a LICENSE-MODEL file beside the card if the weights are licensed differently from the code"
            : "make the card name the licence of the file it links"
        return Violation("the model card declares \(names) but \(path) reads as \(fileID): \(advice)",
                         at: first.anchor, anchor: "license:consistency")
    }

    static func same(_ a: String, _ b: String) -> Bool {
        LicenseNames.compactForm(a) == LicenseNames.compactForm(b)
    }

    /// The licence files of the nearest folder, from the card's up to the root, that has any;
    /// a model licence (LICENSE-MODEL, LICENSE_weights) there wins over the general one.
    static func nearestLicenseFiles(to folder: String, in project: Project) -> [String]? {
        var current = folder
        while true {
            let here = project.licenseFiles.keys.filter { PathMath.parent(of: $0) == current }.sorted()
            if !here.isEmpty {
                let model = here.filter {
                    let name = PathMath.name(of: $0).lowercased()
                    return name.contains("model") || name.contains("weight")
                }
                return model.isEmpty ? here : model
            }
            if current.isEmpty { return nil }
            current = PathMath.parent(of: current)
        }
    }
}

/// Where a card declares its licence, the SPDX ids it names (empty for "other" or custom text),
/// and the links written with it (to a licence file, say).
struct LicenseDeclaration {
    let ids: [String]
    let anchor: Anchor
    var links: [MarkdownLink] = []

    /// The ids that name one licence: not "proprietary", which is a kind of licence, not one.
    var specificIDs: [String] { ids.filter { $0 != "proprietary" } }

    /// The repository's licence files the declaration links to.
    func linkedFiles(from folder: String, in project: Project) -> [String] {
        links.compactMap { link in
            guard let path = link.relativePath else { return nil }
            return [PathMath.resolve(path, from: folder), PathMath.resolve(path, from: "")].compactMap { $0 }
                .first { project.licenseFiles[$0] != nil }
        }
    }

    static let fieldLabels: Set<String> = ["license", "licence", "licenses", "licences", "license(s)", "model license",
                                           "model licence", "license type", "licensing", "license and terms",
                                           "weights license", "model weights license", "terms of use"]

    static func all(in card: ModelCardDocument) -> [LicenseDeclaration] {
        if card.json != nil { return toolkit(card) }
        var result: [LicenseDeclaration] = []
        if let front = card.frontMatter, let pair = front.pair(forKey: "license") {
            let values = (pair.value.strings ?? []).filter(TextChecks.hasContent)
            if !values.isEmpty {
                var ids = values.compactMap(LicenseNames.spdxID(for:))
                if ids.isEmpty, let custom = front["license_name"]?.string { ids = LicenseNames.spdxID(for: custom).map { [$0] } ?? [] }
                let link = front["license_link"]?.string.map { [MarkdownLink(text: "", destination: $0, line: pair.key.location.line)] } ?? []
                result.append(LicenseDeclaration(ids: ids, anchor: card.anchor(pair.key.location), links: link))
            }
        }
        for index in card.sectionIndices(keys: [.license]) {
            let text = card.text(of: index)
            guard TextChecks.hasContent(text) else { continue }
            let links = card.sourceLines(of: card.blocks(of: index)).flatMap(MarkdownLinks.links(in:))
            result.append(LicenseDeclaration(ids: names(in: text), anchor: card.anchor(card.sections[index]), links: links))
        }
        for field in card.fields(in: card.allBlocks) where fieldLabels.contains(field.label) && field.hasValue {
            let links = MarkdownLinks.links(in: SourceLine(line: field.line, text: field.value))
            result.append(LicenseDeclaration(ids: names(in: MarkdownLinks.blankingLinksAndCode(field.value)),
                                             anchor: card.anchor(line: field.line), links: links))
        }
        // "Released under the Apache-2.0 licence", in any sentence of the card.
        if result.isEmpty {
            for source in card.sourceLines(of: card.allBlocks) where LifecycleText.mentions(source.text, ["licen*"]) {
                let ids = LicenseNames.mentions(in: MarkdownLinks.blankingLinksAndCode(source.text) + " "
                                                + MarkdownLinks.codeSpans(in: source.text).joined(separator: " "))
                guard !ids.isEmpty else { continue }
                result.append(LicenseDeclaration(ids: ids, anchor: card.anchor(line: source.line),
                                                 links: MarkdownLinks.links(in: source)))
            }
        }
        return result
    }

    private static func names(in text: String) -> [String] {
        LicenseNames.spdxID(for: text).map { [$0] } ?? LicenseNames.mentions(in: text)
    }

    private static func toolkit(_ card: ModelCardDocument) -> [LicenseDeclaration] {
        guard let member = card.toolkitMember(["model_details", "licenses"]) else { return [] }
        var ids: [String] = []
        var present = false
        for item in member.value.array ?? [] {
            let identifier = item["identifier"]?.string ?? ""
            let custom = item["custom_text"]?.string ?? ""
            if TextChecks.hasContent(identifier) || TextChecks.hasContent(custom) { present = true }
            if let id = LicenseNames.spdxID(for: identifier) { ids.append(id) }
        }
        return present ? [LicenseDeclaration(ids: ids, anchor: card.anchor(member.keyLocation))] : []
    }
}
