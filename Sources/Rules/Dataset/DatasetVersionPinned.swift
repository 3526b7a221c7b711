import Documents
import Lint

/// DS-009: the documentation pins which version of the data it describes.
struct DatasetVersionPinned: Rule {
    static let description = RuleDescription(
        id: "DS-009",
        title: "Dataset version is pinned",
        rationale: """
            Data changes: records are added, corrected and removed. A model's results can be \
            reproduced, and its documentation trusted, only if it is clear which state of the data \
            was used. A version number, a revision or a content hash ties the documentation to one \
            state: `version` or `revision` in a card's front matter, a Version line in a datasheet \
            or card, or Croissant's `version` and file checksums.
            """,
        fix: "Record the dataset's version (e.g. `version: 1.2.0` in the card's front matter, or Croissant `version` and `sha256`).",
        stage: .designAndDevelopment, processes: [.configurationManagement], controls: ["A.7.5"], level: .warning,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/DATASHEET.md": DatasetExampleFiles.datasheet], note: "a Version line"),
            Example(["data/receipts/README.md": DatasetExampleFiles.datasetCard], note: "front matter version"),
            Example([
                "data/receipts/croissant.json": """
                    {
                      "@context": { "@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/" },
                      "@type": "Dataset",
                      "name": "receipts",
                      "distribution": [
                        { "@type": "cr:FileObject", "@id": "r.jsonl",
                          "sha256": "6f1c0d2b4c7e9a8f3b5d1e2c4a6b8d0f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9a1b" }
                      ]
                    }
                    """,
            ], note: "a Croissant file checksum"),
            Example([
                "data/receipts/croissant.json": """
                    {
                      "@context": { "@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/" },
                      "@type": "Dataset",
                      "name": "receipts",
                      "distribution": [
                        { "@type": "cr:FileObject", "@id": "r.jsonl", "md5": "By8fYbgzsjPiHIgIrROJeA==" }
                      ]
                    }
                    """,
            ], note: "an md5 digest in base64"),
        ],
        failing: [
            Example([
                "data/receipts/README.md": """
                    ↓---
                    license: cc-by-nc-4.0
                    task_categories:
                      - text-classification
                    ---
                    # Dataset Card for receipts

                    Receipt lines labelled with expense categories, collected in 2023.
                    """,
                "data/receipts/DATASHEET.md": "# Datasheet for receipts\n\n## Motivation\n\nBuilt for the budgeting app.\n",
            ], note: "neither document says which version it describes"),
            Example([
                "data/receipts/croissant.json": """
                    ↓{
                      "@context": { "@vocab": "https://schema.org/" },
                      "@type": "Dataset",
                      "name": "receipts",
                      "version": ""
                    }
                    """,
            ], note: "an empty Croissant version and no checksums"),
            Example(["data/receipts/croissant.json": """
                ↓{
                  "@context": { "@vocab": "http://schema.org/", "cr": "http://mlcommons.org/croissant/" },
                  "@type": "Dataset",
                  "name": "receipts",
                  "distribution": [
                    { "@type": "cr:FileObject", "@id": "repo", "contentUrl": "https://example.org/receipts.git",
                      "encodingFormat": "git+https", "sha256": "https://github.com/mlcommons/croissant/issues/80" }
                  ]
                }
                """], note: "a checksum field that holds a link pins nothing"),
        ])

    /// A Version or Changelog section whose body gives the version (`## Version` / `1.2.0`).
    static let sections = SectionMatcher(keys: [.modelVersion], titleWords: ["version", "release"])
    static let frontMatterKeys: Set<String> = ["version", "revision", "dataset_version", "commit", "sha256", "checksum"]
    /// A version, revision or hash written in prose or a field line.
    static let versionPatterns = [
        #"\bversion\b\s*(:|=|\||is)?\s*v?[0-9]+(\.[0-9]+)*"#, #"\bv[0-9]+\.[0-9]+"#, #"\brelease\s+v?[0-9]+\.[0-9]+"#,
        #"\brevision\b\s*(:|=)?\s*[0-9a-f]{7,64}\b"#, #"\b(sha-?256|sha-?1|md5|checksum|commit)\b[^\n]*\b[0-9a-f]{7,64}\b"#,
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = DatasetDocuments(context.artifacts)
        if let reason = documents.notJudgedReason { return .notApplicable(reason: reason) }
        if documents.markdown.contains(where: { Self.frontMatterPins($0.artifact.frontMatter) })
            || documents.mentions(Self.versionPatterns)
            || documents.sections(Self.sections).contains(where: { $0.text.contains(where: \.isNumber) })
            || documents.croissant.contains(where: Self.croissantPins) {
            return .pass
        }
        return .evaluated([Violation(
            "\(DatasetDocuments.name(context)) does not say which version of the data it describes: record a version, "
                + "revision or content hash (e.g. `version:` in the card's front matter, or Croissant `version` and `sha256`)",
            at: documents.firstLine(prefer: [.datasetCard, .datasheet], context: context), anchor: "version", absence: true)])
    }

    /// A version-like key with a value at the top of the front matter or under `dataset_info`/`configs`.
    static func frontMatterPins(_ front: YAMLNode?) -> Bool {
        guard let front else { return false }
        func pins(_ node: YAMLNode, depth: Int) -> Bool {
            switch node.value {
            case .mapping(let pairs):
                return pairs.contains { pair in
                    if let key = pair.key.string, frontMatterKeys.contains(key.lowercased()),
                       let value = pair.value.string, value.contains(where: { $0.isNumber || $0.isLetter }),
                       !Placeholders.strip(value).trimmingCharacters(in: .whitespaces).isEmpty {
                        return true
                    }
                    return depth > 0 && pins(pair.value, depth: depth - 1)
                }
            case .sequence(let items): return depth > 0 && items.contains { pins($0, depth: depth - 1) }
            default: return false
            }
        }
        if pins(front, depth: 0) { return true }
        return ["dataset_info", "configs"].contains { front[$0].map { pins($0, depth: 3) } ?? false }
    }

    /// A dataset-level `version`, or a checksum on any file.
    static func croissantPins(_ file: CroissantFile) -> Bool {
        if file.schemaMembers("version", in: file.dataset).contains(where: { CroissantFile.hasContent($0.value) }) { return true }
        return file.allMembers.contains { entry in
            let iri = file.iri(entry.member.key)
            let name = CroissantVocabulary.schemaName(iri) ?? CroissantVocabulary.croissantName(iri) ?? ""
            // A digest pins the content even under the wrong key (CR-003 reports the key).
            return (name == "sha256" || name == "md5") && entry.member.value.string.map { value in
                CroissantGraph.isChecksum(value, hexLength: 32) || CroissantGraph.isChecksum(value, hexLength: 64)
            } == true
        }
    }
}
