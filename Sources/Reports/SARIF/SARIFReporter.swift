import Lint

/// The SARIF 2.1.0 report (SPEC §7): one run with the whole rule catalog, both ISO taxonomies,
/// results tied to commits, and everything GitHub code scanning needs to track alerts.
///
/// Deterministic: rules sorted by id, results in report order then passes by subject and rule,
/// keys sorted, GUIDs derived from content, no timestamps.
///
/// `helpUri` and `driver.informationUri` appear only when `ReportInput.documentationURI` is
/// set. aimslint has no published home yet; a made-up domain would send every reader of an alert
/// to whoever registers it, and a repository-relative link fails the schema's `uri` format. The
/// full help travels in `help.text` / `help.markdown`, which is what GitHub displays.
public struct SARIFReporter: Sendable {
    public init() {}

    public func render(_ input: ReportInput) -> String {
        JSONReporter.encode(log(input))
    }

    /// The log as values (what `render` encodes).
    public func log(_ input: ReportInput) -> SARIF.Log {
        let descriptions = Self.ruleList(input)
        let ruleIndex = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.id, $0) })
        let builder = SARIFResultBuilder(input: input, ruleIndex: ruleIndex, runGuid: Self.runGuid(input))
        let driver = SARIF.ToolComponent(
            name: "aimslint", fullName: "aimslint \(input.toolVersion)", version: input.toolVersion,
            semanticVersion: input.toolVersion, informationUri: input.documentationURI,
            rules: descriptions.map { SARIFCatalog.descriptor($0, documentationURI: input.documentationURI) },
            supportedTaxonomies: [SARIFCatalog.reference(to: SARIFCatalog.annexIndex),
                                  SARIFCatalog.reference(to: SARIFCatalog.processIndex)])
        let run = SARIF.Run(
            tool: SARIF.Tool(driver: driver),
            taxonomies: SARIFCatalog.taxonomies(),
            invocations: [invocation(input, ruleIndex: ruleIndex, builder: builder)],
            automationDetails: SARIF.AutomationDetails(id: "aimslint/\(input.mode)/", guid: builder.runGuid),
            baselineGuid: input.baseCommit.map { Self.guid(input, kind: "revision", commit: $0, contentDigest: "") },
            versionControlProvenance: versionControl(input),
            originalUriBaseIds: [SARIF.sourceRoot: SARIF.ArtifactLocation(
                description: .init(text: "The top folder of the repository's working tree; every result URI is relative to it."))],
            columnKind: "utf16CodeUnits",
            results: builder.results(),
            properties: SARIF.RunProperties(source: input.sourceKind, revision: input.revision, baseCommit: input.baseCommit))
        return SARIF.Log(schema: SARIF.schemaURI, version: "2.1.0", runs: [run])
    }

    /// Every rule the binary knows, sorted by id, plus any rule a finding names that the catalog
    /// lacks (a finding is never dropped for want of its rule).
    static func ruleList(_ input: ReportInput) -> [RuleDescription] {
        var rules = input.rules
        for finding in input.findings where rules[finding.ruleID] == nil {
            rules[finding.ruleID] = RuleDescription(
                id: finding.ruleID, title: finding.ruleID, rationale: "A rule this build does not describe.",
                fix: "Update aimslint.", stage: nil, processes: [], controls: [], level: finding.level,
                passing: [], failing: [])
        }
        return rules.values.sorted { $0.id < $1.id }
    }

    /// The run's GUID: the tool version, the category and the commit identify what a revision
    /// run saw, so `check --rev B` gets the GUID a later `--base B` run names as its
    /// `baselineGuid`. Index and working-tree runs add a digest of their results, because the
    /// same HEAD can hold different uncommitted content.
    static func runGuid(_ input: ReportInput) -> String {
        var digest = ""
        if input.sourceKind != "revision" {
            let keys = input.findings.map { "\($0.fingerprint)@\($0.location.range)" }
            digest = SHA256.hex(keys.joined(separator: "\n"))
        }
        return guid(input, kind: input.sourceKind, commit: input.commit ?? "", contentDigest: digest)
    }

    static func guid(_ input: ReportInput, kind: String, commit: String, contentDigest: String) -> String {
        StableGUID.make(["run", input.toolVersion, input.mode, kind, commit, contentDigest])
    }

    private func versionControl(_ input: ReportInput) -> [SARIF.VersionControlDetails]? {
        guard let remote = input.repositoryURI, let uri = SARIFURI.repositoryURI(remote) else { return nil }
        return [SARIF.VersionControlDetails(repositoryUri: uri, revisionId: input.commit, branch: input.branch,
                                            mappedTo: SARIF.ArtifactLocation(uriBaseId: SARIF.sourceRoot))]
    }

    private func invocation(_ input: ReportInput, ruleIndex: [String: Int], builder: SARIFResultBuilder) -> SARIF.Invocation {
        let overrides = input.project.policy.ruleSettings.keys.sorted().compactMap { id -> SARIF.ConfigurationOverride? in
            guard let index = ruleIndex[id], let setting = input.project.policy.ruleSettings[id] else { return nil }
            let configuration: SARIF.Configuration
            switch setting {
            case .off: configuration = SARIF.Configuration(enabled: false)
            case .level(let level): configuration = SARIF.Configuration(level: SARIFCatalog.level(level))
            }
            return SARIF.ConfigurationOverride(descriptor: .init(id: id, index: index), configuration: configuration)
        }
        let notifications = builder.notifications()
        let exitCode = input.effectiveExitCode
        return SARIF.Invocation(
            executionSuccessful: exitCode == 0 || exitCode == 1, exitCode: exitCode,
            ruleConfigurationOverrides: overrides.isEmpty ? nil : overrides,
            toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
    }
}
