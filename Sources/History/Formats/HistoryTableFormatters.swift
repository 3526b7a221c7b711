/// Plain-text tables, one per subject: first met (date, commit, author), flips, the status at the
/// revision and a sparkline of the whole walk.
struct HistoryTextFormatter {
    let color: Bool

    func render(_ report: HistoryReport) -> String {
        var lines = HistoryTextFormatter.header(report)
        let rows = report.controls.map { HistoryRow($0, in: report) }
        if rows.isEmpty { lines.append("no controls in this history") }
        var bySubject: [(String, [HistoryRow])] = []
        for row in rows {
            if bySubject.last?.0 == row.subject { bySubject[bySubject.count - 1].1.append(row) } else { bySubject.append((row.subject, [row])) }
        }
        let headings = ["RULE", "STATUS", "FIRST MET", "COMMIT", "AUTHOR", "FLIPS", "LAST LOST", "HISTORY"]
        for (subject, rows) in bySubject {
            lines.append("")
            lines.append(subject)
            let cells = rows.map { row in
                [row.rule, HistoryRow.label(row.status), HistoryRow.day(row.firstMet), HistoryRow.short(row.firstMet),
                 row.firstMet?.commit.author ?? "-", String(row.flips), HistoryRow.day(row.lastLost), row.sparkline]
            }
            let widths = headings.indices.map { column in
                ([headings[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
            }
            lines.append("  " + line(headings, widths: widths, statusColor: nil))
            for (row, cell) in zip(rows, cells) { lines.append("  " + line(cell, widths: widths, statusColor: row.status)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func header(_ report: HistoryReport) -> [String] {
        var lines = ["aimslint history: \(report.repository)"]
        let mode = report.firstParent ? "first-parent" : "all parents"
        var span = ""
        if let oldest = report.oldest, let newest = report.newest {
            span = " (\(oldest.date.prefix(10)) to \(newest.date.prefix(10)))"
        }
        lines.append("\(report.revision) at \(report.commit.prefix(7)), \(mode), \(report.commitsScanned) commits\(span)")
        if let boundary = report.shallowBoundary {
            lines.append("shallow clone: history stops at \(boundary.prefix(7)); controls may have been met earlier")
        }
        if let since = report.since { lines.append("transitions since \(since)") }
        return lines
    }

    private func line(_ cells: [String], widths: [Int], statusColor: ControlStatusName?) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let padded = index == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            if index == 1, color, let status = statusColor {
                parts.append(colored(padded, status))
            } else {
                parts.append(padded)
            }
        }
        return parts.joined(separator: "  ").trailingSpacesRemoved
    }

    private func colored(_ text: String, _ status: ControlStatusName) -> String {
        let code: String
        switch status {
        case .pass: code = "32"
        case .fail: code = "31"
        case .notApplicable, .absent: code = "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// The same rows as the text table, as CSV (RFC 4180 quoting, LF line ends).
struct HistoryCSVFormatter {
    static let columns = ["system", "rule", "status", "first_met_date", "first_met_commit", "first_met_author",
                          "last_lost_date", "last_lost_commit", "last_lost_author", "flips", "transitions"]

    func render(_ report: HistoryReport) -> String {
        var lines = [Self.columns.joined(separator: ",")]
        for control in report.controls {
            let met = control.firstMet
            let lost = control.lastLost
            let cells = [control.key.system ?? "", control.key.rule, control.state.status.rawValue,
                         met?.commit.date ?? "", met?.commit.commit ?? "", met?.commit.author ?? "",
                         lost?.commit.date ?? "", lost?.commit.commit ?? "", lost?.commit.author ?? "",
                         String(control.flips), String(report.listedTransitions(control).count)]
            lines.append(cells.map(Self.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The same rows as a Markdown table (for a job summary or a pull-request comment).
struct HistoryMarkdownFormatter {
    func render(_ report: HistoryReport) -> String {
        var lines = ["# aimslint history", ""]
        lines += HistoryTextFormatter.header(report).dropFirst().map { $0 + "  " }
        lines.append("Repository: \(Self.cell(report.repository))")
        lines.append("")
        lines.append("| System | Rule | Status | First met | Commit | Author | Flips | Last lost | History |")
        lines.append("|---|---|---|---|---|---|---:|---|---|")
        for control in report.controls {
            let row = HistoryRow(control, in: report)
            let cells = [row.subject, row.rule, HistoryRow.label(row.status), HistoryRow.day(row.firstMet),
                         row.firstMet.map { "`\($0.commit.commit.prefix(7))`" } ?? "-", row.firstMet?.commit.author ?? "-",
                         String(row.flips), HistoryRow.day(row.lastLost), "`\(row.sparkline)`"]
            lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
        }
        if report.controls.isEmpty { lines.append("| - | - | - | - | - | - | 0 | - | - |") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Pipes and line breaks would break the table.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
