import Lint

/// GitLab Code Quality JSON: an array of issues the merge request widget compares between the
/// source and target branches by `fingerprint`.
///
/// The fingerprint is our line-independent `aimslint/v1`, so an issue survives edits above it.
/// GitLab keeps one issue per fingerprint; when two findings share one (the same anchor at two
/// lines), the second and later get a fingerprint derived from the first and their ordinal.
/// Suppressed findings are left out. Severity: error → major, warning → minor, note → info.
public struct GitLabReporter: Sendable {
    public init() {}

    struct Issue: Encodable {
        let type = "issue"
        let engineName = "aimslint"
        let checkName: String
        let description: String
        let fingerprint: String
        let severity: String
        let location: IssueLocation

        enum CodingKeys: String, CodingKey {
            case type, description, fingerprint, severity, location
            case engineName = "engine_name"
            case checkName = "check_name"
        }
    }

    struct IssueLocation: Encodable {
        let path: String
        let lines: Lines
    }

    struct Lines: Encodable {
        let begin: Int
        let end: Int
    }

    public func render(_ input: ReportInput) -> String {
        var seen: [String: Int] = [:]
        let issues = input.activeFindings.map { finding -> Issue in
            let count = (seen[finding.fingerprint] ?? 0) + 1
            seen[finding.fingerprint] = count
            let fingerprint = count == 1 ? finding.fingerprint : SHA256.hex("\(finding.fingerprint)\u{0}\(count)")
            var description = "\(finding.ruleID): \(finding.message)"
            if let system = finding.system { description += " [\(system)]" }
            let range = finding.location.range
            return Issue(checkName: finding.ruleID, description: description, fingerprint: fingerprint,
                         severity: Self.severity(finding.level),
                         location: IssueLocation(path: finding.location.path,
                                                 lines: Lines(begin: range.start.line, end: max(range.end.line, range.start.line))))
        }
        return JSONReporter.encode(issues)
    }

    static func severity(_ level: Level) -> String {
        switch level {
        case .error: "major"
        case .warning: "minor"
        case .note: "info"
        }
    }
}
