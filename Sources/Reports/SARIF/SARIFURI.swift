/// URIs in SARIF: repository-relative file paths, and the repository's own address.
public enum SARIFURI {
    /// RFC 3986 unreserved characters; with '/', the only ones a path keeps as they are.
    static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    /// A repository path as a relative URI reference: every byte of its UTF-8 form other than an
    /// unreserved character or '/' is percent-encoded ("my model/données.md" becomes
    /// "my%20model/donn%C3%A9es.md"). ':' is encoded too, so a first segment can never be read as
    /// a scheme.
    public static func encodePath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            if unreserved.contains(byte) || byte == UInt8(ascii: "/") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hexByte(byte)
            }
        }
        return out
    }

    /// Reverses `encodePath` (nil when an escape is malformed or the bytes are not UTF-8).
    public static func decodePath(_ uri: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(uri.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Whether `uri` is what `encodePath` makes: relative, no scheme, only unreserved
    /// characters, '/' and well-formed escapes.
    public static func isEncodedRelativePath(_ uri: String) -> Bool {
        let bytes = Array(uri.utf8)
        guard !bytes.isEmpty, bytes[0] != UInt8(ascii: "/") else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard unreserved.contains(byte) || byte == UInt8(ascii: "/") else { return false }
            index += 1
        }
        return true
    }

    /// The repository address as an absolute URI without credentials, or nil when it has none.
    ///
    /// The caller strips credentials already (GitKit's `CredentialRedaction`); this drops any user
    /// information again before it can reach a report, turns scp-like `git@host:org/repo` into
    /// `ssh://git@host/org/repo` (the only user kept, as it is never a secret), turns an absolute
    /// local path into a `file://` URI, and percent-encodes characters a URI cannot hold.
    public static func repositoryURI(_ remote: String) -> String? {
        let trimmed = remote.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        if let schemeEnd = trimmed.range(of: "://") {
            let scheme = String(trimmed[..<schemeEnd.lowerBound]).lowercased()
            guard isScheme(scheme) else { return nil }
            var rest = Substring(trimmed[schemeEnd.upperBound...])
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            var authority = rest[..<authorityEnd]
            let tail = rest[authorityEnd...]
            if let at = authority.lastIndex(of: "@") {
                let user = authority[..<at]
                let keepsUser = scheme.hasPrefix("ssh") && user == "git"
                authority = keepsUser ? authority : authority[authority.index(after: at)...]
            }
            rest = authority + tail
            return scheme + "://" + escapeForURI(String(rest))
        }
        if trimmed.hasPrefix("/") { return "file://" + encodePath(trimmed) }
        // scp-like: [user[:secret]@]host:path. The user part ends at the last '@' before the
        // first '/', provided a ':' follows it (the one that separates host and path).
        let beforeSlash = trimmed.prefix { $0 != "/" }
        var user: Substring = ""
        var rest = Substring(trimmed)
        if let at = beforeSlash.lastIndex(of: "@"), trimmed[trimmed.index(after: at)...].contains(":") {
            user = trimmed[..<at]
            rest = trimmed[trimmed.index(after: at)...]
        }
        guard let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") else { return nil }
        let host = (user == "git" ? "git@" : "") + rest[..<colon]
        guard !rest[..<colon].isEmpty else { return nil }
        var path = String(rest[rest.index(after: colon)...])
        if !path.hasPrefix("/") { path = "/" + path }
        return "ssh://" + escapeForURI(String(host)) + escapeForURI(path)
    }

    /// Percent-encodes what may not appear in a URI (spaces, controls, non-ASCII, quotes…),
    /// keeping reserved characters and existing escapes as they are.
    static func escapeForURI(_ text: String) -> String {
        let allowed = Set(Array(":/?#[]@!$&'()*+,;=%".utf8))
        var out = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) || allowed.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hexByte(byte)
            }
        }
        return out
    }

    static func isScheme(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
