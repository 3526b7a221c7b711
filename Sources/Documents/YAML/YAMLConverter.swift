import Yams

/// Turns a Yams node tree (with aliases shielded, see `AliasShield`) into `YAMLNode`s, expanding
/// aliases against the node budget and enforcing the nesting limit.
struct YAMLConverter {
    /// A converted node with its size (nodes, itself included) and height (collection levels:
    /// 0 for a scalar, 1 for a flat list).
    struct Converted {
        let node: YAMLNode
        let size: Int
        let height: Int
    }

    let shield: AliasShield
    let lineOffset: Int
    let lines: YAMLLineMap
    private var anchors: [String: Converted] = [:]
    private var expandedNodes = 0

    init(shield: AliasShield, lineOffset: Int, lines: YAMLLineMap) {
        self.shield = shield
        self.lineOffset = lineOffset
        self.lines = lines
    }

    private func location(_ mark: Mark?) -> SourceLocation { YAMLDocument.shifted(mark, lineOffset, lines) }

    private func tooDeep(_ mark: Mark?) -> ParseProblem {
        ParseProblem(kind: .tooDeep,
                     message: "YAML nests deeper than \(DocumentLimits.maxNestingDepth) levels",
                     location: location(mark))
    }

    /// `enclosing` counts the collections around `node`. Only collections count as levels, as in
    /// JSON; recursion stops at `maxNestingDepth` before going any deeper.
    mutating func convert(_ node: Node, enclosing: Int) throws -> Converted {
        if case .scalar = node {} else if case .alias = node {} else {
            guard enclosing < DocumentLimits.maxNestingDepth else { throw tooDeep(node.mark) }
        }
        let converted: Converted
        let anchor: Anchor?
        switch node {
        case let .scalar(scalar):
            if scalar.style == .plain || scalar.style == .any, let name = shield.aliasName(scalar.string) {
                return try expandAlias(name, mark: scalar.mark, enclosing: enclosing)
            }
            converted = Converted(node: scalarNode(scalar), size: 1, height: 0)
            anchor = scalar.anchor
        case let .sequence(sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            var size = 1, height = 1
            for item in sequence {
                let child = try convert(item, enclosing: enclosing + 1)
                items.append(child.node)
                size += child.size
                height = max(height, child.height + 1)
            }
            converted = Converted(node: YAMLNode(value: .sequence(items), location: location(sequence.mark)),
                                  size: size, height: height)
            anchor = sequence.anchor
        case let .mapping(mapping):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(mapping.count)
            var size = 1, height = 1
            for (key, value) in mapping {
                let convertedKey = try convert(key, enclosing: enclosing + 1)
                let convertedValue = try convert(value, enclosing: enclosing + 1)
                pairs.append(YAMLPair(key: convertedKey.node, value: convertedValue.node))
                size += convertedKey.size + convertedValue.size
                height = max(height, convertedKey.height + 1, convertedValue.height + 1)
            }
            converted = Converted(node: YAMLNode(value: .mapping(pairs), location: location(mapping.mark)),
                                  size: size, height: height)
            anchor = mapping.anchor
        case let .alias(alias):
            // Only reachable when shielding was impossible; expand the same way.
            return try expandAlias(alias.anchor.rawValue, mark: alias.mark, enclosing: enclosing)
        }
        if let anchor { anchors[anchor.rawValue] = converted }
        return converted
    }

    /// An alias becomes a copy of its anchored node (sharing storage, so memory stays flat) whose
    /// top carries the alias' location; its full size is charged to the expansion budget.
    private mutating func expandAlias(_ name: String, mark: Mark?, enclosing: Int) throws -> Converted {
        guard let target = anchors[name] else {
            throw ParseProblem(kind: .yaml, message: "invalid YAML: alias '*\(name)' names no earlier anchor",
                               location: location(mark))
        }
        guard enclosing + target.height <= DocumentLimits.maxNestingDepth else { throw tooDeep(mark) }
        expandedNodes += target.size
        guard expandedNodes <= DocumentLimits.maxYAMLNodes else {
            throw ParseProblem(
                kind: .aliasExpansion,
                message: "YAML aliases expand to more than \(DocumentLimits.maxYAMLNodes) nodes; "
                    + "this looks like an alias bomb",
                location: location(mark))
        }
        let copy = YAMLNode(value: target.node.value, location: location(mark), scalarText: target.node.scalarText)
        return Converted(node: copy, size: target.size, height: target.height)
    }

    private func scalarNode(_ scalar: Node.Scalar) -> YAMLNode {
        let text = shield.restore(scalar.string)
        let value: YAMLValue
        switch scalar.style {
        case .plain, .any:
            value = scalar.tag.rawValue == Tag.Name.str.rawValue ? .string(text) : YAMLScalar.resolve(plain: text)
        case .singleQuoted, .doubleQuoted, .literal, .folded:
            value = .string(text)
        }
        return YAMLNode(value: value, location: location(scalar.mark), scalarText: text)
    }
}

/// How a plain scalar is typed: the YAML 1.2 core schema, except that booleans are only the
/// `true`/`false` spellings (so `yes`/`no`/`on`/`off` stay strings, as in YAML 1.2) and dates stay strings.
enum YAMLScalar {
    static func resolve(plain text: String) -> YAMLValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        if let number = integer(text) { return .int(number) }
        if isFloat(text), let number = Double(text) { return .double(number) }
        return .string(text)
    }

    private static func integer(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        if text.hasPrefix("0x"), scalars.count > 2 { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o"), scalars.count > 2 { return Int(text.dropFirst(2), radix: 8) }
        var digits = Substring(text)
        if let sign = digits.first, sign == "-" || sign == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        return Int(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            var count = 0
            while let first = scalars.first, first >= "0" && first <= "9" { scalars = scalars.dropFirst(); count += 1 }
            return count
        }
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let whole = digits()
        var fraction = 0
        if scalars.first == "." { scalars = scalars.dropFirst(); fraction = digits() }
        guard whole > 0 || fraction > 0 else { return false }
        if let first = scalars.first, first == "e" || first == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return scalars.isEmpty
    }
}
