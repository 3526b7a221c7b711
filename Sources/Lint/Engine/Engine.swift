import Foundation
import Catalog
import Documents

/// The status of one control — a rule evaluated for one subject (SPEC §1).
public enum ControlStatus: Hashable, Sendable, Codable {
    case pass
    case fail
    case notApplicable(reason: String)

    public var name: String {
        switch self {
        case .pass: "pass"
        case .fail: "fail"
        case .notApplicable: "notApplicable"
        }
    }
}

/// One control's outcome.
public struct ControlResult: Hashable, Sendable, Codable {
    public let ruleID: String
    /// The subject id; nil for the repository.
    public let subject: String?
    public let subjectKind: SubjectKind
    public let status: ControlStatus
    /// Where a pass is evidenced (the subject's main artifact or its declaration).
    public let anchor: Anchor?
}

/// The engine's answer: findings sorted for reporting, and every control's status.
public struct LintResult: Sendable {
    public var findings: [Finding]
    public var controls: [ControlResult]
    public let project: Project
    /// Each rule's own outcome per subject, before suppressions (what `SubjectReuse` takes back),
    /// keyed by `Engine.key(of:)` then rule id; empty unless `Engine.run` was asked to keep them.
    public var outcomes: [String: [String: RuleOutcome]] = [:]
    /// The document rules' findings per document, for the repository subject (kept likewise).
    public var documents = DocumentOutcomes()
    /// What the run was asked to look at: reports list only the selected systems and datasets.
    public var selection = Selection.everything

    /// The selected systems and datasets, for reports.
    public var selectedSystems: [AISystem] { project.systems.filter { selection.includes(.system($0)) } }
    public var selectedDatasets: [Dataset] { project.datasets.filter { selection.includes(.dataset($0)) } }
}

/// What the document rules (`DocumentRule`) found in each document, with what each document's
/// findings depend on besides the policy: its blob, kind and owner (`print(of:owner:)`).
public struct DocumentOutcomes: Hashable, Sendable, Codable {
    /// By path: the document's print when its findings were recorded.
    public var prints: [String: String] = [:]
    /// The document rules that were recorded.
    public var rules: Set<String> = []
    /// By rule id, then path; a recorded document without an entry had no findings.
    public var findings: [String: [String: [Finding]]] = [:]

    public init() {}

    /// Nil for a document without a blob id (a working-tree file): never recorded, never taken back.
    static func print(of artifact: Artifact, owner: String?) -> String? {
        guard let blob = artifact.blob else { return nil }
        return "\(blob.hex) \(artifact.kind.rawValue) \(owner ?? "-")"
    }

    /// Adds another subject's records (only the repository subject has any).
    mutating func merge(_ other: DocumentOutcomes) {
        prints.merge(other.prints) { first, _ in first }
        rules.formUnion(other.rules)
        findings.merge(other.findings) { first, second in first.merging(second) { one, _ in one } }
    }

    /// The recorded findings of `rule` in a document with this print, or nil when not recorded.
    func findings(rule: String, path: String, print: String) -> [Finding]? {
        guard rules.contains(rule), prints[path] == print else { return nil }
        return findings[rule]?[path] ?? []
    }
}

/// One rule's outcome for one subject, before suppressions: its findings and its control.
public struct RuleOutcome: Hashable, Sendable, Codable {
    public let findings: [Finding]
    public let control: ControlResult
}

/// Outcomes of an earlier evaluation the engine may take instead of evaluating again: for a
/// subject and rule, `outcome(for:rule:)` returns one only where the inputs are known to be the
/// same (the caller compares the subject's prints; see `SubjectResultStore`).
public struct SubjectReuse: Sendable {
    private let outcomes: [String: [String: RuleOutcome]]
    /// Per document, for the repository subject's document rules (valid for any document whose
    /// print is the same, even when other documents changed).
    private let documents: DocumentOutcomes
    private let allowed: @Sendable (Subject, RuleDescription) -> Bool

    public init(outcomes: [String: [String: RuleOutcome]], documents: DocumentOutcomes = DocumentOutcomes(),
                allowed: @escaping @Sendable (Subject, RuleDescription) -> Bool) {
        self.outcomes = outcomes
        self.documents = documents
        self.allowed = allowed
    }

    func documentFindings(for subject: Subject, rule description: RuleDescription, path: String, print: String?) -> [Finding]? {
        guard let print, let found = documents.findings(rule: description.id, path: path, print: print),
              allowed(subject, description) else { return nil }
        return found
    }

    func outcome(for subject: Subject, rule description: RuleDescription) -> RuleOutcome? {
        guard let outcome = outcomes[Engine.key(of: subject)]?[description.id], allowed(subject, description) else { return nil }
        return outcome
    }
}

