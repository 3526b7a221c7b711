/// The canonical name of a section, whatever heading a document uses for it — the keys of
/// `HeadingAliases.table`. Raw values are kebab-case (`intended-use`) so they read well in
/// configuration and fingerprints; they never change once released.
///
/// Notes on keys that overlap:
/// - `intendedUse` is the model card's "Intended Use"/"Uses" and also the datasheet's "Uses";
///   `directUse` (the Hugging Face "Direct Use" subsection) is its own key, so a rule that wants
///   intended use should accept `intendedUse` or `directUse`.
/// - `contact` ("Contact") is the general key; `modelCardContact` and `datasetCardContact` are
///   the templates' headings. A card-contact rule should accept all three.
/// - "Risks" alone is `riskIdentification` (a risk register's list); in a model card the
///   limitations keys are `limitations`, `ethicalConsiderations`, `caveatsAndRecommendations`.
public struct SectionKey: RawRepresentable, Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static func < (lhs: SectionKey, rhs: SectionKey) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    // Model cards (Hugging Face template, Mitchell et al., vendor variants)
    public static let modelDetails = SectionKey(rawValue: "model-details")
    public static let modelDescription = SectionKey(rawValue: "model-description")
    public static let modelSources = SectionKey(rawValue: "model-sources")
    public static let modelVersion = SectionKey(rawValue: "model-version")
    public static let intendedUse = SectionKey(rawValue: "intended-use")
    public static let intendedUsers = SectionKey(rawValue: "intended-users")
    public static let directUse = SectionKey(rawValue: "direct-use")
    public static let downstreamUse = SectionKey(rawValue: "downstream-use")
    public static let outOfScopeUse = SectionKey(rawValue: "out-of-scope-use")
    public static let limitations = SectionKey(rawValue: "limitations")
    public static let ethicalConsiderations = SectionKey(rawValue: "ethical-considerations")
    public static let caveatsAndRecommendations = SectionKey(rawValue: "caveats-and-recommendations")
    public static let recommendations = SectionKey(rawValue: "recommendations")
    public static let gettingStarted = SectionKey(rawValue: "getting-started")
    public static let trainingDetails = SectionKey(rawValue: "training-details")
    public static let trainingData = SectionKey(rawValue: "training-data")
    public static let trainingProcedure = SectionKey(rawValue: "training-procedure")
    public static let trainingHyperparameters = SectionKey(rawValue: "training-hyperparameters")
    public static let evaluation = SectionKey(rawValue: "evaluation")
    public static let testingData = SectionKey(rawValue: "testing-data")
    public static let factors = SectionKey(rawValue: "factors")
    public static let metrics = SectionKey(rawValue: "metrics")
    public static let results = SectionKey(rawValue: "results")
    public static let modelExamination = SectionKey(rawValue: "model-examination")
    public static let environmentalImpact = SectionKey(rawValue: "environmental-impact")
    public static let technicalSpecifications = SectionKey(rawValue: "technical-specifications")
    public static let citation = SectionKey(rawValue: "citation")
    public static let glossary = SectionKey(rawValue: "glossary")
    public static let moreInformation = SectionKey(rawValue: "more-information")
    public static let license = SectionKey(rawValue: "license")
    public static let modelCardAuthors = SectionKey(rawValue: "model-card-authors")
    public static let modelCardContact = SectionKey(rawValue: "model-card-contact")

    // Dataset cards (Hugging Face template, current and older)
    public static let datasetDetails = SectionKey(rawValue: "dataset-details")
    public static let datasetDescription = SectionKey(rawValue: "dataset-description")
    public static let datasetSources = SectionKey(rawValue: "dataset-sources")
    public static let datasetStructure = SectionKey(rawValue: "dataset-structure")
    public static let dataSplits = SectionKey(rawValue: "data-splits")
    public static let datasetCreation = SectionKey(rawValue: "dataset-creation")
    public static let curationRationale = SectionKey(rawValue: "curation-rationale")
    public static let sourceData = SectionKey(rawValue: "source-data")
    public static let dataCollection = SectionKey(rawValue: "data-collection")
    public static let sourceDataProducers = SectionKey(rawValue: "source-data-producers")
    public static let annotations = SectionKey(rawValue: "annotations")
    public static let annotationProcess = SectionKey(rawValue: "annotation-process")
    public static let annotators = SectionKey(rawValue: "annotators")
    public static let personalSensitiveInformation = SectionKey(rawValue: "personal-sensitive-information")
    public static let datasetCardAuthors = SectionKey(rawValue: "dataset-card-authors")
    public static let datasetCardContact = SectionKey(rawValue: "dataset-card-contact")

    // Datasheets for Datasets (Gebru et al.): seven sections; "Uses" is `intendedUse`
    public static let motivation = SectionKey(rawValue: "motivation")
    public static let composition = SectionKey(rawValue: "composition")
    public static let collectionProcess = SectionKey(rawValue: "collection-process")
    public static let preprocessing = SectionKey(rawValue: "preprocessing")
    public static let uses = intendedUse
    public static let distribution = SectionKey(rawValue: "distribution")
    public static let maintenance = SectionKey(rawValue: "maintenance")

    // Life cycle documents (impact and risk assessments, plans, reviews)
    public static let purpose = SectionKey(rawValue: "purpose")
    public static let problemStatement = SectionKey(rawValue: "problem-statement")
    public static let whyAI = SectionKey(rawValue: "why-ai")
    public static let stakeholders = SectionKey(rawValue: "stakeholders")
    public static let scope = SectionKey(rawValue: "scope")
    public static let riskCriteria = SectionKey(rawValue: "risk-criteria")
    public static let riskIdentification = SectionKey(rawValue: "risk-identification")
    public static let riskAnalysis = SectionKey(rawValue: "risk-analysis")
    public static let riskEvaluation = SectionKey(rawValue: "risk-evaluation")
    public static let riskTreatment = SectionKey(rawValue: "risk-treatment")
    public static let review = SectionKey(rawValue: "review")
    public static let owner = SectionKey(rawValue: "owner")
    public static let approval = SectionKey(rawValue: "approval")
    public static let deployment = SectionKey(rawValue: "deployment")
    public static let rollback = SectionKey(rawValue: "rollback")
    public static let environment = SectionKey(rawValue: "environment")
    public static let humanOversight = SectionKey(rawValue: "human-oversight")
    public static let monitoring = SectionKey(rawValue: "monitoring")
    public static let thresholds = SectionKey(rawValue: "thresholds")
    public static let logging = SectionKey(rawValue: "logging")
    public static let incidentResponse = SectionKey(rawValue: "incident-response")
    public static let contact = SectionKey(rawValue: "contact")
    public static let retention = SectionKey(rawValue: "retention")
    public static let retirement = SectionKey(rawValue: "retirement")
    public static let retirementTriggers = SectionKey(rawValue: "retirement-triggers")
    public static let acceptanceCriteria = SectionKey(rawValue: "acceptance-criteria")
    public static let signOff = SectionKey(rawValue: "sign-off")
}
