import Lint

extension ReportInput {
    /// The report input for one checked snapshot, as `aimslint check` builds it (tests build it
    /// the same way, so golden files show what the command prints).
    ///
    /// `findings` replaces the check's own findings (after commit ties are attached); `texts`
    /// are the scanned files' texts (for GitHub's line hash). `controls` keeps failing controls
    /// only, unless `includePasses`; `allControls` always has every one.
    public init(checked: CheckedSnapshot, findings: [Finding]? = nil, toolVersion: String, rules: [RuleDescription],
                includePasses: Bool, notices: [String] = [], repositoryURI: String? = nil, branch: String? = nil,
                exitCode: Int? = nil, failThreshold: FailThreshold = .error, documentationURI: String? = nil,
                texts: [String: String] = [:]) {
        var revision: String?
        let kind: String
        switch checked.source {
        case .revision(let name):
            kind = "revision"
            revision = name
        case .index: kind = "index"
        case .worktree: kind = "worktree"
        }
        let lines = checked.sourceLines
        let all = checked.result.controls
        self.init(
            toolVersion: toolVersion, sourceKind: kind, revision: revision, commit: checked.commit?.hex,
            baseCommit: checked.baseCommit?.hex,
            findings: findings ?? checked.result.findings,
            controls: includePasses ? all : all.filter { $0.status == .fail },
            project: checked.result.project,
            rules: Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            notices: notices, includePasses: includePasses, allControls: all,
            repositoryURI: repositoryURI, branch: branch, exitCode: exitCode, failThreshold: failThreshold,
            documentationURI: documentationURI,
            sourceLine: { path, line in
                guard let file = lines[path], line >= 1, line <= file.count else { return nil }
                return file[line - 1]
            },
            systems: checked.result.selectedSystems, datasets: checked.result.selectedDatasets,
            sourceText: { texts[$0] })
    }
}
