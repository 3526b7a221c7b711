import Lint

/// Turns findings and controls into SARIF results, locations and notifications.
struct SARIFResultBuilder {
    let input: ReportInput
    let ruleIndex: [String: Int]
    let runGuid: String
    /// GitHub line hashes per path, for every file a result points at whose text is known.
    let lineHashes: [String: [Int: String]]

    init(input: ReportInput, ruleIndex: [String: Int], runGuid: String) {
        self.input = input
        self.ruleIndex = ruleIndex
        self.runGuid = runGuid
        var paths = Set(input.findings.map(\.location.path))
        if input.includePasses { paths.formUnion(input.everyControl.compactMap(\.anchor?.path)) }
        var hashes: [String: [Int: String]] = [:]
        for path in paths {
            if let text = input.sourceText(path) { hashes[path] = LineHash.hashes(of: text) }
        }
        lineHashes = hashes
    }

    /// Findings in report order, then (with `--include-passes`) passing and not-applicable
    /// controls by subject and rule. Suppressions and baseline states are all-or-none per run.
    func results() -> [SARIF.Result] {
        var results: [SARIF.Result] = []
        var seen: [String: Int] = [:]
        for finding in input.findings {
            let key = "\(finding.fingerprint)@\(finding.location.range)"
            seen[key, default: 0] += 1
            results.append(result(for: finding, ordinal: seen[key] ?? 1))
        }
        if input.includePasses {
            for control in input.everyControl where control.status != .fail {
                if let made = result(for: control) { results.append(made) }
            }
        }
        let anySuppression = input.findings.contains { !$0.suppressions.isEmpty }
        let anyBaseline = input.baseCommit != nil || input.findings.contains { $0.baselineState != nil }
        for index in results.indices {
            if anySuppression && results[index].suppressions == nil { results[index].suppressions = [] }
            if anyBaseline && results[index].baselineState == nil {
                // A finding without a state is new; a pass or not-applicable control carries no
                // comparison with the base, and "unchanged" is the state that claims nothing.
                results[index].baselineState = results[index].kind == "fail" ? BaselineState.new.rawValue : BaselineState.unchanged.rawValue
            }
        }
        return results
    }

    private func result(for finding: Finding, ordinal: Int) -> SARIF.Result {
        var fingerprints = ["aimslint/v1": finding.fingerprint]
        if let hash = lineHashes[finding.location.path]?[finding.location.line] { fingerprints["primaryLocationLineHash"] = hash }
        let suppressions = finding.suppressions.map { suppression in
            SARIF.Suppression(
                kind: suppression.kind == .inSource ? "inSource" : "external", status: "accepted",
                justification: suppression.kind == .baseline ? "accepted in the baseline: \(suppression.justification)" : suppression.justification,
                location: suppression.location.map(location))
        }
        return SARIF.Result(
            ruleId: finding.ruleID, ruleIndex: ruleIndex[finding.ruleID] ?? 0, kind: "fail",
            level: SARIFCatalog.level(finding.level), message: .init(text: finding.message),
            locations: [location(finding.location)],
            guid: StableGUID.make(["result", runGuid, finding.fingerprint, "\(finding.location.range)", String(ordinal)]),
            correlationGuid: StableGUID.make(["correlation", finding.fingerprint]),
            partialFingerprints: fingerprints,
            suppressions: suppressions.isEmpty ? nil : suppressions,
            baselineState: finding.baselineState?.rawValue,
            properties: SARIF.ResultProperties(commit: input.commit, blob: finding.blob, system: finding.system,
                                               introducedBy: finding.introducedBy.map(Self.introduction)))
    }

