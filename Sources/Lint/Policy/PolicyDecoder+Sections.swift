import Catalog
import Documents

extension PolicyDecoder {
    mutating func decodeSystems(_ node: YAMLNode) -> [SystemDeclaration] {
        guard let items = node.array else {
            report("systems must be a list of systems (`- id: …`)", node.location)
            return []
        }
        var seen: Set<String> = []
        var result: [SystemDeclaration] = []
        for item in items {
            guard let pairs = item.pairs else {
                report("each system must be a mapping with id, root and stage", item.location)
                continue
            }
            checkKeys(pairs, allowed: ["id", "root", "stage", "risk", "continuous_learning", "owner", "artifacts"], context: "a system")
            let id = decodeID(item, context: "a system", seen: &seen)
            let root = decodeRoot(item, context: "system '\(id ?? "?")'")
            var stage = LifecycleStage.designAndDevelopment
            var stageAnchor: Anchor?
            if let value = item["stage"] {
                stageAnchor = anchor(value.location)
                if let text = value.string, let parsed = LifecycleStage(rawValue: text) { stage = parsed }
                else {
                    let names = LifecycleStage.allCases.map(\.rawValue).joined(separator: " | ")
                    report("unknown stage '\(value.string ?? "?")'; ISO/IEC 22989 stages are: \(names)", value.location)
                }
            }
            var risk = RiskLevel.minimal
            if let value = item["risk"] {
                if let text = value.string, let parsed = RiskLevel(rawValue: text) { risk = parsed }
                else { report("risk must be one of minimal, limited, high", value.location) }
            }
            var learning = false
            if let value = item["continuous_learning"] {
                if let flag = value.bool { learning = flag }
                else { report("continuous_learning must be true or false", value.location) }
            }
            var owner: String?
            if let value = item["owner"] {
                if let text = value.string, value.pairs == nil, value.array == nil { owner = text }
                else { report("owner must be a string", value.location) }
            }
            let artifacts = item["artifacts"].map { decodeArtifactPaths($0) } ?? [:]
            if let id, let root {
                result.append(SystemDeclaration(id: id, root: root, stage: stage, risk: risk, continuousLearning: learning,
                                                owner: owner, artifacts: artifacts,
                                                declaration: anchor(item["id"]?.location ?? item.location),
                                                stageDeclaration: stageAnchor))
            }
        }
        return result
    }

    mutating func decodeArtifactPaths(_ node: YAMLNode) -> [ArtifactKind: String] {
        guard let pairs = node.pairs else {
            report("artifacts must map an artifact kind to a path", node.location)
            return [:]
        }
        var result: [ArtifactKind: String] = [:]
        for pair in pairs {
            guard let name = pair.key.string, let kind = ArtifactKind(rawValue: name) else {
                let kinds = ArtifactKind.allCases.map(\.rawValue).joined(separator: ", ")
                report("unknown artifact kind '\(pair.key.string ?? "?")'; known kinds: \(kinds)", pair.key.location)
                continue
            }
            guard let path = pair.value.string, PathMath.isCleanRelative(path), path != "." else {
                report("the path for \(name) must be a relative file path inside the repository", pair.value.location)
                continue
            }
            result[kind] = path
        }
        return result
    }

    mutating func decodeDatasets(_ node: YAMLNode) -> [DatasetDeclaration] {
        guard let items = node.array else {
            report("datasets must be a list of datasets (`- id: …`)", node.location)
            return []
        }
        var seen: Set<String> = []
        var result: [DatasetDeclaration] = []
        for item in items {
            guard let pairs = item.pairs else {
                report("each dataset must be a mapping with id and root", item.location)
                continue
            }
            checkKeys(pairs, allowed: ["id", "root", "owner"], context: "a dataset")
            let id = decodeID(item, context: "a dataset", seen: &seen)
            let root = decodeRoot(item, context: "dataset '\(id ?? "?")'")
            if let id, let root {
                result.append(DatasetDeclaration(id: id, root: root, declaration: anchor(item["id"]?.location ?? item.location)))
            }
        }
        return result
    }

    mutating func decodeRules(_ node: YAMLNode) -> [String: RuleSetting] {
        guard let pairs = node.pairs else {
            report("rules must map rule ids to `off`, a level, or `{ level: … }`", node.location)
            return [:]
        }
        var result: [String: RuleSetting] = [:]
        for pair in pairs {
            guard let id = pair.key.string, knownRuleIDs.contains(id) else {
                report("unknown rule id '\(pair.key.string ?? "?")'; `aimslint rules` lists them", pair.key.location)
                continue
            }
            if let setting = decodeSetting(pair.value) { result[id] = setting }
        }
        return result
    }

    private mutating func decodeSetting(_ value: YAMLNode) -> RuleSetting? {
        if case .bool(false) = value.value { return .off }
        if let text = value.string, value.pairs == nil {
            if text == "off" { return .off }
            if let level = Level(rawValue: text) { return .level(level) }
            report("a rule setting must be off, error, warning or note (got '\(text)')", value.location)
            return nil
        }
        if let pairs = value.pairs {
            checkKeys(pairs, allowed: ["level"], context: "a rule setting")
            guard let level = value["level"] else {
                report("a rule setting mapping needs `level`", value.location)
                return nil
            }
            return decodeSetting(level)
        }
        report("a rule setting must be off, a level, or `{ level: … }`", value.location)
        return nil
    }

    mutating func decodePaths(_ node: YAMLNode) -> [Glob] {
        guard let pairs = node.pairs else {
            report("paths must be a mapping with `exclude`", node.location)
            return []
        }
        checkKeys(pairs, allowed: ["exclude"], context: "paths")
        guard let exclude = node["exclude"] else { return [] }
        return stringList(exclude, what: "paths.exclude").map(Glob.init)
    }
}
