import Catalog
import Lint

/// The rule catalog and the two ISO taxonomies, as SARIF descriptors.
///
/// Every rule is listed in every run, whether or not it fired: a consumer (GitHub code
/// scanning) closes an alert only when the rule that raised it is still known to the run.
enum SARIFCatalog {
    static let annexTaxonomy = "ISO/IEC 42001:2023 Annex A"
    static let processTaxonomy = "ISO/IEC 5338:2023 processes"
    static let annexIndex = 0
    static let processIndex = 1
    static let maximumTags = 10

    /// Both taxonomies, in a fixed order (Annex A first, then the processes).
    static func taxonomies() -> [SARIF.ToolComponent] {
        [
            SARIF.ToolComponent(
                name: annexTaxonomy, guid: StableGUID.make(["taxonomy", annexTaxonomy]),
                version: "2023", organization: "ISO/IEC",
                shortDescription: .init(text: "Reference controls of the AI management system standard, grouped by objective."),
                isComprehensive: true,
                taxa: AnnexA.controls.sorted().map { control in
                    SARIF.ReportingDescriptor(id: control.id, name: control.title,
                                              shortDescription: .init(text: control.summary))
                }),
            SARIF.ToolComponent(
                name: processTaxonomy, guid: StableGUID.make(["taxonomy", processTaxonomy]),
                version: "2023", organization: "ISO/IEC",
                shortDescription: .init(text: "The AI system life cycle processes, by the slugs aimslint uses in tags."),
                isComprehensive: true,
                taxa: LifecycleProcess.allCases.map { process in
                    SARIF.ReportingDescriptor(id: process.rawValue, name: process.name,
                                              shortDescription: .init(text: process.summary))
                }),
        ]
    }

    /// References to the taxonomies, for `driver.supportedTaxonomies` and relationships.
    static func reference(to index: Int) -> SARIF.ToolComponentReference {
        let name = index == annexIndex ? annexTaxonomy : processTaxonomy
        return SARIF.ToolComponentReference(name: name, index: index, guid: StableGUID.make(["taxonomy", name]))
    }

    /// One rule as a reporting descriptor, linked to its taxa.
    static func descriptor(_ rule: RuleDescription, documentationURI: String?) -> SARIF.ReportingDescriptor {
        SARIF.ReportingDescriptor(
            id: rule.id,
            name: identifierName(rule.title),
            deprecatedIds: rule.deprecatedIDs.isEmpty ? nil : rule.deprecatedIDs.sorted(),
            shortDescription: .init(text: rule.title),
            fullDescription: .init(text: rule.rationale),
            help: help(rule),
            helpUri: documentationURI.map { "\($0)#\(rule.id.lowercased())" },
            defaultConfiguration: SARIF.Configuration(level: level(rule.level)),
            relationships: relationships(rule),
            properties: SARIF.RuleProperties(tags: tags(rule), precision: precision(rule),
                                             problemSeverity: problemSeverity(rule.level)))
    }

    static func level(_ level: Lint.Level) -> SARIF.Level {
        switch level {
        case .error: .error
        case .warning: .warning
        case .note: .note
        }
    }

    /// GitHub's `problem.severity` vocabulary: error, warning, recommendation.
    static func problemSeverity(_ level: Lint.Level) -> String {
        switch level {
        case .error: "error"
        case .warning: "warning"
        case .note: "recommendation"
        }
    }

    /// How often a finding of the rule is right. Rules that read wording or infer from history
    /// guess more than rules that check a document's structure.
    static func precision(_ rule: RuleDescription) -> String {
        switch rule.family {
        case "TERM": "medium"
        case "GIT": rule.id == "GIT-003" ? "very-high" : "medium"
        case "AIMS": "very-high"
        default: "high"
        }
    }

    /// The 42001 controls and 5338 processes first (they are what the tags are for), then the
    /// general ones, at most ten and without repeats.
    static func tags(_ rule: RuleDescription) -> [String] {
        var tags: [String] = []
        func add(_ tag: String) {
            if !tags.contains(tag) && tags.count < maximumTags { tags.append(tag) }
        }
        for id in rule.annexControls { add("iso42001/\(id)") }
        for process in rule.processes { add(process.tag) }
        add("ai-governance")
        add("compliance")
        if let stage = rule.stage { add("stage/\(stage.rawValue)") }
        return tags
    }

    static func relationships(_ rule: RuleDescription) -> [SARIF.Relationship]? {
        var links: [SARIF.Relationship] = []
        let controls = AnnexA.controls.sorted()
        for id in rule.annexControls {
            guard let index = controls.firstIndex(where: { $0.id == id }) else { continue }
            links.append(SARIF.Relationship(
                target: SARIF.DescriptorReference(id: id, index: index, toolComponent: reference(to: annexIndex)),
                kinds: ["relevant"]))
        }
        for process in rule.processes {
            guard let index = LifecycleProcess.allCases.firstIndex(of: process) else { continue }
            links.append(SARIF.Relationship(
                target: SARIF.DescriptorReference(id: process.rawValue, index: index, toolComponent: reference(to: processIndex)),
                kinds: ["relevant"]))
        }
        return links.isEmpty ? nil : links
    }

    /// "Evaluation reports metrics with values" → "EvaluationReportsMetricsWithValues".
    static func identifierName(_ title: String) -> String {
        var out = ""
        var upperNext = true
        for scalar in title.unicodeScalars {
            let isWordCharacter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
            guard isWordCharacter else {
                upperNext = true
                continue
            }
            out += upperNext ? String(scalar).uppercased() : String(scalar)
            upperNext = false
        }
        return out
    }

    /// Help in plain text and Markdown: why, how to fix, where the rule sits in the standards.
    static func help(_ rule: RuleDescription) -> SARIF.MultiformatMessage {
        let stage = rule.stage?.rawValue ?? "any"
        let processes = rule.processes.isEmpty ? "none" : rule.processes.map(\.name).joined(separator: "; ")
        let controls = rule.controls.isEmpty ? "none" : rule.controls.joined(separator: ", ")
        let raised = rule.raisedForHighRisk ? " It is raised to error for high-risk systems." : ""
        var text = "\(rule.title)\n\n\(rule.rationale)\n\nHow to fix: \(rule.fix)\n\n"
        text += "Default level: \(rule.level.rawValue).\(raised)\nLife cycle stage: \(stage)\n"
        text += "ISO/IEC 5338 processes: \(processes)\nISO/IEC 42001 controls: \(controls)\n\n"
        text += "Run `aimslint explain \(rule.id)` for a passing and a failing example."
        var markdown = "**\(rule.title)**\n\n\(rule.rationale)\n\n**How to fix:** \(rule.fix)\n\n"
        markdown += "| | |\n|---|---|\n| Default level | \(rule.level.rawValue)\(raised) |\n| Life cycle stage | \(stage) |\n"
        markdown += "| ISO/IEC 5338 processes | \(processes) |\n| ISO/IEC 42001 controls | \(controls) |\n\n"
        markdown += "`aimslint explain \(rule.id)` shows a passing and a failing example."
        return SARIF.MultiformatMessage(text: text, markdown: markdown)
    }
}
