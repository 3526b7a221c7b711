/// A self-contained html page: no script, no network; inline CSS and, per subject, an inline SVG
/// chart of the share of applicable controls met over the walk, then the transitions table.
struct HistoryHTMLFormatter {
    static let chartWidth = 640
    static let chartHeight = 160
    private static let left = 44
    private static let right = 12
    private static let top = 12
    private static let bottom = 26

    func render(_ report: HistoryReport) -> String {
        var html: [String] = []
        html.append("<!DOCTYPE html>")
        html.append("<html lang=\"en\"><head><meta charset=\"utf-8\">")
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.append("<title>aimslint history: \(escape(report.repository))</title>")
        html.append("<style>\(Self.style)</style></head><body>")
        html.append("<h1>Control history</h1>")
        html.append("<p class=\"meta\">" + HistoryTextFormatter.header(report).dropFirst().map(escape).joined(separator: "<br>")
                    + "<br>" + escape(report.repository) + "</p>")
        let series = CoverageSeries.all(report)
        if series.isEmpty { html.append("<p>No controls in this history.</p>") }
        for line in series {
            let controls = report.controls.filter { $0.key.system == line.subject }
            html.append("<section>")
            html.append("<h2>\(escape(line.subject ?? HistoryRow.repositoryLabel))</h2>")
            html.append(chart(line, report: report))
            html.append(controlTable(controls, report: report))
            html.append("</section>")
        }
        html.append(transitionsTable(report))
        html.append("</body></html>")
        return html.joined(separator: "\n") + "\n"
    }

    // MARK: - Chart

    private func x(_ sequence: Int, commits: Int) -> Int {
        let span = Self.chartWidth - Self.left - Self.right
        guard commits > 1 else { return Self.left }
        return Self.left + (sequence - 1) * span / (commits - 1)
    }

    private func y(_ share: Double) -> Int {
        let span = Double(Self.chartHeight - Self.top - Self.bottom)
        return Self.top + Int((1 - share) * span + 0.5)
    }

