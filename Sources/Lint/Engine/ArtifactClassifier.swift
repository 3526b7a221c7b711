import Foundation

/// Recognises artifacts by path alone (SPEC §4), before any blob is read.
///
/// The answer is either a kind, "maybe" (a README or other Markdown whose front matter decides),
/// or nothing. Matching is case-insensitive on the file name; folder names are matched as written
/// except for the conventional folders listed below, which are matched case-insensitively too.
public enum ArtifactClassifier {
    /// What the path alone says.
    public enum Verdict: Equatable, Sendable {
        case kind(ArtifactKind)
        /// Markdown or YAML that may declare itself in front matter (or be a Hub README).
        case needsFrontMatter
        case licenseFile
        case notAnArtifact
    }

    /// Exact file names (lowercased) and the kind they name.
    static let exactNames: [String: ArtifactKind] = [
        "model_card.md": .modelCard, "model-card.md": .modelCard, "modelcard.md": .modelCard,
        "model_card.json": .modelCard,
        "dataset_card.md": .datasetCard, "dataset-card.md": .datasetCard,
        "datasheet.md": .datasheet,
        "croissant.json": .croissant, "croissant.jsonld": .croissant,
        "impact_assessment.md": .impactAssessment, "impact-assessment.md": .impactAssessment,
        "risk_assessment.md": .riskAssessment, "risk-assessment.md": .riskAssessment,
        "risk-register.md": .riskAssessment, "risk-register.yml": .riskAssessment, "risk-register.yaml": .riskAssessment,
        "requirements.md": .requirements, "requirements-spec.md": .requirements,
        "validation_report.md": .vvReport, "validation-report.md": .vvReport, "evaluation.md": .vvReport,
        "evaluation-report.md": .vvReport, "vv-report.md": .vvReport,
        "deployment.md": .deploymentPlan, "deployment-plan.md": .deploymentPlan,
        "human_oversight.md": .humanOversight, "human-oversight.md": .humanOversight,
        "monitoring.md": .monitoringPlan, "monitoring-plan.md": .monitoringPlan,
        "incident_response.md": .incidentResponse, "incident-response.md": .incidentResponse,
        "continuous_validation.md": .continuousValidationPlan, "continuous-validation.md": .continuousValidationPlan,
        "review.md": .reviewRecord,
        "retirement.md": .retirementPlan, "retirement-plan.md": .retirementPlan,
    ]

    static let licenseNames: Set<String> = [
        "license", "license.md", "license.txt", "licence", "licence.md", "licence.txt",
        "license-model", "license-model.md", "license-model.txt", "license_model", "license_weights",
        "copying",
    ]

    /// Extensions of files that are code or data even when named like a licence (`license.py`).
    static let nonLicenseExtensions: Set<String> = [
        "py", "js", "ts", "go", "rs", "swift", "java", "c", "h", "cc", "cpp", "json", "jsonld", "yaml", "yml", "html",
        "css", "sh", "toml", "ipynb", "rb", "kt", "php", "cs", "xml", "csv",
    ]

