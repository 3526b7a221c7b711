import Lint

/// JUnit XML for Jenkins and GitLab test reports: one `testsuite` per subject (system, dataset,
/// the repository), one `testcase` per control.
///
/// A control fails when it has an active finding at or above `--fail-on` — the same rule as the
/// exit code, so a green test report and a green run agree. Findings below the threshold and
/// suppressed ones are listed in the test case's `system-out`. A not-applicable control is
/// `skipped` with its reason. A finding whose control is missing (a rule run for a different
/// subject than the one it reports on, and no repository-wide control) gets a test case of its
/// own: nothing is dropped.
/// No timestamps or durations, so the file is byte-identical for the same input.
public struct JUnitReporter: Sendable {
    public init() {}

    struct Case {
        let rule: String
        let subject: String?
        let subjectKind: String
        var status: ControlStatus
        var findings: [Finding]
    }

    public func render(_ input: ReportInput) -> String {
        var cases: [Case] = input.everyControl.map {
            Case(rule: $0.ruleID, subject: $0.subject, subjectKind: $0.subjectKind.rawValue, status: $0.status, findings: [])
        }
        for finding in input.findings {
            // The control of the finding's own subject; else the repository's control of the rule
            // (repository-wide rules report findings on the system that owns the file).
            let index = cases.firstIndex { $0.rule == finding.ruleID && $0.subject == finding.system }
                ?? cases.firstIndex { $0.rule == finding.ruleID && $0.subject == nil && $0.subjectKind == "repository" }
            if let index {
                cases[index].findings.append(finding)
                cases[index].status = .fail
            } else {
                let kind = input.datasets.contains { $0.id == finding.system } ? "dataset" : (finding.system == nil ? "repository" : "system")
                cases.append(Case(rule: finding.ruleID, subject: finding.system, subjectKind: kind, status: .fail, findings: [finding]))
            }
        }
        let suites = Dictionary(grouping: cases) { SuiteKey(kind: $0.subjectKind, subject: $0.subject) }
        var body = ""
        var totals = (tests: 0, failures: 0, skipped: 0)
        for key in suites.keys.sorted() {
            let members = (suites[key] ?? []).sorted { $0.rule < $1.rule }
            let failures = members.filter { isFailure($0, input) }.count
            let skipped = members.filter { if case .notApplicable = $0.status { return true } else { return false } }.count
            totals.tests += members.count
            totals.failures += failures
            totals.skipped += skipped
            body += "  <testsuite name=\"\(XML.attribute(key.name))\" tests=\"\(members.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
            for member in members { body += testcase(member, suite: key, input: input) }
            body += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"aimslint\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"0\" skipped=\"\(totals.skipped)\">\n"
        out += body
        out += "</testsuites>\n"
        return out
    }

    /// Suites sort systems, then datasets, then the repository, each by id.
    struct SuiteKey: Hashable, Comparable {
        let kind: String
        let subject: String?

        var rank: Int { kind == "system" ? 0 : (kind == "dataset" ? 1 : 2) }
        var name: String { subject.map { "\(kind) \($0)" } ?? "repository" }

        static func < (a: SuiteKey, b: SuiteKey) -> Bool { (a.rank, a.subject ?? "") < (b.rank, b.subject ?? "") }
    }

    private func isFailure(_ member: Case, _ input: ReportInput) -> Bool {
        member.findings.contains { !$0.isSuppressed && input.failThreshold.isReached(by: $0.level) }
    }

    private func testcase(_ member: Case, suite: SuiteKey, input: ReportInput) -> String {
        let title = input.rules[member.rule]?.title ?? member.rule
        let classname = "aimslint.\(suite.kind)" + (member.subject.map { ".\($0)" } ?? "")
        var attributes = "name=\"\(XML.attribute("\(member.rule) \(title)"))\" classname=\"\(XML.attribute(classname))\""
        if let first = member.findings.first {
            attributes += " file=\"\(XML.attribute(first.location.path))\" line=\"\(first.location.line)\""
        }
        let failing = member.findings.filter { !$0.isSuppressed && input.failThreshold.isReached(by: $0.level) }
        let other = member.findings.filter { finding in !failing.contains(finding) }
        var inner = ""
        if let first = failing.first {
            let text = failing.map { line($0, input) }.joined(separator: "\n")
            inner += "      <failure message=\"\(XML.attribute(first.message))\" type=\"\(first.level.rawValue)\">\(XML.text(text))</failure>\n"
        } else if case .notApplicable(let reason) = member.status {
            inner += "      <skipped message=\"\(XML.attribute(reason))\"/>\n"
        }
        if !other.isEmpty {
            let text = other.map { ($0.isSuppressed ? "suppressed: " : "") + line($0, input) }.joined(separator: "\n")
            inner += "      <system-out>\(XML.text(text))</system-out>\n"
        }
        if inner.isEmpty { return "    <testcase \(attributes)/>\n" }
        return "    <testcase \(attributes)>\n\(inner)    </testcase>\n"
    }

    private func line(_ finding: Finding, _ input: ReportInput) -> String {
        let start = finding.location.range.start
        var text = "\(finding.location.path):\(start.line):\(start.column) \(finding.level.rawValue) \(finding.ruleID) \(finding.message)"
        if let fix = input.rules[finding.ruleID]?.fix, !fix.isEmpty { text += "\n  fix: \(fix)" }
        return text
    }
}

/// XML 1.0 escaping. Characters XML 1.0 cannot carry at all (most C0 controls) become U+FFFD.
enum XML {
    static func text(_ value: String) -> String { escape(value, inAttribute: false) }
    static func attribute(_ value: String) -> String { escape(value, inAttribute: true) }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let allowed = scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
