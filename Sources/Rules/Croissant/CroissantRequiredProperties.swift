import Foundation
import Documents
import Lint

/// CR-001: a Croissant file has every dataset-level property its specification version requires.
struct CroissantRequiredProperties: Rule {
    static let description = RuleDescription(
        id: "CR-001",
        title: "Croissant files have the required dataset properties",
        rationale: """
            Croissant 1.0 and 1.1 require a JSON-LD context, the schema.org Dataset type, a \
            conformsTo naming the specification, a name, description, licence, URL, creator, \
            publication date, and a distribution. Tools that load or index the dataset rely on \
            them. The reference validator (mlcroissant) is more forgiving than the specification: it \
            does not require a creator, only warns about a missing datePublished, and accepts a file \
            with no name, description, URL or distribution; aimslint asks for all of them, and \
            reads keys through the file's own @context, so any prefix or term that resolves to the \
            right IRI counts. One fact, one finding: a missing or non-committal licence \
            ("unknown", "other") is DS-003's finding for every kind of dataset document, and the \
            structure of distribution entries, record sets and fields is CR-003's.
            """,
        fix: "Add the missing property at the top level of the Croissant file (see the Croissant specification's required table).",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.5", "A.8.2"], level: .error,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/croissant.json": DatasetExampleFiles.croissant], note: "Croissant 1.1"),
            Example(["data/receipts/croissant.json": CroissantRequiredProperties.version10],
                    note: "Croissant 1.0 with the spec's context terms (conformsTo as a term, https schema.org)"),
        ],
        failing: [
            Example([
                "data/receipts/croissant.json": """
                    ↓↓↓↓{
                      "@context": {
                        "@vocab": "https://schema.org/",
                        "sc": "https://schema.org/",
                        "cr": "http://mlcommons.org/croissant/",
                        "dct": "http://purl.org/dc/terms/"
                      },
                      "@type": "sc:Dataset",
                      "dct:conformsTo": "http://mlcommons.org/croissant/1.1",
                      "name": "receipts",
                      "license": "https://creativecommons.org/licenses/by-nc/4.0/",
                      "datePublished": "2024-05-14"
                    }
                    """,
            ], note: "description, url, creator and distribution missing (the reference validator is silent on all four)"),
            Example([
                "data/receipts/croissant.json": """
                    {
                      "@context": { "@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/",
                                    "conformsTo": "http://purl.org/dc/terms/conformsTo" },
                      ↓"@type": "sc:CreativeWork",
                      ↓"conformsTo": "http://mlcommons.org/croissant/0.8",
                      "name": "receipts",
                      "description": "Receipt lines labelled with expense categories.",
                      "license": "https://creativecommons.org/licenses/by-nc/4.0/",
                      "url": "https://data.example.org/receipts",
                      "creator": { "@type": "Organization", "name": "Example Budgeting Labs" },
                      ↓"datePublished": "last spring",
                      "distribution": [
                        { "@type": "sc:DataDownload", "contentUrl": "receipts.jsonl" }
                      ]
                    }
                    """,
            ], note: "wrong type (and an undeclared sc prefix), a pre-1.0 version, a date that is not one (the distribution entry is CR-003's)"),
        ])

    static let version10 = """
        {
          "@context": {
            "@language": "en",
            "@vocab": "https://schema.org/",
            "sc": "https://schema.org/",
            "cr": "http://mlcommons.org/croissant/",
            "rai": "http://mlcommons.org/croissant/RAI/",
            "dct": "http://purl.org/dc/terms/",
            "citeAs": "cr:citeAs",
            "conformsTo": "dct:conformsTo",
            "md5": "cr:md5"
          },
          "@type": "sc:Dataset",
          "conformsTo": "http://mlcommons.org/croissant/1.0",
          "name": "receipts",
          "description": "Receipt lines labelled with expense categories.",
          "license": "https://creativecommons.org/licenses/by-nc/4.0/",
          "url": "https://data.example.org/receipts",
          "creator": [{ "@type": "sc:Person", "name": "A. Example" }],
          "datePublished": "2024-05-14T09:00:00Z",
          "distribution": [
            { "@type": "cr:FileObject", "@id": "receipts.zip", "contentUrl": "receipts.zip", "md5": "0123456789abcdef0123456789abcdef" },
            { "@type": "cr:FileSet", "@id": "lines", "containedIn": { "@id": "receipts.zip" }, "includes": "*.jsonl" }
          ]
        }

        """

    func evaluate(_ context: RuleContext) -> Evaluation {
        let files = DatasetDocuments(context.artifacts).croissant
        guard !files.isEmpty else { return .notApplicable(reason: "the dataset has no readable Croissant file") }
        return .evaluated(files.flatMap(check))
    }

    private func check(_ file: CroissantFile) -> [Violation] {
        guard file.root.members != nil else {
            return [Violation("\(file.artifact.path) is not a JSON object: a Croissant file describes one dataset as one object",
                              at: file.topAnchor, anchor: "not-an-object")]
        }
        var violations: [Violation] = []
        if file.contextForm == .absent {
            violations.append(missing("@context", "the JSON-LD context that gives its keys their meaning", file))
        }
        violations += typeViolations(file)
        violations += conformsToViolations(file)
        for property in CroissantVocabulary.requiredSchemaProperties {
            let members = file.schemaMembers(property, in: file.dataset)
            guard let member = members.first else {
                violations.append(missing(property, Self.purpose[property] ?? "", file))
                continue
            }
            if let problem = Self.valueProblem(property, member.value) {
                violations.append(Violation("the Croissant `\(member.key)` \(problem)", at: file.anchor(member.keyLocation),
                                            anchor: "value:\(property)"))
            }
        }
        violations += distributionViolations(file)
        return violations
    }

    static let purpose: [String: String] = [
        "name": "the dataset's name", "description": "a description of the dataset",
        "url": "the dataset's web page", "creator": "who created the dataset (sc:Person or sc:Organization)",
        "datePublished": "when the dataset was published",
        "distribution": "the files of the dataset (cr:FileObject and cr:FileSet entries)",
    ]

    private func missing(_ property: String, _ purpose: String, _ file: CroissantFile) -> Violation {
        .absent("the Croissant file lacks the required `\(property)`: \(purpose)", at: file.topAnchor, anchor: "key:\(property)")
    }

    private func typeViolations(_ file: CroissantFile) -> [Violation] {
        guard let member = file.dataset.member("@type") else {
            return [missing("@type", "it must be typed sc:Dataset", file)]
        }
        if file.types(of: file.dataset).contains(where: { CroissantVocabulary.schemaName($0) == "Dataset" }) { return [] }
        let written = CroissantFile.strings(in: member.value).joined(separator: ", ")
        return [Violation("the Croissant file's @type is \(written.isEmpty ? "empty" : written), not sc:Dataset (schema.org/Dataset)",
                          at: file.anchor(member.keyLocation), anchor: "key:@type")]
    }

    private func conformsToViolations(_ file: CroissantFile) -> [Violation] {
        let members = (file.dataset.members ?? []).filter {
            file.iri($0.key) == CroissantVocabulary.conformsToIRI || $0.key == "conformsTo"
        }
        guard let member = members.first else {
            return [missing("dct:conformsTo", "the Croissant version it follows, e.g. http://mlcommons.org/croissant/1.1", file)]
        }
        let values = CroissantFile.strings(in: member.value)
        let versions = values.compactMap(CroissantVocabulary.specificationVersion)
        if versions.isEmpty {
            return [Violation("`\(member.key)` names no Croissant specification (expected http://mlcommons.org/croissant/1.0 or 1.1)",
                              at: file.anchor(member.keyLocation), anchor: "value:conformsTo")]
        }
        if versions.allSatisfy({ $0.hasPrefix("0.") || $0 == "0" }) {
            return [Violation("`\(member.key)` names Croissant \(versions[0]), a draft before 1.0: move the file to 1.1 "
                                + "(aimslint checks 1.0 and 1.1)", at: file.anchor(member.keyLocation), anchor: "value:conformsTo")]
        }
        return []
    }

    private func distributionViolations(_ file: CroissantFile) -> [Violation] {
        guard let member = file.schemaMembers("distribution", in: file.dataset).first else {
            return [missing("distribution", Self.purpose["distribution"] ?? "", file)]
        }
        let entries = member.value.array ?? [member.value]
        if !entries.contains(where: { $0.members != nil }) {
            return [Violation("the Croissant `distribution` is empty: list the dataset's files as cr:FileObject or cr:FileSet",
                              at: file.anchor(member.keyLocation), anchor: "value:distribution")]
        }
        return []   // what each entry must hold is CR-003's
    }

    /// What is wrong with a required property's value, if anything.
    static func valueProblem(_ property: String, _ value: JSONNode) -> String? {
        guard CroissantFile.hasContent(value) else { return "is empty" }
        switch property {
        case "url":
            guard let text = value.string ?? value.array?.first?.string else { return nil }
            return text.contains("://") ? nil : "is not an absolute URL (\(text))"
        case "datePublished":
            guard let text = value.string else { return nil }
            let date = #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?)?)?$"#
            return !PatternCache.matches(text, date) ? "is not an ISO 8601 date (\(text))" : nil
        default:
            return nil
        }
    }
}
