import CLibGit2

/// A git object id (SHA-1), held as 40 lowercase hex digits.
///
/// Hex rather than raw bytes because ids travel into reports, caches and fingerprints as text;
/// ordering by hex is the same as ordering by bytes.
public struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// 40 lowercase hex digits.
    public let hex: String

    /// The first 7 hex digits, for messages.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    /// Accepts exactly 40 hex digits in either case; nil for anything else.
    public init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 40, bytes.allSatisfy({ Self.nibble($0) != nil }) else { return nil }
        self.hex = hex.lowercased()
    }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        lhs.hex.utf8.lexicographicallyPrecedes(rhs.hex.utf8)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ObjectID(hex: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "not a 40-digit object id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    /// The id git uses for the empty blob; never treated as a rename source.
    static let emptyBlob = ObjectID(trusted: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")

    private init(trusted hex: String) { self.hex = hex }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Reads libgit2's binary id.
    init(_ oid: git_oid) {
        var text = [UInt8]()
        text.reserveCapacity(40)
        withUnsafeBytes(of: oid.id) { raw in
            for byte in raw {
                text.append(Self.digits[Int(byte >> 4)])
                text.append(Self.digits[Int(byte & 0x0f)])
            }
        }
        hex = String(decoding: text, as: UTF8.self)
    }

    /// Reads libgit2's binary id through a pointer (as most getters return it).
    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// libgit2's binary form. `hex` is validated on construction, so every pair is a byte.
    var oid: git_oid {
        var result = git_oid()
        let text = Array(hex.utf8)
        withUnsafeMutableBytes(of: &result.id) { raw in
            for index in 0..<min(raw.count, text.count / 2) {
                let high = Self.nibble(text[2 * index]) ?? 0
                let low = Self.nibble(text[2 * index + 1]) ?? 0
                raw[index] = high << 4 | low
            }
        }
        return result
    }
}
