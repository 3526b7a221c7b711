import Lint

/// The human report: findings grouped by file as `path:line:col level RULE message`, the source
/// line with a caret, a one-line fix hint, then a summary per level and per system.
public struct TextReporter: Sendable {
    public let color: Bool
    /// Short output for hooks: only the findings that count, one line each, and a one-line total.
    public let brief: Bool

    public init(color: Bool, brief: Bool = false) {
        self.color = color
        self.brief = brief
    }

    public func render(_ input: ReportInput) -> String {
        if brief { return renderBrief(input) }
        var out = ""
        var currentPath: String?
        for finding in input.findings {
            if finding.location.path != currentPath {
                if currentPath != nil { out += "\n" }
                currentPath = finding.location.path
                out += paint(finding.location.path, .bold) + "\n"
            }
            out += line(for: finding, input: input)
        }
        if !input.findings.isEmpty { out += "\n" }
        out += summary(input)
        return out
    }

    private func renderBrief(_ input: ReportInput) -> String {
        let counted = input.activeFindings.filter { $0.baselineState == nil || $0.baselineState == .new }
        var out = ""
        for finding in counted {
            let start = finding.location.range.start
            out += "\(finding.location.path):\(start.line):\(start.column) \(paint(finding.level.rawValue, style(for: finding.level))) \(finding.ruleID) \(finding.message)\n"
        }
        let errors = counted.filter { $0.level == .error }.count
        let others = counted.count - errors
        out += "aimslint: \(plural(errors, "error")), \(plural(others, "other finding")) in this change"
        out += counted.isEmpty ? "\n" : " — `aimslint explain RULE` tells how to fix\n"
        return out
    }

    private func line(for finding: Finding, input: ReportInput) -> String {
        let start = finding.location.range.start
        let level = paint(finding.level.rawValue, style(for: finding.level))
        var text = "\(finding.location.path):\(start.line):\(start.column) \(level) \(finding.ruleID) \(finding.message)"
        if let system = finding.system { text += " [\(system)]" }
        if let state = finding.baselineState { text += state == .absent ? " (fixed by this change)" : " (\(state.rawValue))" }
        text += "\n"
        if let source = input.sourceLine(finding.location.path, start.line) {
            let number = String(start.line)
            let gutter = String(repeating: " ", count: number.count)
            text += "  \(number) | \(source)\n"
            let caretColumn = max(1, start.column)
            text += "  \(gutter) | \(String(repeating: " ", count: caretColumn - 1))\(paint("^", style(for: finding.level)))\n"
        }
        for suppression in finding.suppressions {
            text += "  suppressed (\(suppression.kind.rawValue)): \(suppression.justification)\n"
        }
        if let fix = input.rules[finding.ruleID]?.fix, !fix.isEmpty {
            text += "  fix: \(fix)\n"
        }
        return text
    }

    private func summary(_ input: ReportInput) -> String {
        let errors = input.count(.error), warnings = input.count(.warning), notes = input.count(.note)
        let suppressed = input.findings.filter(\.isSuppressed).count
        var text = "\(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note"))"
        if suppressed > 0 { text += " (\(suppressed) suppressed)" }
        text += " in \(plural(input.project.systems.count, "system")) and \(plural(input.project.datasets.count, "dataset"))"
        text += " — \(input.project.artifacts.count) artifacts checked at \(input.sourceKind == "revision" ? input.revision ?? "HEAD" : input.sourceKind)\n"
        var bySubject: [String: [Level: Int]] = [:]
        for finding in input.activeFindings { bySubject[finding.system ?? "(repository)", default: [:]][finding.level, default: 0] += 1 }
        for system in input.project.systems {
            let counts = bySubject[system.id] ?? [:]
            text += "  \(system.id) (\(system.stage.rawValue), \(system.root.isEmpty ? "." : system.root)): "
            text += "\(counts[.error] ?? 0) E, \(counts[.warning] ?? 0) W, \(counts[.note] ?? 0) N\n"
        }
        for dataset in input.project.datasets {
            let counts = bySubject[dataset.id] ?? [:]
            text += "  dataset \(dataset.id) (\(dataset.root.isEmpty ? "." : dataset.root)): "
            text += "\(counts[.error] ?? 0) E, \(counts[.warning] ?? 0) W, \(counts[.note] ?? 0) N\n"
        }
        if let repository = bySubject["(repository)"] {
            text += "  repository: \(repository[.error] ?? 0) E, \(repository[.warning] ?? 0) W, \(repository[.note] ?? 0) N\n"
        }
        return text
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    private enum Style: String { case bold = "1", red = "31", yellow = "33", cyan = "36" }

    private func style(for level: Level) -> Style {
        switch level {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
