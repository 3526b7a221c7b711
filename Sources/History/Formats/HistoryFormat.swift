/// The history report formats. Each case maps to one formatter in `render`, so a format without
/// a formatter does not compile.
public enum HistoryFormat: String, CaseIterable, Sendable {
    case text, json, csv, markdown, html

    /// Renders the report; `color` adds ANSI colour to text (callers decide from TTY and NO_COLOR).
    public func render(_ report: HistoryReport, color: Bool = false) -> String {
        switch self {
        case .text: HistoryTextFormatter(color: color).render(report)
        case .json: HistoryJSONFormatter().render(report)
        case .csv: HistoryCSVFormatter().render(report)
        case .markdown: HistoryMarkdownFormatter().render(report)
        case .html: HistoryHTMLFormatter().render(report)
        }
    }
}

/// One control as a table row: the same columns in text, csv and markdown.
struct HistoryRow {
    let subject: String
    let rule: String
    let status: ControlStatusName
    let firstMet: ControlTransition?
    let lastLost: ControlTransition?
    let flips: Int
    let sparkline: String

    init(_ control: ControlTimeline, in report: HistoryReport) {
        subject = control.key.system ?? HistoryRow.repositoryLabel
        rule = control.key.rule
        status = control.state.status
        firstMet = control.firstMet
        lastLost = control.lastLost
        flips = control.flips
        sparkline = Sparkline.render(control, commits: report.commitsScanned)
    }

    static let repositoryLabel = "(repository)"

    /// The calendar day of a stamp's ISO date ("2024-01-03").
    static func day(_ transition: ControlTransition?) -> String {
        transition.map { String($0.commit.date.prefix(10)) } ?? "-"
    }

    static func short(_ transition: ControlTransition?) -> String {
        transition.map { String($0.commit.commit.prefix(7)) } ?? "-"
    }

    /// Status as the text formats print it.
    static func label(_ status: ControlStatusName) -> String {
        switch status {
        case .pass: "pass"
        case .fail: "fail"
        case .notApplicable: "n/a"
        case .absent: "absent"
        }
    }
}

/// A control's status over the whole walk in a few characters: █ met, ▁ not met, · not
/// applicable, space when the control did not exist yet.
enum Sparkline {
    static let width = 24

    static func render(_ control: ControlTimeline, commits: Int) -> String {
        guard commits > 0 else { return "" }
        let buckets = min(width, commits)
        var text = ""
        for bucket in 0..<buckets {
            let sequence = ((bucket + 1) * commits + buckets - 1) / buckets
            text.append(symbol(control.status(at: sequence)))
        }
        return text
    }

    static func symbol(_ status: ControlStatusName) -> Character {
        switch status {
        case .pass: "█"
        case .fail: "▁"
        case .notApplicable: "·"
        case .absent: " "
        }
    }
}
