import Lint

/// A GitHub-flavoured Markdown summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment:
/// a headline with the counts, a table per subject, then the findings (at most
/// `maximumRows`, so the comment stays under GitHub's size limits).
///
/// Every table cell is escaped: pipes, Markdown punctuation and HTML cannot break the table or
/// inject markup, and line breaks become `<br>`.
public struct MarkdownReporter: Sendable {
    public static let maximumRows = 200

    public init() {}

    public func render(_ input: ReportInput) -> String {
        let errors = input.count(.error), warnings = input.count(.warning), notes = input.count(.note)
        let suppressed = input.findings.count - input.activeFindings.count
        var out = "## aimslint: \(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note"))\n\n"
        let place = input.sourceKind == "revision" ? (input.revision ?? "HEAD") : input.sourceKind
        out += "Checked \(Self.code(place))"
        if let commit = input.commit { out += " at \(Self.code(String(commit.prefix(12))))" }
        out += ": \(plural(input.systems.count, "system")), \(plural(input.datasets.count, "dataset")), "
        out += "\(plural(input.project.artifacts.count, "artifact"))."
        if suppressed > 0 { out += " \(suppressed) suppressed." }
        out += "\n\n" + subjectTable(input)
        let findings = input.activeFindings
        if findings.isEmpty {
            out += "\nNo findings.\n"
            return out
        }
        out += "\n| level | rule | location | message | subject |\n|---|---|---|---|---|\n"
        for finding in findings.prefix(Self.maximumRows) {
            let location = "\(finding.location.path):\(finding.location.line)"
            out += "| \(finding.level.rawValue) | \(Self.cell(finding.ruleID)) | \(Self.code(location)) | \(Self.cell(finding.message)) | \(Self.cell(finding.system ?? "repository")) |\n"
        }
        if findings.count > Self.maximumRows {
            out += "\n… and \(findings.count - Self.maximumRows) more; the SARIF or JSON report has them all.\n"
        }
        return out
    }

    private func subjectTable(_ input: ReportInput) -> String {
        var rows: [(String, [Level: Int])] = []
        var counts: [String: [Level: Int]] = [:]
        for finding in input.activeFindings { counts[finding.system ?? "", default: [:]][finding.level, default: 0] += 1 }
        for system in input.systems {
            rows.append(("system \(system.id) (\(system.stage.rawValue))", counts[system.id] ?? [:]))
        }
        for dataset in input.datasets { rows.append(("dataset \(dataset.id)", counts[dataset.id] ?? [:])) }
        if let repository = counts[""] { rows.append(("repository", repository)) }
        let known = Set(input.systems.map(\.id) + input.datasets.map(\.id) + [""])
        for id in counts.keys.sorted() where !known.contains(id) { rows.append((id, counts[id] ?? [:])) }
        var out = "| subject | errors | warnings | notes |\n|---|---:|---:|---:|\n"
        for (name, levels) in rows {
            out += "| \(Self.cell(name)) | \(levels[.error] ?? 0) | \(levels[.warning] ?? 0) | \(levels[.note] ?? 0) |\n"
        }
        return out
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    /// Text for a table cell: ASCII punctuation that Markdown or a table reads is backslash-escaped,
    /// `<`/`>`/`&` become entities, line breaks become `<br>`.
    static func cell(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\r": continue
            case "\n": out += "<br>"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "{", "}": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A code span long enough to hold the text's own backticks; pipes escaped for tables.
    static func code(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let body = text.replacingEvery("|", with: "\\|").replacingEvery("\n", with: " ").replacingEvery("\r", with: " ")
        let padded = body.hasPrefix("`") || body.hasSuffix("`") ? " \(body) " : body
        return fence + padded + fence
    }
}