    private func result(for control: ControlResult) -> SARIF.Result? {
        guard let index = ruleIndex[control.ruleID] else { return nil }
        let subject = control.subject.map { "\(control.subjectKind.rawValue) \($0)" } ?? "the repository"
        let title = input.rules[control.ruleID]?.title ?? control.ruleID
        var message = "\(subject) meets \(control.ruleID): \(title)"
        var reason: String?
        if case .notApplicable(let why) = control.status {
            message = "\(control.ruleID) does not apply to \(subject): \(why)"
            reason = why
        }
        // Only a place that exists in the snapshot: a pass anchored on an absent file has no location.
        let anchor = control.anchor.flatMap { input.project.fileExists($0.path) ? $0 : nil }
        let fingerprint = Finding.fingerprint(ruleID: control.ruleID, system: control.subject, path: "", anchor: "control")
        var fingerprints = ["aimslint/v1": fingerprint]
        if let anchor, let hash = lineHashes[anchor.path]?[anchor.line] { fingerprints["primaryLocationLineHash"] = hash }
        return SARIF.Result(
            ruleId: control.ruleID, ruleIndex: index, kind: control.status.name, level: .none, message: .init(text: message),
            locations: anchor.map { [location($0)] },
            guid: StableGUID.make(["result", runGuid, fingerprint, control.status.name]),
            correlationGuid: StableGUID.make(["correlation", fingerprint]),
            partialFingerprints: fingerprints,
            properties: SARIF.ResultProperties(commit: input.commit, system: control.subject,
                                               controlStatus: control.status.name, reason: reason))
    }

    static func introduction(_ introduction: Introduction) -> SARIF.Introduction {
        guard let commit = introduction.commit else { return .uncommitted }
        return .commit(id: commit, author: introduction.author, date: introduction.date)
    }

    /// Files that could not be checked (unreadable documents, LFS pointers) and the run's notices.
    func notifications() -> [SARIF.Notification] {
        var notifications: [SARIF.Notification] = []
        for artifact in input.project.artifacts {
            let rule: String, text: String, line: Int, column: Int
            switch artifact.content {
            case .unreadable(let problem):
                (rule, text, line, column) = ("AIMS-005", problem.message, problem.location.line, problem.location.column)
            case .lfsPointer: (rule, text, line, column) = ("GIT-003", "the file is a Git LFS pointer", 1, 1)
            default: continue
            }
            let anchor = Anchor(path: artifact.path, line: line, column: column)
            notifications.append(SARIF.Notification(
                level: .warning, message: .init(text: "\(artifact.path) could not be checked: \(text)"),
                locations: [location(anchor)],
                associatedRule: ruleIndex[rule].map { SARIF.DescriptorReference(id: rule, index: $0) }))
        }
        for notice in input.notices {
            notifications.append(SARIF.Notification(level: .note, message: .init(text: notice)))
        }
        return notifications
    }

    /// A repository-relative, percent-encoded location with a full region in UTF-16 columns.
    func location(_ anchor: Anchor) -> SARIF.Location {
        SARIF.Location(physicalLocation: SARIF.PhysicalLocation(
            artifactLocation: SARIF.ArtifactLocation(uri: SARIFURI.encodePath(anchor.path), uriBaseId: SARIF.sourceRoot),
            region: region(anchor)))
    }

    /// Our ranges count Unicode scalars and end on the last character; SARIF's count UTF-16
    /// code units and end after it. A point at column 1 stands for its whole line.
    func region(_ anchor: Anchor) -> SARIF.Region {
        let range = anchor.range
        let startLine = max(1, range.start.line)
        let startText = input.sourceLine(anchor.path, startLine)
        let startColumn = Self.utf16Column(scalars: max(0, range.start.column - 1), in: startText) + 1
        let endLine = max(startLine, range.end.line)
        var endColumn: Int
        if range.start == range.end && range.start.column == 1, let startText {
            endColumn = startText.utf16.count + 1
        } else {
            let endText = endLine == startLine ? startText : input.sourceLine(anchor.path, endLine)
            endColumn = Self.utf16Column(scalars: max(0, range.end.column), in: endText) + 1
        }
        if endLine == startLine { endColumn = max(endColumn, startColumn) }
        return SARIF.Region(startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: max(1, endColumn))
    }

    /// UTF-16 units in the first `scalars` scalars of `text` (scalars past its end count one each).
    static func utf16Column(scalars: Int, in text: String?) -> Int {
        guard let text else { return scalars }
        var units = 0, counted = 0
        for scalar in text.unicodeScalars {
            if counted == scalars { break }
            units += scalar.utf16.count
            counted += 1
        }
        return units + (scalars - counted)
    }
}
