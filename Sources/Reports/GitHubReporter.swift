import Lint

/// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per active
/// finding, which the runner turns into annotations on the pull request's files.
///
/// Values are escaped as the Actions toolkit does: in the message `%`, `\r` and `\n` become
/// `%25`, `%0D` and `%0A`; in properties `:` and `,` are escaped too, so a path with a comma
/// cannot end the `file` property early. Columns are sent only for single-line spans, the only
/// ones GitHub places by column. Suppressed findings are left out: they do not count.
public struct GitHubReporter: Sendable {
    public init() {}

    public func render(_ input: ReportInput) -> String {
        input.activeFindings.map { command(for: $0, input: input) + "\n" }.joined()
    }

    func command(for finding: Finding, input: ReportInput) -> String {
        let range = finding.location.range
        var properties = [("file", finding.location.path), ("line", String(range.start.line))]
        if range.end.line == range.start.line {
            properties.append(("col", String(range.start.column)))
            properties.append(("endColumn", String(max(range.end.column, range.start.column))))
        } else {
            properties.append(("endLine", String(range.end.line)))
        }
        let title = input.rules[finding.ruleID].map { "\(finding.ruleID) \($0.title)" } ?? finding.ruleID
        properties.append(("title", title))
        var message = finding.message
        if let system = finding.system { message += " [\(system)]" }
        if let fix = input.rules[finding.ruleID]?.fix, !fix.isEmpty { message += "\nFix: \(fix)" }
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(Self.command(for: finding.level)) \(list)::\(Self.escapeData(message))"
    }

    static func command(for level: Level) -> String {
        switch level {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The message part of a workflow command.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A property value of a workflow command.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingEvery(":", with: "%3A").replacingEvery(",", with: "%2C")
    }
}

extension String {
    /// Every occurrence of one character replaced (no Foundation needed).
    func replacingEvery(_ character: Character, with replacement: String) -> String {
        var out = ""
        for item in self { if item == character { out += replacement } else { out.append(item) } }
        return out
    }
}
