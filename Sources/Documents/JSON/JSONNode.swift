/// A JSON value (RFC 8259). Numbers are `Double`s; object members keep document order and
/// duplicates (a rule may want to flag them).
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
}

/// One member of a JSON object, with where its key is written (the opening quote).
public struct JSONMember: Hashable, Sendable {
    public let key: String
    public let keyLocation: SourceLocation
    public let value: JSONNode

    public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A JSON value with the location of its first character.
public struct JSONNode: Hashable, Sendable {
    public let value: JSONValue
    public let location: SourceLocation

    public init(value: JSONValue, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The value of the first member named `key`; nil when this is not an object or has no such member.
    public subscript(key: String) -> JSONNode? {
        member(key)?.value
    }

    /// The first member named `key`, so a rule can point at the key.
    public func member(_ key: String) -> JSONMember? {
        guard case let .object(members) = value else { return nil }
        return members.first { $0.key == key }
    }

    public var string: String? {
        if case let .string(text) = value { return text }
        return nil
    }

    public var number: Double? {
        if case let .number(number) = value { return number }
        return nil
    }

    public var bool: Bool? {
        if case let .bool(flag) = value { return flag }
        return nil
    }

    public var isNull: Bool { value == .null }

    public var array: [JSONNode]? {
        if case let .array(items) = value { return items }
        return nil
    }

    public var members: [JSONMember]? {
        if case let .object(members) = value { return members }
        return nil
    }
}
