import Catalog
import Documents

/// Decodes `.aims/config.yml` strictly: unknown keys, unknown rule ids, unknown stages, bad paths
/// and wrong types are problems with a line and column — never a silent fallback to defaults.
public struct PolicyDecoder {
    public let knownRuleIDs: Set<String>
    let path = Policy.configPath
    private var problems: [PolicyProblem] = []

    public init(knownRuleIDs: Set<String>) {
        self.knownRuleIDs = knownRuleIDs
    }

    /// Decodes the config text. The result always holds a usable policy; its `problems` say what was wrong.
    public static func decode(_ text: String, knownRuleIDs: Set<String>) -> Policy {
        var decoder = PolicyDecoder(knownRuleIDs: knownRuleIDs)
        return decoder.run(text)
    }

    private mutating func run(_ text: String) -> Policy {
        let root: YAMLNode
        switch YAMLDocument.parse(text) {
        case .failure(let problem):
            return Policy(exists: true, problems: [PolicyProblem("config is not valid YAML: \(problem.message)", at: anchor(problem.location))])
        case .success(nil):
            return Policy(exists: true, problems: [PolicyProblem("config is empty; it needs at least `version: 1`", at: Anchor(path: path, line: 1))])
        case .success(let node?):
            root = node
        }
        guard let pairs = root.pairs else {
            return Policy(exists: true, problems: [PolicyProblem("config must be a mapping of keys to values", at: anchor(root.location))])
        }
        let allowed = ["version", "systems", "datasets", "rules", "paths", "fail_on", "review_period_days", "terms"]
        checkKeys(pairs, allowed: allowed, context: "the config")
        var systems: [SystemDeclaration] = []
        var datasets: [DatasetDeclaration] = []
        var settings: [String: RuleSetting] = [:]
        var excludes: [Glob] = []
        var failOn: FailThreshold?
        var reviewDays = Policy.defaultReviewPeriodDays
        var terms: [String] = []
        if let version = root["version"] {
            if version.int != 1 { report("unsupported config version '\(version.string ?? "?")'; this aimslint reads version 1", version.location) }
        } else {
            report("missing `version: 1` at the top of the config", root.location)
        }
        if let node = root["systems"] { systems = decodeSystems(node) }
        if let node = root["datasets"] { datasets = decodeDatasets(node) }
        if let node = root["rules"] { settings = decodeRules(node) }
        if let node = root["paths"] { excludes = decodePaths(node) }
        if let node = root["fail_on"] {
            if let value = node.string, let threshold = FailThreshold(rawValue: value) { failOn = threshold }
            else { report("fail_on must be one of error, warning, note, none", node.location) }
        }
        if let node = root["review_period_days"] {
            if let days = node.int, days > 0 { reviewDays = days }
            else { report("review_period_days must be a positive whole number of days", node.location) }
        }
        if let node = root["terms"] { terms = stringList(node, what: "terms") }
        let ids = Set(systems.map(\.id))
        for dataset in datasets where ids.contains(dataset.id) {
            report("dataset id '\(dataset.id)' is also a system id; ids must be unique", dataset.declaration.range.start)
        }
        return Policy(exists: true, systems: systems, datasets: datasets, ruleSettings: settings, excludes: excludes,
                      failOn: failOn, reviewPeriodDays: reviewDays, acceptedTerms: terms, problems: problems)
    }

    func anchor(_ location: SourceLocation) -> Anchor {
        Anchor(path: path, range: SourceRange(start: location, end: location))
    }

    mutating func report(_ message: String, _ location: SourceLocation) {
        problems.append(PolicyProblem(message, at: anchor(location)))
    }

    mutating func checkKeys(_ pairs: [YAMLPair], allowed: [String], context: String) {
        var seen: Set<String> = []
        for pair in pairs {
            guard let key = pair.key.string else {
                report("keys in \(context) must be plain words", pair.key.location)
                continue
            }
            if !allowed.contains(key) {
                report("unknown key '\(key)' in \(context); expected one of: \(allowed.joined(separator: ", "))", pair.key.location)
            }
            if !seen.insert(key).inserted { report("key '\(key)' appears twice in \(context)", pair.key.location) }
        }
    }

    mutating func stringList(_ node: YAMLNode, what: String) -> [String] {
        guard let items = node.array else {
            report("\(what) must be a list", node.location)
            return []
        }
        return items.compactMap { item in
            if let text = item.string, case .string = item.value { return text }
            report("\(what) entries must be strings", item.location)
            return nil
        }
    }

    mutating func requiredString(_ node: YAMLNode, _ key: String, context: String) -> String? {
        guard let value = node[key] else {
            report("\(context) needs `\(key)`", node.location)
            return nil
        }
        guard let text = value.string, !text.isEmpty, value.pairs == nil, value.array == nil else {
            report("`\(key)` in \(context) must be a non-empty string", value.location)
            return nil
        }
        return text
    }

    mutating func decodeRoot(_ node: YAMLNode, context: String) -> String? {
        guard let root = requiredString(node, "root", context: context) else { return nil }
        guard PathMath.isCleanRelative(root) else {
            report("root '\(root)' in \(context) must be a relative folder inside the repository (no '..', no leading '/')", node["root"]?.location ?? node.location)
            return nil
        }
        return PathMath.normalizedRoot(root)
    }

    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "." || $0 == "_" || $0 == "-" }
    }

    mutating func decodeID(_ node: YAMLNode, context: String, seen: inout Set<String>) -> String? {
        guard let id = requiredString(node, "id", context: context) else { return nil }
        guard PolicyDecoder.isValidID(id) else {
            report("id '\(id)' must start with a letter or digit and use only letters, digits, '.', '_' and '-'", node["id"]?.location ?? node.location)
            return nil
        }
        if !seen.insert(id).inserted {
            report("id '\(id)' is declared twice", node["id"]?.location ?? node.location)
            return nil
        }
        return id
    }
}