    /// A step line: each point holds until the next one, the last until the revision.
    func chart(_ series: CoverageSeries, report: HistoryReport) -> String {
        let commits = max(report.commitsScanned, 1)
        let name = escape(series.subject ?? HistoryRow.repositoryLabel)
        var svg = ["<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Self.chartWidth)\" height=\"\(Self.chartHeight)\" "
                   + "viewBox=\"0 0 \(Self.chartWidth) \(Self.chartHeight)\" role=\"img\" aria-label=\"share of applicable controls met over time for \(name)\">"]
        svg.append("<title>Share of applicable controls met: \(name)</title>")
        for share in [0.0, 0.5, 1.0] {
            let level = y(share)
            svg.append("<line stroke=\"#d0d7de\" stroke-width=\"1\" x1=\"\(Self.left)\" y1=\"\(level)\" x2=\"\(Self.chartWidth - Self.right)\" y2=\"\(level)\"/>")
            svg.append("<text font-size=\"11\" font-family=\"sans-serif\" fill=\"#57606a\" x=\"\(Self.left - 6)\" y=\"\(level + 4)\" text-anchor=\"end\">\(Int(share * 100))%</text>")
        }
        let baseline = Self.chartHeight - 8
        svg.append("<text font-size=\"11\" font-family=\"sans-serif\" fill=\"#57606a\" x=\"\(Self.left)\" y=\"\(baseline)\">\(escape(String(report.oldest?.date.prefix(10) ?? "")))</text>")
        svg.append("<text font-size=\"11\" font-family=\"sans-serif\" fill=\"#57606a\" x=\"\(Self.chartWidth - Self.right)\" y=\"\(baseline)\" text-anchor=\"end\">"
                   + "\(escape(String(report.newest?.date.prefix(10) ?? "")))</text>")
        var path = ""
        var dots: [String] = []
        for (index, point) in series.points.enumerated() {
            let end = index + 1 < series.points.count ? series.points[index + 1].sequence : commits
            guard let share = point.share else { continue }
            let (x1, x2, level) = (x(point.sequence, commits: commits), x(end, commits: commits), y(share))
            path += "M\(x1) \(level)H\(x2)"
            if index + 1 < series.points.count, let next = series.points[index + 1].share { path += "V\(y(next))" }
            dots.append("<circle fill=\"#0969da\" cx=\"\(x1)\" cy=\"\(level)\" r=\"3\"><title>\(escape(String(point.date.prefix(10)))) "
                        + "\(escape(String(point.commit.prefix(7)))): \(point.met) of \(point.applicable) met</title></circle>")
        }
        if !path.isEmpty { svg.append("<path fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" d=\"\(path)\"/>") }
        svg += dots
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    // MARK: - Tables

    private func controlTable(_ controls: [ControlTimeline], report: HistoryReport) -> String {
        var rows = ["<table><thead><tr><th>Rule</th><th>Status</th><th>First met</th><th>Author</th><th>Flips</th>"
                    + "<th>Last lost</th><th>Now</th></tr></thead><tbody>"]
        for control in controls {
            let met = control.firstMet
            rows.append("<tr><td>\(escape(control.key.rule))</td>"
                        + "<td class=\"\(control.state.status.rawValue)\">\(escape(HistoryRow.label(control.state.status)))</td>"
                        + "<td>\(stampCell(met))</td><td>\(escape(met?.commit.author ?? "-"))</td>"
                        + "<td>\(control.flips)</td><td>\(stampCell(control.lastLost))</td>"
                        + "<td>\(escape(control.state.reason ?? ""))</td></tr>")
        }
        rows.append("</tbody></table>")
        return rows.joined(separator: "\n")
    }

    private func transitionsTable(_ report: HistoryReport) -> String {
        var all: [(ControlKey, ControlTransition)] = []
        for control in report.controls {
            all += report.listedTransitions(control).map { (control.key, $0) }
        }
        all.sort { ($0.1.sequence, $0.0) < ($1.1.sequence, $1.0) }
        var rows = ["<h2>Transitions</h2>",
                    "<table><thead><tr><th>Date</th><th>Commit</th><th>Author</th><th>System</th><th>Rule</th>"
                    + "<th>From</th><th>To</th><th>Reason</th></tr></thead><tbody>"]
        for (key, transition) in all {
            rows.append("<tr><td>\(escape(transition.commit.date))</td><td><code title=\"\(escape(transition.commit.commit))\">"
                        + "\(escape(String(transition.commit.commit.prefix(7))))</code></td>"
                        + "<td>\(escape(transition.commit.author))</td><td>\(escape(key.system ?? HistoryRow.repositoryLabel))</td>"
                        + "<td>\(escape(key.rule))</td><td class=\"\(transition.from.rawValue)\">\(HistoryRow.label(transition.from))</td>"
                        + "<td class=\"\(transition.to.rawValue)\">\(HistoryRow.label(transition.to))</td>"
                        + "<td>\(escape(transition.reason ?? ""))</td></tr>")
        }
        rows.append("</tbody></table>")
        return rows.joined(separator: "\n")
    }

    private func stampCell(_ transition: ControlTransition?) -> String {
        guard let transition else { return "-" }
        return "\(escape(String(transition.commit.date.prefix(10)))) <code title=\"\(escape(transition.commit.commit))\">"
            + "\(escape(String(transition.commit.commit.prefix(7))))</code>"
    }

    func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#1b1f24;padding:0 1em}\
        h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}.meta{color:#57606a}\
        table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border-bottom:1px solid #d0d7de;padding:.25em .5em;text-align:left;vertical-align:top}\
        th{background:#f6f8fa}.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}\
        .notApplicable,.absent{color:#6e7781}.chart{max-width:100%;height:auto;background:#fff}code{font-size:12px}
        """
}
