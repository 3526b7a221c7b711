import Foundation

/// Applies inline suppressions, waivers and the baseline to a run's findings, and reports the
/// suppressions themselves: AIMS-002 (expired waiver), AIMS-003 (no reason or owner) and AIMS-004
/// (matched nothing). Suppressed findings stay in the report, marked; they do not fail the run.
public struct SuppressionPass {
    static let expiredID = "AIMS-002"
    static let unjustifiedID = "AIMS-003"
    static let unusedID = "AIMS-004"
    /// Findings about the policy itself cannot be silenced by the policy.
    static let unsuppressible: Set<String> = ["AIMS-001", expiredID, unjustifiedID, unusedID]

    let project: Project
    let descriptions: [String: RuleDescription]
    /// Rules that ran: a suppression for a rule that did not run is not "unused".
    let ranRules: Set<String>
    let today: String

    func apply(to findings: [Finding]) -> (findings: [Finding], controls: [ControlResult]) {
        var findings = findings
        var meta: [Finding] = []
        let directives = project.directives
        var usedDirectives = Set<Int>()
        var usedWaivers = Set<Int>()
        for index in findings.indices where !SuppressionPass.unsuppressible.contains(findings[index].ruleID) {
            let finding = findings[index]
            for (number, directive) in directives.enumerated() where directive.reason != nil && directive.covers(finding) {
                findings[index].suppressions.append(Suppression(kind: .inSource, justification: directive.reason ?? "", location: directive.location))
                usedDirectives.insert(number)
            }
            for (number, waiver) in project.policy.waivers.enumerated() where waiver.isJustified && !waiver.isExpired(today: today) && waiver.matches(finding) {
                let justification = "\(waiver.reason ?? "") (owner \(waiver.owner ?? "?"), expires \(waiver.expires ?? "never"))"
                findings[index].suppressions.append(Suppression(kind: .external, justification: justification, location: waiver.location))
                usedWaivers.insert(number)
            }
            if let baseline = project.policy.baseline, baseline.fingerprints.contains(finding.fingerprint) {
                findings[index].suppressions.append(Suppression(kind: .baseline, justification: "accepted in \(Policy.baselinePath)", location: nil))
            }
        }
        for (number, directive) in directives.enumerated() {
            let rules = directive.ruleIDs.joined(separator: ", ")
            if directive.reason == nil {
                add(&meta, SuppressionPass.unjustifiedID, "the suppression of \(rules.isEmpty ? "no rule" : rules) gives no reason=\"…\"; it does not apply until it says why",
                    at: directive.location, anchor: "inline:\(rules)")
            } else if !usedDirectives.contains(number), directive.ruleIDs.allSatisfy(ranRules.contains) {
                add(&meta, SuppressionPass.unusedID, "the suppression of \(rules) matches no finding; remove it",
                    at: directive.location, anchor: "inline:\(rules)")
            }
        }
        for (number, waiver) in project.policy.waivers.enumerated() {
            let target = waiver.system.map { "system \($0)" } ?? "path \(waiver.path?.pattern ?? "?")"
            let anchor = "waiver:\(waiver.rule):\(target)"
            if !waiver.isJustified {
                let missing = [waiver.reason == nil ? "reason" : nil, waiver.owner == nil ? "owner" : nil].compactMap { $0 }
                add(&meta, SuppressionPass.unjustifiedID, "the waiver of \(waiver.rule) for \(target) has no \(missing.joined(separator: " or ")); it does not apply",
                    at: waiver.location, anchor: anchor)
            } else if waiver.isExpired(today: today) {
                add(&meta, SuppressionPass.expiredID, "the waiver of \(waiver.rule) for \(target) expired on \(waiver.expires ?? "?"); renew it with a reason or fix the finding",
                    at: waiver.location, anchor: anchor)
            } else if !usedWaivers.contains(number), ranRules.contains(waiver.rule) {
                add(&meta, SuppressionPass.unusedID, "the waiver of \(waiver.rule) for \(target) matches no finding; remove it",
                    at: waiver.location, anchor: anchor)
            }
        }
        var controls: [ControlResult] = []
        for id in [SuppressionPass.expiredID, SuppressionPass.unjustifiedID, SuppressionPass.unusedID] where descriptions[id] != nil && ranRules.contains(id) {
            let failed = meta.contains { $0.ruleID == id }
            controls.append(ControlResult(ruleID: id, subject: nil, subjectKind: .repository, status: failed ? .fail : .pass, anchor: nil))
        }
        return (findings + meta, controls)
    }

    private func add(_ list: inout [Finding], _ id: String, _ message: String, at location: Anchor, anchor: String) {
        guard ranRules.contains(id), let description = descriptions[id],
              let level = project.policy.effectiveLevel(for: description, subject: .repository, violationLevel: nil) else { return }
        list.append(Finding(ruleID: id, level: level, message: message, location: location, system: nil, anchor: anchor))
    }

    /// Today's date as YYYY-MM-DD in UTC, or `AIMSLINT_TODAY` when set (reproducible reports and tests).
    public static func today() -> String {
        if let fixed = ProcessInfo.processInfo.environment["AIMSLINT_TODAY"], WaiverDecoder.isISODate(fixed) { return fixed }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
