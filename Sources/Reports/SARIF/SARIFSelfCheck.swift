import Foundation

/// Checks a SARIF log for what the JSON schema cannot see: references that must agree, values
/// that must be all-or-none per run, URIs and regions that must make sense.
///
/// Tests run it on every SARIF file they write (after decoding it back from JSON, so it checks
/// the bytes, not the values that were meant), and CI's `scripts/validate-sarif.sh` adds the
/// schema on top. Each problem is one line naming where it is.
public enum SARIFSelfCheck {
    static let precisions: Set<String> = ["very-high", "high", "medium", "low"]
    static let severities: Set<String> = ["error", "warning", "recommendation"]
    static let kinds: Set<String> = ["pass", "open", "informational", "notApplicable", "review", "fail"]
    static let baselineStates: Set<String> = ["new", "unchanged", "updated", "absent"]

    /// Decodes the JSON, then checks it; a file that does not decode is one problem.
    public static func problems(inJSON data: Data) -> [String] {
        do {
            return problems(in: try JSONDecoder().decode(SARIF.Log.self, from: data))
        } catch {
            return ["the file does not decode as aimslint's SARIF: \(error)"]
        }
    }

    public static func problems(in log: SARIF.Log) -> [String] {
        var problems: [String] = []
        if log.version != "2.1.0" { problems.append("version is \(log.version), not 2.1.0") }
        if log.schema != SARIF.schemaURI { problems.append("$schema is not the errata01 schema URI") }
        for (index, run) in log.runs.enumerated() {
            problems += check(run).map { "runs[\(index)]: \($0)" }
        }
        return problems
    }

    static func check(_ run: SARIF.Run) -> [String] {
        var problems = checkRules(run)
        let rules = run.tool.driver.rules ?? []
        let baseIds = Set((run.originalUriBaseIds ?? [:]).keys)
        var guids = Set<String>()
        for (index, result) in run.results.enumerated() {
            let here = "results[\(index)] (\(result.ruleId))"
            if result.ruleIndex < 0 || result.ruleIndex >= rules.count {
                problems.append("\(here): ruleIndex \(result.ruleIndex) is outside the \(rules.count) rules")
            } else if rules[result.ruleIndex].id != result.ruleId {
                problems.append("\(here): ruleIndex \(result.ruleIndex) names \(rules[result.ruleIndex].id)")
            }
            if !rules.contains(where: { $0.id == result.ruleId }) { problems.append("\(here): ruleId is not among the rules") }
            if !kinds.contains(result.kind) { problems.append("\(here): unknown kind \(result.kind)") }
            if (result.kind == "fail") == (result.level == .none) {
                problems.append("\(here): kind \(result.kind) with level \(result.level.rawValue)")
            }
            if let state = result.baselineState, !baselineStates.contains(state) { problems.append("\(here): baselineState \(state)") }
            if let guid = result.guid, !guids.insert(guid).inserted { problems.append("\(here): guid \(guid) repeats") }
            if result.kind == "fail" {
                let fingerprint = result.partialFingerprints?["aimslint/v1"] ?? ""
                if fingerprint.count != 64 || !fingerprint.allSatisfy(\.isHexDigit) { problems.append("\(here): no aimslint/v1 fingerprint") }
                if (result.locations ?? []).isEmpty { problems.append("\(here): a failure without a location") }
            }
            if let hash = result.partialFingerprints?["primaryLocationLineHash"], !isLineHash(hash) {
                problems.append("\(here): primaryLocationLineHash \(hash) is not hex:N")
            }
            for location in result.locations ?? [] { problems += checkLocation(location, baseIds: baseIds).map { "\(here): \($0)" } }
            for suppression in result.suppressions ?? [] {
                if let location = suppression.location { problems += checkLocation(location, baseIds: baseIds).map { "\(here) suppression: \($0)" } }
            }
        }
        problems += allOrNone(run.results.map { $0.baselineState != nil }, "baselineState")
        problems += allOrNone(run.results.map { $0.suppressions != nil }, "suppressions")
        if run.baselineGuid != nil && run.results.contains(where: { $0.baselineState == nil }) {
            problems.append("baselineGuid is set but not every result has a baselineState")
        }
        for notification in run.invocations?.first?.toolExecutionNotifications ?? [] {
            if let rule = notification.associatedRule, let index = rule.index, index >= rules.count || rules[index].id != rule.id {
                problems.append("notification names rule \(rule.id ?? "?") at index \(index), which disagrees")
            }
            for location in notification.locations ?? [] { problems += checkLocation(location, baseIds: baseIds).map { "notification: \($0)" } }
        }
        for details in run.versionControlProvenance ?? [] where hasCredentials(details.repositoryUri) {
            problems.append("repositoryUri carries credentials")
        }
        return problems
    }

