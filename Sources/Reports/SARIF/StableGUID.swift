import Lint

/// GUIDs derived from content, so the same input gives the same SARIF bytes.
///
/// SHA-256 over the parts (NUL-separated, after a fixed namespace), cut to 128 bits and laid
/// out as a name-based UUID (version 5 bits, RFC 4122 variant) so that SARIF's GUID pattern
/// accepts it. It is not RFC 4122's SHA-1 construction and does not claim to be.
public enum StableGUID {
    public static func make(_ parts: [String]) -> String {
        var bytes = Array(SHA256.digest(Array((["aimslint-guid"] + parts).joined(separator: "\u{0}").utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte -> String in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }
}
