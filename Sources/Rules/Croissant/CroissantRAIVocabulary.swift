import Documents
import Lint

/// CR-002: Croissant RAI properties use the RAI vocabulary, and their prefixes are declared.
struct CroissantRAIVocabulary: Rule {
    static let description = RuleDescription(
        id: "CR-002",
        title: "Croissant RAI properties are known and their prefixes declared",
        rationale: """
            JSON-LD matches properties by exact IRI: `rai:DataBiases` is a different property from \
            `rai:dataBiases`, and a `prov:` key whose prefix the @context does not declare is not \
            PROV at all, so the statement is silently lost to every tool that reads the file. Each \
            RAI key is checked against the 20 properties of the RAI vocabulary (through the file's \
            own prefixes), and each prov:, rai:, cr:, dct: and sc: prefix in use must be declared. \
            Whether the core statements are there at all — how the data was collected, its biases, \
            its personal or sensitive information — is asked by DS-002, DS-006 and DS-004 of every \
            kind of dataset document, so each missing fact is reported once, at one level.
            """,
        fix: "Spell RAI properties as the vocabulary does (`aimslint explain CR-002` lists them) and declare every prefix you use in @context.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.4", "A.7.5"], level: .warning,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/croissant.json": DatasetExampleFiles.croissant]),
            Example([
                "data/receipts/croissant.json": """
                    {
                      "@context": {
                        "@vocab": "https://schema.org/",
                        "resp": "http://mlcommons.org/croissant/RAI/",
                        "limits": "resp:dataLimitations"
                      },
                      "@type": "Dataset",
                      "name": "receipts",
                      "resp:dataCollection": "Uploaded by volunteers in 2023.",
                      "limits": "Corner shops are under-represented.",
                      "resp:personalSensitiveInformation": "None after redaction.",
                      "resp:dataCollectionTimeFrame": "2023-03/2024-01"
                    }
                    """,
            ], note: "another prefix and a term bound to the RAI namespace; the reference library's spelling of the time frame"),
        ],
        failing: [
            Example([
                "data/receipts/croissant.json": """
                    {
                      "@context": {
                        "@vocab": "https://schema.org/",
                        "rai": "http://mlcommons.org/croissant/RAI/"
                      },
                      "@type": "Dataset",
                      "name": "receipts",
                      "rai:dataCollection": "Uploaded by volunteers in 2023.",
                      ↓"rai:DataBiases": "Corner shops are under-represented.",
                      ↓"rai:useCases": "Training the budgeting app's categoriser.",
                      ↓"prov:wasDerivedFrom": { "@id": "https://data.example.org/uploads" }
                    }
                    """,
            ], note: "a casing typo, a name from the spec's prose, an undeclared prov prefix (no personal-information statement is DS-004's finding)"),
            Example([
                "data/receipts/croissant.json": """
                    {
                      "@context": {
                        "@vocab": "https://schema.org/",
                        ↓"rai": "http://mlcommons.org/croissant/RAI/1.0"
                      },
                      "@type": "Dataset",
                      "name": "receipts",
                      "rai:dataCollection": "Uploaded by volunteers in 2023.",
                      "rai:dataBiases": "Corner shops are under-represented.",
                      "rai:personalSensitiveInformation": "None after redaction."
                    }
                    """,
            ], note: "the rai prefix bound to the versioned specification IRI, so no rai: key resolves"),
        ])

    /// Prefixes whose namespaces are fixed by the Croissant specs.
    static let checkedPrefixes = ["prov", "rai", "cr", "dct", "sc"]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let files = DatasetDocuments(context.artifacts).croissant
        guard !files.isEmpty else { return .notApplicable(reason: "the dataset has no readable Croissant file") }
        // A file that is not one JSON object is CR-001's finding; nothing here would add to it.
        return .evaluated(files.filter { $0.root.members != nil }.flatMap {
            prefixViolations($0) + vocabularyViolations($0)
        })
    }

    // MARK: Prefixes

    /// Each checked prefix used in a key or a type without a usable declaration, reported once,
    /// at its first use (or at the declaration when it is bound to the wrong namespace).
    private func prefixViolations(_ file: CroissantFile) -> [Violation] {
        guard file.contextForm == .inline else { return [] }   // absent: CR-001; remote: unknowable offline
        var reported = Set<String>()
        var violations: [Violation] = []
        for (member, _) in file.allMembers {
            var uses = [(member.key, member.keyLocation)]
            if member.key == "@type" || member.key == "dataType" {
                uses += CroissantFile.strings(in: member.value).map { ($0, member.keyLocation) }
            }
            for (term, location) in uses {
                guard let prefix = Self.prefix(of: term), Self.checkedPrefixes.contains(prefix), !reported.contains(prefix),
                      file.context.terms[term] == nil else { continue }
                guard let violation = prefixProblem(prefix, term: term, at: location, file) else { continue }
                reported.insert(prefix)
                violations.append(violation)
            }
        }
        return violations
    }

    private func prefixProblem(_ prefix: String, term: String, at location: SourceLocation, _ file: CroissantFile) -> Violation? {
        let expected = CroissantVocabulary.standardPrefixes[prefix] ?? ""
        if let bound = file.context.prefixes[prefix] {
            guard prefix == "rai" || prefix == "prov", bound != expected,
                  !(prefix == "rai" && bound == "https://mlcommons.org/croissant/RAI/") else { return nil }
            let at = file.context.declarations[prefix].map(file.anchor) ?? file.anchor(location)
            return Violation("the `\(prefix)` prefix is bound to \(bound), not \(expected): no `\(prefix):` property resolves "
                                + "to the \(prefix == "rai" ? "RAI" : "PROV-O") vocabulary", at: at, anchor: "prefix:\(prefix)")
        }
        if let term = file.context.terms[prefix] {
            let at = file.context.declarations[prefix].map(file.anchor) ?? file.anchor(location)
            return Violation("`\(prefix)` is bound to \(term), which does not end in / or # and so cannot serve as a prefix: "
                                + "bind it to \(expected)", at: at, anchor: "prefix:\(prefix)")
        }
        return Violation("`\(prefix):` is used but @context does not declare it, so JSON-LD reads `\(term)` as an unknown "
                            + "IRI scheme, not as \(expected)…: add \"\(prefix)\": \"\(expected)\" to @context",
                         at: file.anchor(location), anchor: "prefix:\(prefix)")
    }

    static func prefix(of term: String) -> String? {
        guard let colon = term.firstIndex(of: ":"), !term.hasPrefix("@") else { return nil }
        let rest = term[term.index(after: colon)...]
        return rest.hasPrefix("//") ? nil : String(term[..<colon])
    }

    // MARK: Vocabulary

    /// Keys in the RAI namespace that the vocabulary does not define.
    private func vocabularyViolations(_ file: CroissantFile) -> [Violation] {
        file.allMembers.compactMap { member, _ in
            guard let name = CroissantVocabulary.raiName(file.iri(member.key)),
                  CroissantVocabulary.canonicalRAIName(name) == nil else { return nil }
            let written = member.key
            var message = "`\(written)` is not a property of the Croissant RAI vocabulary"
            if let suggestion = CroissantVocabulary.suggestion(forRAIName: name) {
                message += ": did you mean `\(Self.rewrite(written, name: name, as: suggestion))`?"
            } else {
                message += "; `aimslint explain CR-002` lists the 20 it defines"
            }
            return Violation(message, at: file.anchor(member.keyLocation), anchor: "rai:\(name)")
        }
    }

    /// The key as written with its local name replaced (`rai:DataBiases` → `rai:dataBiases`).
    static func rewrite(_ written: String, name: String, as suggestion: String) -> String {
        if written.hasSuffix(name) { return String(written.dropLast(name.count)) + suggestion }
        return "rai:" + suggestion
    }
}
