import Documents
import Lint

/// LC-VV-001: the verification and validation report can be traced both ways — to the
/// requirements it checks (their ids), to the model it tested (a version or commit) — shows
/// results next to the thresholds they are judged against, and is signed off by someone on a date.
///
/// Requirement ids must be ones the system's requirements specification defines, when it
/// defines any; otherwise any id with a requirement-like prefix (`REQ-`, `FR-`, `NFR-` …) counts.
struct VerificationReportTraceable: Rule {
    static let description = RuleDescription(
        id: "LC-VV-001",
        title: "V&V report cites requirements, model version, results against thresholds and a sign-off",
        rationale: """
            A validation report is evidence only for the model it tested and the requirements it \
            checked. Without requirement ids nobody can tell which requirement is covered; without a \
            version or commit the results may describe a model that is no longer deployed; without \
            thresholds a number is not a verdict; and without a dated sign-off nobody accepted the result.
            """,
        fix: "Cite requirement ids and the model version, tabulate result against threshold, and add 'Approved by' with a date.",
        stage: .verificationAndValidation, processes: [.verification, .validation], controls: ["A.6.2.4"], level: .error,
        passing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.verificationAndValidation),
                "services/triage/vv-report.md": """
                    # Validation report: triage classifier

                    Model version: triage-v3 (commit 4e1f9a2c)

                    ## Results

                    | Requirement | Metric | Threshold | Result | Verdict |
                    |---|---|---|---|---|
                    | REQ-1 | recall, urgent tickets | ≥ 0.90 | 0.93 | pass |
                    | REQ-2 | p95 latency | ≤ 200 ms | 140 ms | pass |

                    ## Sign-off

                    Approved by Dana Lee (head of support), 2024-05-02.
                    """,
            ]),
        ],
        failing: [
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.verificationAndValidation, marked: true),
                "services/triage/MODEL_CARD.md": "# Triage classifier\n\nRanks tickets by urgency.\n",
            ], note: "no V&V report"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.verificationAndValidation),
                "services/triage/vv-report.md": """
                    ↓# Validation report

                    The classifier reached a recall of 0.93 on urgent tickets and looked good to the team.
                    """,
            ], note: "a result without traceability"),
            Example([
                LifecycleExamples.configPath: LifecycleExamples.config(.verificationAndValidation),
                "services/triage/REQUIREMENTS.md": "# Requirements\n\n- REQ-1: recall on urgent tickets ≥ 0.90\n",
                "services/triage/vv-report.md": """
                    ↓# Validation report

                    Model version: triage-v3

                    | Requirement | Threshold | Result |
                    |---|---|---|
                    | FR-7 | ≥ 0.90 | 0.93 |

                    ↓**Approved by:** Dana Lee
                    """,
            ], note: "cites an id the requirements do not define; sign-off without a date"),
        ])

    static let version = EvidenceField(
        "version", labels: ["model version", "=version", "commit", "git commit", "revision", "checkpoint", "=release",
                            "model release", "model commit", "=build", "model tested", "tested model"],
        test: .value)

    static let thresholdColumns = ["threshold", "target", "required", "criterion", "criteria", "acceptance", "limit",
                                   "minimum", "maximum", "=min", "=max", "goal", "expected", "pass mark"]
    static let resultColumns = ["result", "results", "=value", "measured", "actual", "score", "observed", "achieved",
                                "outcome"]

    func evaluate(_ context: RuleContext) -> Evaluation {
        if !LifecycleReport.hasArtifact(context, [.vvReport]) {
            return .evaluated([LifecycleReport.missing(
                "verification and validation report", context, kind: .vvReport,
                content: "citing requirement ids, the model version or commit, results against thresholds and a dated sign-off")])
        }
        let documents = LifecycleReport.documents(context, [.vvReport])
        let defined = Self.definedIDs(LifecycleReport.documents(context, [.requirements]))
        let requirements: [LifecycleRequirement] = [
            Self.citesRequirements(defined),
            .field(Self.version, orLine: LifecycleText.containsVersion, missing: "names no model version or commit",
                   hint: "say which model was tested (e.g. 'Model version: v3', a commit id)"),
            Self.resultsAgainstThresholds,
            Self.signOff,
        ]
        return .evaluated(LifecycleReport.check(documents, title: "V&V report", requirements: requirements))
    }

    /// Ids the requirements specification defines (lines and headings), sorted, unique.
    static func definedIDs(_ documents: [LifecycleDocument]) -> [String] {
        var ids: Set<String> = []
        for document in documents {
            for line in document.lines { ids.formUnion(LifecycleText.requirementIDs(in: line.text)) }
            for heading in document.headings { ids.formUnion(LifecycleText.requirementIDs(in: heading.title)) }
        }
        return ids.sorted()
    }

    static func citesRequirements(_ defined: [String]) -> LifecycleRequirement {
        let known = defined.isEmpty ? "" : " (the requirements define \(defined.prefix(3).joined(separator: ", "))\(defined.count > 3 ? ", …" : ""))"
        return LifecycleRequirement("requirements", missing: "cites no requirement ids\(known)",
                                    hint: "name the requirement each result verifies (e.g. 'REQ-1')") { documents in
            for document in documents {
                let texts = document.lines.map { ($0.number, $0.text) } + document.headings.map { ($0.line, $0.title) }
                for (number, text) in texts {
                    let cited = LifecycleText.requirementIDs(in: text, knownPrefixesOnly: defined.isEmpty)
                    if cited.contains(where: { defined.isEmpty || defined.contains($0) }) {
                        return .met(Evidence(path: document.path, line: number, title: "", text: text, kind: .line, textWithCode: nil))
                    }
                }
            }
            return .absent
        }
    }

    static let resultsAgainstThresholds = LifecycleRequirement(
        "results", missing: "shows no results against thresholds",
        hint: "put each result beside the threshold it must meet (e.g. 'recall 0.93, threshold ≥ 0.90: pass')"
    ) { documents in
        let threshold = EvidenceField("threshold", labels: thresholdColumns)
        let result = EvidenceField("result", labels: resultColumns)
        for document in documents {
            let numeric = { (field: EvidenceField) in
                document.columns.contains { field.names($0.label) && $0.cells.contains(where: LifecycleText.hasNumber) }
            }
            if numeric(threshold) && numeric(result) {
                return .met(Evidence(path: document.path, line: 1, title: "", text: "", kind: .column, textWithCode: nil))
            }
        }
        let verdicts = ["pass", "passed", "passes", "met", "meets", "fail", "failed", "fails", "not met"]
        if let line = LifecycleEvidence.line(in: documents, where: { text in
            guard LifecycleText.containsThreshold(text) else { return false }
            let numbers = LifecycleText.tokens(text).filter { $0.kind == .number }.count
            return numbers >= 2 || LifecycleText.mentions(text, verdicts) || text.contains(where: { "✓✔✅❌✗".contains($0) })
        }) {
            return .met(line)
        }
        let results = EvidenceField("results", keys: [.results, .evaluation], labels: ["results", "findings"])
        if let section = LifecycleEvidence.find(results, in: documents).first { return .inadequate(section) }
        return .absent
    }

    /// An approver, with a date in the same line or section.
    static let signOff = LifecycleRequirement(
        "sign-off", missing: "has no dated sign-off",
        hint: "add who approved the result and when (e.g. 'Approved by: Dana Lee, 2024-05-02')"
    ) { documents in
        let found = LifecycleEvidence.find(LifecycleFields.approval, in: documents)
        let named = found.filter { LifecycleEvidence.passes($0, .value) }
        for evidence in named {
            if LifecycleText.containsDate(evidence.wholeLine ?? evidence.text) { return .met(evidence) }
            if evidence.kind != .section, let document = documents.first(where: { $0.path == evidence.path }),
               LifecycleText.containsDate(document.enclosingText(ofLine: evidence.line)) {
                return .met(evidence)
            }
        }
        if let first = found.first { return .inadequate(first) }
        return .absent
    }
}
