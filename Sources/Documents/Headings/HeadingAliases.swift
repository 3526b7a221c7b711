/// The one table that says which headings mean the same section across the Hugging Face model
/// and dataset card templates, Mitchell et al.'s model cards, Gebru et al.'s datasheets, vendor
/// variants and our life cycle documents.
///
/// Aliases are written as people write headings; matching compares *match forms*: the
/// normalised heading (see `HeadingNormalizer`) with `&` read as `and`, every other
/// non-alphanumeric character read as a space, and spaces collapsed — so "Bias, Risks, and
/// Limitations", "Bias, Risks & Limitations" and "bias risks and limitations" are one alias, and
/// "Out-of-Scope Use" matches "Out of scope use". Every alias belongs to exactly one key (tested).
public enum HeadingAliases {
    public static let table: [SectionKey: [String]] = [
        // Model cards
        .modelDetails: ["Model Details", "Model Detail", "Model Information", "Model Info", "Model Overview",
                        "Overview", "Details", "Basic Information"],
        .modelDescription: ["Model Description", "Description", "Model Summary", "About the Model", "About"],
        .modelSources: ["Model Sources", "Model Source", "Sources", "Resources", "Links"],
        .modelVersion: ["Model Version", "Model Versions", "Version", "Versions", "Version History", "Changelog"],
        .intendedUse: ["Intended Use", "Intended Uses", "Uses", "Use", "Model Use", "Model Uses", "Evaluated Use",
                       "Evaluated Uses", "Intended Use Cases", "Use Cases", "Primary Intended Uses",
                       "Primary Intended Use", "Intended Uses & Limitations",
                       "Usage Scope", "Model Scope", "Scope of Use", "Application", "Applications",
                       "Intended Application", "Intended Applications", "Use Case", "Intended Purpose of the Model"],
        .intendedUsers: ["Intended Users", "Primary Intended Users", "Target Users", "Users"],
        .directUse: ["Direct Use", "Direct Uses"],
        .downstreamUse: ["Downstream Use", "Downstream Uses", "Downstream Use Cases"],
        .outOfScopeUse: ["Out-of-Scope Use", "Out-of-Scope Uses", "Out-of-Scope Use Cases",
                         "Misuse", "Misuse and Out-of-Scope Use", "Misuse, Malicious Use, and Out-of-Scope Use",
                         "Prohibited Uses", "Prohibited Use", "Unintended Uses", "Unintended Use",
                         "Limitations of Use", "Foreseeable Misuse", "Uses to Avoid", "Not Intended Uses"],
        .limitations: ["Limitations", "Known Limitations", "Limitation", "Bias, Risks, and Limitations",
                       "Risks, Limitations and Biases", "Limitations and Bias", "Limitations and Biases",
                       "Bias and Limitations", "Biases and Limitations", "Ethical Considerations and Limitations",
                       "Performance and Limitations", "Risks and Limitations", "Limitations and Risks",
                       "Bias", "Biases", "Bias and Fairness", "Other Known Limitations", "Discussion of Biases",
                       "Limitations and Ethical Considerations", "Known Issues"],
        .ethicalConsiderations: ["Ethical Considerations", "Ethics", "Ethical Considerations and Risks",
                                 "Ethics and Safety", "Responsible AI Considerations", "Safety",
                                 "Ethical and Social Considerations", "Social Impact of Dataset", "Social Impact",
                                 "Considerations for Using the Data"],
        .caveatsAndRecommendations: ["Caveats and Recommendations", "Caveats", "Caveats and Warnings"],
        .recommendations: ["Recommendations", "Recommendation"],
        .gettingStarted: ["How to Get Started with the Model", "How to Get Started", "Getting Started", "Usage",
                          "How to Use", "How to Use the Model", "Quick Start", "Quickstart", "Example Usage",
                          "Usage Example", "Usage Examples", "Inference"],
        .trainingDetails: ["Training Details", "Training", "Training Information"],
        .trainingData: ["Training Data", "Training Dataset", "Training Datasets", "Data", "Dataset", "Datasets",
                        "Training and Evaluation Data", "Pretraining Data", "Training Corpus"],
        .trainingProcedure: ["Training Procedure", "Training Process", "Training Setup", "Training Methodology",
                             "Training Regime"],
        .trainingHyperparameters: ["Training Hyperparameters", "Hyperparameters"],
        .evaluation: ["Evaluation", "Evaluations", "Evaluation Results", "Quantitative Analyses",
                      "Quantitative Analysis", "Performance", "Model Performance", "Evaluation and Results",
                      "Results and Evaluation", "Benchmarks", "Benchmark Results"],
        .testingData: ["Testing Data", "Test Data", "Evaluation Data", "Evaluation Dataset", "Evaluation Datasets",
                       "Test Dataset", "Test Datasets", "Testing Data, Factors & Metrics"],
        .factors: ["Factors", "Relevant Factors", "Evaluation Factors"],
        .metrics: ["Metrics", "Metric", "Evaluation Metrics", "Performance Metrics", "Model Performance Measures"],
        .results: ["Results", "Result", "Evaluation Summary"],
        .modelExamination: ["Model Examination", "Interpretability", "Explainability"],
        .environmentalImpact: ["Environmental Impact", "Carbon Footprint", "Carbon Emissions", "CO2 Emissions",
                               "Energy Consumption", "Environmental Considerations"],
        .technicalSpecifications: ["Technical Specifications", "Technical Specs", "Technical Details",
                                   "Model Architecture", "Model Architecture and Objective", "Architecture"],
        .citation: ["Citation", "Citations", "Citation Information", "BibTeX", "Cite", "How to Cite", "Citing",
                    "Reference", "References"],
        .glossary: ["Glossary", "Terminology"],
        .moreInformation: ["More Information", "Additional Information", "Further Information"],
        .license: ["License", "Licence", "Licensing", "License Information", "Licensing Information",
                   "Licence Information", "Terms of Use"],
        .modelCardAuthors: ["Model Card Authors", "Model Card Author"],
        .modelCardContact: ["Model Card Contact", "Model Card Contacts"],

        // Dataset cards
        .datasetDetails: ["Dataset Details", "Dataset Information"],
        .datasetDescription: ["Dataset Description", "Dataset Summary"],
        .datasetSources: ["Dataset Sources"],
        .datasetStructure: ["Dataset Structure", "Data Structure", "Data Fields", "Data Instances", "Data Format"],
        .dataSplits: ["Data Splits", "Dataset Splits", "Splits"],
        .datasetCreation: ["Dataset Creation", "Creation"],
        .curationRationale: ["Curation Rationale"],
        .sourceData: ["Source Data", "Data Sources", "Data Source"],
        .dataCollection: ["Data Collection and Processing", "Data Collection", "Initial Data Collection and Normalization"],
        .sourceDataProducers: ["Who are the source data producers?", "Who are the source language producers?",
                               "Source Data Producers"],
        .annotations: ["Annotations", "Annotation", "Labels"],
        .annotationProcess: ["Annotation Process", "Labeling Process", "Labelling Process"],
        .annotators: ["Who are the annotators?", "Annotators"],
        .personalSensitiveInformation: ["Personal and Sensitive Information", "Personal Information",
                                        "Sensitive Information", "Privacy", "PII"],
        .datasetCardAuthors: ["Dataset Card Authors", "Dataset Card Author", "Dataset Curators"],
        .datasetCardContact: ["Dataset Card Contact"],

        // Datasheets for Datasets
        .motivation: ["Motivation"],
        .composition: ["Composition"],
        .collectionProcess: ["Collection Process", "Data Collection Process", "Collection"],
        .preprocessing: ["Preprocessing/cleaning/labeling", "Preprocessing, Cleaning, and Labeling",
                         "Preprocessing, Cleaning and Labelling", "Preprocessing/Cleaning/Labelling",
                         "Preprocessing", "Data Preprocessing", "Pre-processing"],
        .distribution: ["Distribution"],
        .maintenance: ["Maintenance"],

        // Life cycle documents
        .purpose: ["Purpose", "Intended Purpose", "Objective", "Objectives", "Goals", "Business Objective"],
        .problemStatement: ["Problem Statement", "Problem", "Problem Definition", "Business Problem"],
        .whyAI: ["Why AI", "Why Use AI", "Why Machine Learning", "Justification for AI", "Need for AI",
                 "Rationale for AI"],
        .stakeholders: ["Stakeholders", "Affected Stakeholders", "Affected Parties", "Interested Parties"],
        .scope: ["Scope", "System Scope", "Scope and Context"],
        .riskCriteria: ["Risk Criteria", "Risk Acceptance Criteria", "Risk Appetite"],
        .riskIdentification: ["Risk Identification", "Identified Risks", "Risks", "Risk Register", "Hazards"],
        .riskAnalysis: ["Risk Analysis", "Likelihood and Impact"],
        .riskEvaluation: ["Risk Evaluation"],
        .riskTreatment: ["Risk Treatment", "Risk Mitigation", "Mitigations", "Mitigation", "Treatment Plan"],
        .review: ["Review", "Reviews", "Review Record", "Review Schedule", "Periodic Review"],
        .owner: ["Owner", "Owners", "Ownership", "Accountable Owner", "Responsible Party", "Accountability",
                 "Roles and Responsibilities"],
        .approval: ["Approval", "Approvals", "Approved By"],
        .deployment: ["Deployment", "Deployment Plan"],
        .rollback: ["Rollback", "Rollback Plan", "Rollback Procedure", "Roll Back", "Fallback"],
        .environment: ["Environment", "Deployment Environment", "Target Environment", "Operating Environment"],
        .humanOversight: ["Human Oversight", "Human in the Loop", "Oversight", "Human Review"],
        .monitoring: ["Monitoring", "Monitoring Plan", "Post-Deployment Monitoring", "Performance Monitoring"],
        .thresholds: ["Thresholds", "Alert Thresholds", "Alerting Thresholds"],
        .logging: ["Logging", "Logs", "Event Logging", "Record Keeping"],
        .incidentResponse: ["Incident Response", "Incident Management", "Incident Handling", "Incidents",
                            "Escalation"],
        .contact: ["Contact", "Contacts", "Contact Information", "Point of Contact"],
        .retention: ["Retention", "Data Retention", "Record Retention", "Retention Policy"],
        .retirement: ["Retirement", "Decommissioning", "Retirement Plan"],
        .retirementTriggers: ["Retirement Triggers", "Retirement Criteria", "Decommissioning Triggers",
                              "When to Retire"],
        .acceptanceCriteria: ["Acceptance Criteria", "Success Criteria", "Release Criteria", "Pass Criteria"],
        .signOff: ["Sign-off", "Signoff", "Signatures", "Approvals and Sign-off"],
    ]

    /// Every key of the table, sorted.
    public static let allKeys: [SectionKey] = table.keys.sorted()

    /// Match form → key. Built in sorted key order so that, were an alias ever listed twice, the
    /// winner would not depend on dictionary order (the tests forbid it anyway).
    static let lookup: [String: SectionKey] = {
        var lookup: [String: SectionKey] = [:]
        for key in allKeys {
            for alias in table[key] ?? [] {
                let form = matchForm(HeadingNormalizer.normalize(alias))
                if lookup[form] == nil { lookup[form] = key }
            }
        }
        return lookup
    }()

    /// The key for a heading already normalised with `HeadingNormalizer.normalize`; nil when unknown.
    public static func key(forNormalized normalized: String) -> SectionKey? {
        lookup[matchForm(normalized)]
    }

    /// The key for a heading as written (normalises first).
    public static func key(forHeading heading: String) -> SectionKey? {
        key(forNormalized: HeadingNormalizer.normalize(heading))
    }

    /// `&` → `and`, other non-alphanumerics → space, spaces collapsed, lowercased.
    static func matchForm(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.unicodeScalars.append(scalar)
            } else {
                if !word.isEmpty { words.append(word); word = "" }
                if scalar == "&" { words.append("and") }
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }
}
