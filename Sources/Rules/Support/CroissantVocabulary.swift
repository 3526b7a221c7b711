/// What aimslint knows about the Croissant vocabulary (mlcommons/croissant, specs 1.0 and 1.1, and
/// the RAI extension): namespaces, the dataset-level properties the specs require, and the RAI
/// property names. Facts only; the rules decide what to report.
enum CroissantVocabulary {
    static let croissantNamespace = "http://mlcommons.org/croissant/"
    static let raiNamespace = "http://mlcommons.org/croissant/RAI/"
    static let provNamespace = "http://www.w3.org/ns/prov#"
    static let dctNamespace = "http://purl.org/dc/terms/"
    static let conformsToIRI = dctNamespace + "conformsTo"

    /// Prefixes the Croissant specs and their examples bind, with the namespace each stands for.
    /// Used to read a file whose `@context` forgot one, and to say what to add.
    static let standardPrefixes: [String: String] = [
        "sc": "http://schema.org/",
        "cr": croissantNamespace,
        "rai": raiNamespace,
        "dct": dctNamespace,
        "prov": provNamespace,
    ]

    /// Specification versions aimslint checks against. Both specs list the same required
    /// dataset-level properties; 1.1 allows several `conformsTo` values where 1.0 names one.
    static let knownVersions = ["1.0", "1.1"]

    /// Dataset-level schema.org properties both specs require (besides `@context`, `@type`,
    /// `conformsTo` and Croissant's `distribution`), in the order the specs list them.
    /// The dataset properties CR-001 asks for. `license` is required by the specification too, but
    /// it is DS-003's fact (one finding, whatever the dataset's documents are).
    static let requiredSchemaProperties = ["name", "description", "url", "creator", "datePublished"]

    /// The 20 properties of the RAI vocabulary (`croissant_rai.ttl`).
    static let raiProperties: [String] = [
        "dataCollection", "dataCollectionType", "dataCollectionMissingData", "dataCollectionRawData",
        "dataCollectionTimeframe", "dataImputationProtocol", "dataManipulationProtocol", "dataPreprocessingProtocol",
        "dataAnnotationProtocol", "dataAnnotationPlatform", "dataAnnotationAnalysis", "dataReleaseMaintenancePlan",
        "personalSensitiveInformation", "dataSocialImpact", "dataBiases", "dataLimitations", "dataUseCases",
        "annotationsPerItem", "annotatorDemographics", "machineAnnotationTools",
    ]

    /// Spellings the reference library (mlcroissant) writes for two RAI properties. Files it
    /// generates use them, so they are accepted as the property they stand for rather than reported.
    static let referenceLibrarySpellings: [String: String] = [
        "dataCollectionTimeFrame": "dataCollectionTimeframe",
        "dataDataManipulationProtocol": "dataManipulationProtocol",
    ]

    /// Names used in the RAI specification's prose (or commonly guessed) that the vocabulary
    /// spells differently: reported, with the vocabulary's name as the suggestion.
    static let proseVariants: [String: String] = [
        "usecases": "dataUseCases",
        "annotationplatform": "dataAnnotationPlatform",
        "datareleasemaintenance": "dataReleaseMaintenancePlan",
        "datacollectiontimeframestart": "dataCollectionTimeframe",
        "datacollectiontimeframeend": "dataCollectionTimeframe",
        "datamaintenance": "dataReleaseMaintenancePlan",
    ]

    private static let knownRAI: Set<String> = Set(raiProperties)

    /// The vocabulary name a RAI local name stands for: itself when known, the property a
    /// reference-library spelling means, else nil.
    static func canonicalRAIName(_ name: String) -> String? {
        if knownRAI.contains(name) { return name }
        return referenceLibrarySpellings[name]
    }

    /// The property a misspelt RAI name most likely meant: a difference of letter case, a prose
    /// variant, or the single nearest name within two edits.
    static func suggestion(forRAIName name: String) -> String? {
        let lower = name.lowercased()
        if let match = raiProperties.first(where: { $0.lowercased() == lower }) { return match }
        if let variant = proseVariants[lower] { return variant }
        let scored = raiProperties.map { (name: $0, distance: editDistance($0.lowercased(), lower, limit: 2)) }
            .filter { $0.distance <= 2 }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
        guard let best = scored.first else { return nil }
        if scored.count > 1 && scored[1].distance == best.distance { return nil }
        return best.name
    }

    /// The local name of a schema.org IRI (`http` or `https`), nil for other IRIs.
    static func schemaName(_ iri: String) -> String? {
        for base in ["http://schema.org/", "https://schema.org/"] where iri.hasPrefix(base) {
            return String(iri.dropFirst(base.count))
        }
        return nil
    }

    /// The local name of an IRI in the RAI namespace (`http` or `https`).
    static func raiName(_ iri: String) -> String? {
        for base in [raiNamespace, "https://mlcommons.org/croissant/RAI/"] where iri.hasPrefix(base) {
            let name = String(iri.dropFirst(base.count))
            return name.isEmpty || name.contains("/") ? nil : name
        }
        return nil
    }

    /// The local name of an IRI in the core Croissant namespace (not the RAI one).
    static func croissantName(_ iri: String) -> String? {
        guard raiName(iri) == nil else { return nil }
        for base in [croissantNamespace, "https://mlcommons.org/croissant/"] where iri.hasPrefix(base) {
            let name = String(iri.dropFirst(base.count))
            return name.isEmpty || name.contains("/") ? nil : name
        }
        return nil
    }

    /// The Croissant specification version a `conformsTo` IRI names ("1.0"), nil when it names
    /// none (the RAI extension's own `…/RAI/1.0` is not a core version).
    static func specificationVersion(_ iri: String) -> String? {
        var text = iri
        while text.hasSuffix("/") { text.removeLast() }
        for base in ["http://mlcommons.org/croissant/", "https://mlcommons.org/croissant/"] where text.hasPrefix(base) {
            let version = String(text.dropFirst(base.count))
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            guard !version.isEmpty, parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                return nil
            }
            return version
        }
        return nil
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            var rowMinimum = current[0]
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            previous = current
        }
        return previous[y.count]
    }
}
