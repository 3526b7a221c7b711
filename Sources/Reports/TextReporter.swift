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
                out += paint(Self.quotedPath(finding.location.path), .bold) + "\n"
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
            out += "\(Self.quotedPath(finding.location.path)):\(start.line):\(start.column) \(paint(finding.level.rawValue, style(for: finding.level))) \(finding.ruleID) \(Self.oneLine(finding.message))\n"
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
        var text = "\(Self.quotedPath(finding.location.path)):\(start.line):\(start.column) \(level) \(finding.ruleID) \(Self.oneLine(finding.message))"
        if let system = finding.system { text += " [\(Self.oneLine(system))]" }
        if let state = finding.baselineState { text += state == .absent ? " (fixed by this change)" : " (\(state.rawValue))" }
        text += "\n"
        if let source = input.sourceLine(finding.location.path, start.line) {
            let number = String(start.line)
            let gutter = String(repeating: " ", count: number.count)
            text += "  \(number) | \(Self.oneLine(source, keepingTabs: true))\n"
            let caretColumn = max(1, start.column)
            text += "  \(gutter) | \(String(repeating: " ", count: caretColumn - 1))\(paint("^", style(for: finding.level)))\n"
        }
        for suppression in finding.suppressions {
            text += "  suppressed (\(suppression.kind.rawValue)): \(Self.oneLine(suppression.justification))\n"
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
        text += " in \(plural(input.systems.count, "system")) and \(plural(input.datasets.count, "dataset"))"
        text += " — \(plural(input.project.artifacts.count, "artifact")) checked at \(input.sourceKind == "revision" ? input.revision ?? "HEAD" : input.sourceKind)\n"
        if input.findings.contains(where: { $0.baselineState != nil }) {
            // Diff mode: what the change did, so the counts above are not read as what blocks.
            let states = input.findings.filter { !$0.isSuppressed }.map(\.baselineState)
            let new = states.filter { $0 == .new }.count, fixed = states.filter { $0 == .absent }.count
            let unchanged = states.filter { $0 == .unchanged || $0 == .updated }.count
            text += "  this change: \(new) new, \(fixed) fixed, \(unchanged) unchanged (only new findings can block)\n"
        }
        var bySubject: [String: [Level: Int]] = [:]
        for finding in input.activeFindings { bySubject[finding.system ?? "(repository)", default: [:]][finding.level, default: 0] += 1 }
        for system in input.systems {
            let counts = bySubject[system.id] ?? [:]
            let stage = system.isDeclared ? system.stage.rawValue : "stage not declared"
            text += "  \(Self.oneLine(system.id)) (\(stage), \(system.root.isEmpty ? "." : Self.quotedPath(system.root))): "
            text += "\(counts[.error] ?? 0) E, \(counts[.warning] ?? 0) W, \(counts[.note] ?? 0) N\n"
        }
        for dataset in input.datasets {
            let counts = bySubject[dataset.id] ?? [:]
            text += "  dataset \(Self.oneLine(dataset.id)) (\(dataset.root.isEmpty ? "." : Self.quotedPath(dataset.root))): "
            text += "\(counts[.error] ?? 0) E, \(counts[.warning] ?? 0) W, \(counts[.note] ?? 0) N\n"
        }
        if let repository = bySubject["(repository)"] {
            text += "  repository: \(repository[.error] ?? 0) E, \(repository[.warning] ?? 0) W, \(repository[.note] ?? 0) N\n"
        }
        return text
    }

    /// A path as git prints it: as is, or, when it holds a control character, a quote or a
    /// backslash, in double quotes with C escapes (`"models/new\nline/MODEL_CARD.md"`), so that one
    /// finding stays one line and no file name can send terminal escape sequences.
    static func quotedPath(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { isControl($0) || $0 == "\"" || $0 == "\\" }) else { return path }
        var out = "\""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out += isControl(scalar) ? escape(scalar) : String(scalar)
            }
        }
        return out + "\""
    }

    /// Text with its control characters written as escapes (`\n`, `\u{1B}`), tabs optionally kept.
    static func oneLine(_ text: String, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            out += isControl(scalar) && !(keepingTabs && scalar == "\t") ? escape(scalar) : String(scalar)
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
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