    static func checkRules(_ run: SARIF.Run) -> [String] {
        var problems: [String] = []
        let rules = run.tool.driver.rules ?? []
        if rules.isEmpty { problems.append("tool.driver.rules is empty") }
        var ids = Set<String>()
        let taxonomies = run.taxonomies ?? []
        for rule in rules {
            if !ids.insert(rule.id).inserted { problems.append("rule id \(rule.id) repeats") }
            if let tags = rule.properties?.tags {
                if tags.count > 10 { problems.append("rule \(rule.id) has \(tags.count) tags (at most 10)") }
                if Set(tags).count != tags.count { problems.append("rule \(rule.id) repeats a tag") }
            }
            if let properties = rule.properties {
                if !precisions.contains(properties.precision) { problems.append("rule \(rule.id): precision \(properties.precision)") }
                if !severities.contains(properties.problemSeverity) { problems.append("rule \(rule.id): problem.severity \(properties.problemSeverity)") }
            }
            for relationship in rule.relationships ?? [] {
                let target = relationship.target
                guard let component = target.toolComponent?.index, component >= 0, component < taxonomies.count,
                      let taxon = target.index, let taxa = taxonomies[component].taxa, taxon >= 0, taxon < taxa.count,
                      taxa[taxon].id == target.id, taxonomies[component].name == target.toolComponent?.name else {
                    problems.append("rule \(rule.id): relationship to \(target.id ?? "?") does not resolve")
                    continue
                }
            }
        }
        return problems
    }

    static func checkLocation(_ location: SARIF.Location, baseIds: Set<String>) -> [String] {
        guard let physical = location.physicalLocation else { return [] }
        var problems: [String] = []
        let artifact = physical.artifactLocation
        if let uri = artifact.uri, !SARIFURI.isEncodedRelativePath(uri) { problems.append("uri \(uri) is not a percent-encoded relative path") }
        if let base = artifact.uriBaseId, !baseIds.contains(base) { problems.append("uriBaseId \(base) is not in originalUriBaseIds") }
        if artifact.uriBaseId == nil { problems.append("uri \(artifact.uri ?? "") has no uriBaseId") }
        if let region = physical.region {
            let valid = region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine && region.endColumn >= 1
                && (region.endLine > region.startLine || region.endColumn >= region.startColumn)
            if !valid {
                problems.append("region \(region.startLine):\(region.startColumn)-\(region.endLine):\(region.endColumn) is not a valid span")
            }
        } else {
            problems.append("location without a region")
        }
        return problems
    }

    static func allOrNone(_ flags: [Bool], _ name: String) -> [String] {
        let count = flags.filter { $0 }.count
        return count == 0 || count == flags.count ? [] : ["\(name) is on \(count) of \(flags.count) results (all or none)"]
    }

    static func isLineHash(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isHexDigit) && Int(parts[1]).map { $0 >= 1 } == true
    }

    /// User information with a secret: "user:pass@", or any user over http(s).
    static func hasCredentials(_ uri: String) -> Bool {
        guard let schemeEnd = uri.range(of: "://") else { return false }
        let rest = uri[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return false }
        let user = authority[..<at]
        return user.contains(":") || uri.lowercased().hasPrefix("http")
    }
}