    /// Licence files by name (lowercased): `LICENSE`, `COPYING`, and the model-licence spellings
    /// real repositories use — `LICENSE-MODEL`, `LICENSE_WEIGHT(S)`, `LICENSE.weights`,
    /// `LICENSE-CODE`, `MODEL_LICENSE`, `<NAME>_LICENSE` — and any text file under a `licenses/`
    /// or `model_licenses/` folder.
    static func isLicenseFileName(_ name: String, parent: String) -> Bool {
        if licenseNames.contains(name) { return true }
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last ?? "") : ""
        if nonLicenseExtensions.contains(ext) { return false }
        if name.hasPrefix("license") || name.hasPrefix("licence") || name.hasPrefix("copying") { return true }
        let stem = ext == "md" || ext == "txt" ? String(name.dropLast(ext.count + 1)) : name
        for suffix in ["_license", "-license", ".license", "_licence", "-licence"] where stem.hasSuffix(suffix) { return true }
        return ["licenses", "licences", "model_licenses", "model-licenses", "license", "licence"].contains(parent)
    }

    /// Classifies a repository-relative path (forward slashes, no leading slash).
    public static func classify(_ path: String) -> Verdict {
        if isPlainlyOrdinary(path) { return .notAnArtifact }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = components.last else { return .notAnArtifact }
        let name = last.lowercased()
        let parent = components.count >= 2 ? components[components.count - 2].lowercased() : ""
        if isLicenseFileName(name, parent: parent) { return .licenseFile }
        if let kind = exactNames[name] {
            // DESIGN.md / ARCHITECTURE.md are handled below; REQUIREMENTS.md never means requirements.txt.
            return .kind(kind)
        }
        if name == "design.md" || name == "architecture.md" { return .kind(.design) }
        if name.hasSuffix(".md"), ["model_card_", "model-card-", "modelcard_"].contains(where: { name.hasPrefix($0) })
            || ["_model_card.md", "-model-card.md", "_modelcard.md"].contains(where: { name.hasSuffix($0) }) {
            return .kind(.modelCard)
        }
        if name.hasSuffix(".croissant.json") { return .kind(.croissant) }
        if parent == "model_cards" && name.hasSuffix(".md") { return .kind(.modelCard) }
        if parent == "reviews" && name.hasSuffix(".md") { return .kind(.reviewRecord) }
        if name == "metadata.json" { return .needsFrontMatter }   // Croissant only if its @type says so
        if name.hasSuffix(".md") || name.hasSuffix(".markdown") { return .needsFrontMatter }
        return .notAnArtifact
    }

    /// A cheap first look at the file name alone, without splitting or lowercasing the path:
    /// true when the name can be nothing this classifier recognises (most files of a repository:
    /// code, data, images). Every artifact and licence name is Markdown, JSON(-LD), YAML or text,
    /// or starts with "licen" or "copying".
    static func isPlainlyOrdinary(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var nameStart = bytes.count
            while nameStart > 0, bytes[nameStart - 1] != UInt8(ascii: "/") { nameStart -= 1 }
            /// Whether the bytes from `start` begin with `word` (lowercase ASCII), ignoring case;
            /// with `whole`, whether they are exactly `word`.
            func starts(at start: Int, with word: StaticString, whole: Bool) -> Bool {
                let count = word.utf8CodeUnitCount
                let available = bytes.count - start
                guard whole ? available == count : available >= count else { return false }
                for offset in 0..<count {
                    let byte = bytes[start + offset]
                    let lowered = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
                    if lowered != word.utf8Start[offset] { return false }
                }
                return true
            }
            if starts(at: nameStart, with: "licen", whole: false) || starts(at: nameStart, with: "copyi", whole: false) { return false }
            var extensionStart = bytes.count
            while extensionStart > nameStart, bytes[extensionStart - 1] != UInt8(ascii: ".") { extensionStart -= 1 }
            // No dot in the name: ordinary unless it ends like a licence (`MODEL_LICENSE`).
            guard extensionStart > nameStart else {
                let count = bytes.count - nameStart
                return !(count >= 7 && (starts(at: bytes.count - 7, with: "license", whole: true)
                    || starts(at: bytes.count - 7, with: "licence", whole: true)))
            }
            let documentExtensions: [StaticString] = ["md", "markdown", "json", "jsonld", "yml", "yaml", "txt"]
            return !documentExtensions.contains { starts(at: extensionStart, with: $0, whole: true) }
        }
    }

    /// Whether a front-matter kind declaration (`aims: { kind: … }`) names a known kind.
    public static func kind(named text: String) -> ArtifactKind? {
        ArtifactKind(rawValue: text.lowercased())
    }
}

/// Verdicts remembered by path, for a caller that builds projects again and again over mostly
/// the same paths (history builds one per evaluated commit).
public final class ClassificationMemo: @unchecked Sendable {
    private var verdicts: [String: ArtifactClassifier.Verdict] = [:]
    private let lock = NSLock()

    public init() {}

    public func verdict(_ path: String) -> ArtifactClassifier.Verdict {
        lock.lock()
        defer { lock.unlock() }
        if let known = verdicts[path] { return known }
        let verdict = ArtifactClassifier.classify(path)
        verdicts[path] = verdict
        return verdict
    }
}
