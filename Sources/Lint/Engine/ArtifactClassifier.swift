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

    /// Classifies a repository-relative path (forward slashes, no leading slash).
    public static func classify(_ path: String) -> Verdict {
        if isPlainlyOrdinary(path) { return .notAnArtifact }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = components.last else { return .notAnArtifact }
        let name = last.lowercased()
        let parent = components.count >= 2 ? components[components.count - 2].lowercased() : ""
        if licenseNames.contains(name) { return .licenseFile }
        if let kind = exactNames[name] {
            // DESIGN.md / ARCHITECTURE.md are handled below; REQUIREMENTS.md never means requirements.txt.
            return .kind(kind)
        }
        if name == "design.md" || name == "architecture.md" { return .kind(.design) }
        if name.hasSuffix("_model_card.md") { return .kind(.modelCard) }
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
        let bytes = path.utf8
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = bytes[nameStart...]
        func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        if name.count >= 5 {
            let head = name.prefix(5).map(lower)
            if head.elementsEqual("licen".utf8) || head.elementsEqual("copyi".utf8) { return false }
        }
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return true }
        let ext = name[name.index(after: dot)...].map(lower)
        return !["md", "markdown", "json", "jsonld", "yml", "yaml", "txt"].contains { ext.elementsEqual($0.utf8) }
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
