/// A YAML value. Only plain `true`/`false` (any of `true True TRUE false False FALSE`) are booleans;
/// YAML 1.1 words such as `yes`, `no`, `on`, `off` stay strings, and quoted scalars are always strings.
public indirect enum YAMLValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
}

/// One entry of a YAML mapping, in document order.
public struct YAMLPair: Hashable, Sendable {
    public let key: YAMLNode
    public let value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A YAML value with the location of its first character. An expanded alias keeps the location
/// of the alias (`*name`) at its top; nodes inside it keep the anchored original's locations.
public struct YAMLNode: Hashable, Sendable {
    public let value: YAMLValue
    public let location: SourceLocation
    /// A scalar exactly as written (without quotes), so `1.10` or `0x1F` can be read back
    /// verbatim; nil for collections.
    public let scalarText: String?

    public init(value: YAMLValue, location: SourceLocation, scalarText: String? = nil) {
        self.value = value
        self.location = location
        self.scalarText = scalarText
    }

    /// The value of the first pair whose key reads as `key` (see `string`); nil when this is not a mapping.
    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    /// The first pair whose key reads as `key`, so rules can point at the key's location.
    public func pair(forKey key: String) -> YAMLPair? {
        guard case let .mapping(pairs) = value else { return nil }
        return pairs.first { $0.key.string == key }
    }

    /// Scalars as text: strings as they are, numbers and booleans as written; nil for null and collections.
    public var string: String? {
        switch value {
        case let .string(text): return text
        case .bool, .int, .double: return scalarText
        case .null, .sequence, .mapping: return nil
        }
    }

    public var bool: Bool? {
        if case let .bool(flag) = value { return flag }
        return nil
    }

    public var int: Int? {
        if case let .int(number) = value { return number }
        return nil
    }

    public var double: Double? {
        switch value {
        case let .double(number): return number
        case let .int(number): return Double(number)
        default: return nil
        }
    }

    public var isNull: Bool { value == .null }

    public var array: [YAMLNode]? {
        if case let .sequence(items) = value { return items }
        return nil
    }

    public var pairs: [YAMLPair]? {
        if case let .mapping(pairs) = value { return pairs }
        return nil
    }

    /// A scalar or a sequence of scalars as a list of strings (`tags: x` and `tags: [x, y]` alike).
    public var strings: [String]? {
        if let items = array { return items.compactMap(\.string) }
        return string.map { [$0] }
    }
}