/// Runs rules over a project: each rule for each subject in its scope, gated by life cycle stage.
public struct Engine: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule]) {
        self.rules = rules
    }

    /// Evaluates every rule (or those in `only`) for every subject (or the systems in `systems`).
    ///
    /// With `parallel`, subjects are evaluated on all cores (rules are pure functions of their
    /// context; the result is the same, in the same order). History keeps it off: it attributes
    /// each history read to the control being evaluated.
    ///
    /// With `reuse`, a rule's outcome for a subject is taken from it where it allows; with
    /// `keepOutcomes`, the result carries every rule's outcome per subject (for saving).
    public func run(_ project: Project, only ruleIDs: Set<String>? = nil, selection: Selection = .everything,
                    today: String = SuppressionPass.today(), parallel: Bool = false,
                    reuse: SubjectReuse? = nil, keepOutcomes: Bool = false) -> LintResult {
        let subjects = Engine.subjects(of: project, selection: selection)
        let chosen = rules.filter { rule in ruleIDs?.contains(type(of: rule).description.id) ?? true }
        var findings: [Finding] = []
        var controls: [ControlResult] = []
        var outcomes: [String: [String: RuleOutcome]] = [:]
        var documents = DocumentOutcomes()
        // Rules that read history go last: a walk started beforehand (GitChangeHistory.prefetch)
        // runs alongside the others.
        for phase in [false, true] {
            let phaseRules = chosen.filter { type(of: $0).description.readsHistory == phase }
            guard !phaseRules.isEmpty else { continue }
            let slots = parallelMap(count: subjects.count, parallel: parallel, filler: (outcomes: [RuleOutcome](), documents: DocumentOutcomes())) { index in
                self.evaluate(phaseRules, for: subjects[index], in: project, reuse: reuse, recording: keepOutcomes)
            }
            for (index, slot) in slots.enumerated() {
                if keepOutcomes { documents.merge(slot.documents) }
                for outcome in slot.outcomes {
                    findings += outcome.findings
                    controls.append(outcome.control)
                    if keepOutcomes { outcomes[Engine.key(of: subjects[index]), default: [:]][outcome.control.ruleID] = outcome }
                }
            }
        }
        var descriptions: [String: RuleDescription] = [:]
        for rule in rules { descriptions[type(of: rule).description.id] = type(of: rule).description }
        let ran = Set(descriptions.keys.filter { ruleIDs?.contains($0) ?? true })
        let suppressed = SuppressionPass(project: project, descriptions: descriptions, ranRules: ran, today: today)
            .apply(to: Array(Set(findings)))
        findings = suppressed.findings.sorted(by: Finding.reportOrder)
        controls = controls.filter { control in !suppressed.controls.contains { $0.ruleID == control.ruleID } } + suppressed.controls
        controls.sort { ($0.subject ?? "", $0.ruleID) < ($1.subject ?? "", $1.ruleID) }
        if selection.folder != nil {
            // Repository-wide rules read every document; under a folder, only its documents' findings count.
            let selected = Set(subjects.compactMap(\.id))
            findings = findings.filter { selection.includes(findingAt: $0.location.path, subject: $0.system, selected: selected) }
        }
        return LintResult(findings: findings, controls: controls, project: project, outcomes: outcomes, documents: documents,
                          selection: selection)
    }

    /// The key of a subject's outcomes: its kind and id (a system and a dataset may share an id).
    public static func key(of subject: Subject) -> String {
        "\(subject.kind.rawValue):\(subject.id ?? "")"
    }

    /// Every chosen rule for one subject, in rule order; with `recording`, the document rules'
    /// findings per document as well (repository subject only).
    private func evaluate(_ chosen: [any Rule], for subject: Subject, in project: Project, reuse: SubjectReuse?,
                          recording: Bool) -> (outcomes: [RuleOutcome], documents: DocumentOutcomes) {
        var outcomes: [RuleOutcome] = []
        var documents = DocumentOutcomes()
        let artifacts = subject.id.flatMap { project.holdings[$0] } ?? (subject.kind == .repository ? project.artifacts : [])
        for rule in chosen {
            let description = type(of: rule).description
            guard description.scope.contains(subject.kind) else { continue }
            if let earlier = reuse?.outcome(for: subject, rule: description) {
                outcomes.append(earlier)
                continue
            }
            let context = RuleContext(project: project, subject: subject, artifacts: artifacts)
            let made: [Finding]
            var notApplicable: String?
            if subject.kind == .repository, let documentRule = rule as? any DocumentRule {
                // Document by document, so that unchanged documents' findings can be taken back
                // (stages never gate the repository subject: it is always applicable).
                made = evaluate(documentRule, description: description, context: context, reuse: reuse,
                                recording: recording, into: &documents)
            } else {
                let evaluation = Engine.judged(rule.evaluate(context), demand: Engine.demand(of: description, for: context))
                if case .notApplicable(let reason) = evaluation { notApplicable = reason }
                made = makeFindings(evaluation, description: description, context: context)
            }
            let status: ControlStatus = notApplicable.map { .notApplicable(reason: $0) } ?? (made.isEmpty ? .pass : .fail)
            let control: ControlResult
            if project.policy.ruleSettings[description.id] == .off {
                control = ControlResult(ruleID: description.id, subject: subject.id, subjectKind: subject.kind,
                                        status: .notApplicable(reason: "switched off in \(Policy.configPath)"), anchor: nil)
            } else {
                control = ControlResult(ruleID: description.id, subject: subject.id, subjectKind: subject.kind,
                                        status: status, anchor: context.missingAnchor)
            }
            outcomes.append(RuleOutcome(findings: made, control: control))
        }
        return (outcomes, documents)
    }

    /// A document rule over every document of the project (what its `evaluate` does), taking a
    /// document's findings from `reuse` where its print is unchanged.
    private func evaluate(_ rule: any DocumentRule, description: RuleDescription, context: RuleContext,
                          reuse: SubjectReuse?, recording: Bool, into documents: inout DocumentOutcomes) -> [Finding] {
        var made: [Finding] = []
        if recording { documents.rules.insert(description.id) }
        for artifact in context.project.artifacts {
            let print = DocumentOutcomes.print(of: artifact, owner: context.project.owner(of: artifact))
            let found = reuse?.documentFindings(for: context.subject, rule: description, path: artifact.path, print: print)
                ?? makeFindings(.evaluated(rule.violations(in: artifact, context: context)), description: description, context: context)
            made += found
            if recording, let print {
                documents.prints[artifact.path] = print
                if !found.isEmpty { documents.findings[description.id, default: [:]][artifact.path] = found }
            }
        }
        return made
    }

    private func makeFindings(_ evaluation: Evaluation, description: RuleDescription, context: RuleContext) -> [Finding] {
        evaluation.violations.compactMap { violation in
            guard let level = context.project.policy.effectiveLevel(for: description, subject: context.subject,
                                                                    violationLevel: violation.level) else { return nil }
            let blob = context.project.artifact(at: violation.location.path)?.blob?.hex
            return Finding(ruleID: description.id, level: level, message: violation.message, location: violation.location,
                           system: violation.system ?? context.subject.id, anchor: violation.anchor, blob: blob)
        }
    }

    /// Systems, then datasets, then the repository, each sorted by id; those the selection names.
    static func subjects(of project: Project, selection: Selection) -> [Subject] {
        (project.systems.map(Subject.system) + project.datasets.map(Subject.dataset) + [.repository]).filter(selection.includes)
    }

    /// What a subject's stage asks of a rule (SPEC §5.1): everything, or only that what is present
    /// be right — the stage decides what must exist, never excuses what is there.
    enum Demand: Equatable {
        case everything
        /// Absences are excused, for this reason; defects of present content are not.
        case presentContent(excuse: String)
    }

    static func demand(of description: RuleDescription, for context: RuleContext) -> Demand {
        // A rule for any stage asks the same of every subject.
        guard description.stage != nil else { return .everything }
        if !context.stageIsKnown {
            if description.judgesPublishedDocument { return .everything }
            let what = context.subject.kind == .dataset ? "the systems that use dataset" : "system"
            return .presentContent(excuse: "\(what) '\(context.subject.id ?? "")' is not declared in \(Policy.configPath), "
                + "so its life cycle stage is unknown (AIMS-007 lists what a declared stage would ask for)")
        }
        if case .notApplicable(let reason) = applicability(of: description, for: context) {
            return .presentContent(excuse: reason)
        }
        return .everything
    }

    /// A rule's evaluation under a demand: with `presentContent`, absences are dropped; a control
    /// with no defect in what is present stays not applicable (nothing is required of it yet),
    /// and one with a defect fails.
    static func judged(_ evaluation: Evaluation, demand: Demand) -> Evaluation {
        guard case .presentContent(let excuse) = demand, case .evaluated(let violations) = evaluation else { return evaluation }
        let present = violations.filter { !$0.isAbsence }
        return present.isEmpty ? .notApplicable(reason: excuse) : .evaluated(present)
    }

    /// `notApplicable` when the subject has not reached the rule's stage (cumulative, SPEC §5).
    static func applicability(of description: RuleDescription, for context: RuleContext) -> Evaluation? {
        guard let ruleStage = description.stage, context.subject.kind != .repository else { return nil }
        let stage = context.stage
        switch ruleStage {
        case .continuousValidation:
            guard let system = context.system ?? context.project.systems.first(where: { $0.id == context.dataset?.system }) else {
                return .notApplicable(reason: "continuous validation applies to systems that learn continuously")
            }
            if !system.continuousLearning { return .notApplicable(reason: "continuous_learning is false for \(system.id)") }
            if stage.order < LifecycleStage.operationAndMonitoring.order {
                return .notApplicable(reason: "\(system.id) is at \(stage.rawValue); continuous validation starts with operation")
            }
            return nil
        case .reEvaluation:
            if stage.order < LifecycleStage.operationAndMonitoring.order {
                return .notApplicable(reason: "re-evaluation applies once the system is in operation")
            }
            return nil
        case .retirement:
            if stage.order < LifecycleStage.deployment.order {
                return .notApplicable(reason: "a retirement plan is expected from deployment on")
            }
            return nil
        default:
            if stage.order < ruleStage.order {
                return .notApplicable(reason: "stage \(stage.rawValue) has not reached \(ruleStage.rawValue)")
            }
            return nil
        }
    }
}
