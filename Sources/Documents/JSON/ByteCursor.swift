/// Walks UTF-8 bytes while keeping the 1-based line and scalar column of the current byte, and
/// reads JSON tokens (strings, numbers, literals) from there.
struct ByteCursor {
    let bytes: [UInt8]
    private(set) var offset = 0
    private(set) var line = 1
    private(set) var column = 1

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset >= bytes.count }
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }
    var location: SourceLocation { SourceLocation(line: line, column: column) }

    mutating func skipBOM() { offset = 3 }

    mutating func advance() {
        guard offset < bytes.count else { return }
        let byte = bytes[offset]
        offset += 1
        if byte == 0x0A {
            line += 1; column = 1
        } else if byte == 0x0D {
            if offset >= bytes.count || bytes[offset] != 0x0A { line += 1; column = 1 }
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    func problem(_ message: String, at location: SourceLocation? = nil) -> ParseProblem {
        ParseProblem(kind: .json, message: message, location: location ?? self.location)
    }

    /// The current character for a message: `'x'`, `U+00E9`, or `end of input`.
    func describeCurrent() -> String {
        guard let byte = current else { return "end of input" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        var end = offset + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first
        let hex = String(scalar?.value ?? UInt32(byte), radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    mutating func expectLiteral(_ word: String) throws {
        let start = location
        for expected in word.utf8 {
            guard current == expected else {
                throw problem("invalid literal: expected '\(word)'", at: start)
            }
            advance()
        }
    }

    /// Reads a string starting at its opening quote.
    mutating func parseString() throws -> String {
        let start = location
        advance()
        var buffer: [UInt8] = []
        while true {
            guard let byte = current else {
                throw problem("string is never closed", at: start)
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &buffer)
            case 0x00..<0x20:
                throw problem("control character \(describeCurrent()) inside a string; escape it")
            default:
                buffer.append(byte)
                advance()
            }
        }
    }

    private mutating func readEscape(into buffer: inout [UInt8]) throws {
        let start = location
        advance()
        guard let byte = current else { throw problem("string is never closed", at: start) }
        if let replacement = Self.simpleEscape(byte) {
            buffer.append(replacement)
            advance()
            return
        }
        guard byte == UInt8(ascii: "u") else { throw problem("invalid escape '\\\(describeCurrent())'", at: start) }
        advance()
        var value = try readHex4(escapeStart: start)
        if (0xD800...0xDBFF).contains(value) {
            guard current == UInt8(ascii: "\\") else { throw problem("unpaired surrogate escape", at: start) }
            advance()
            guard current == UInt8(ascii: "u") else { throw problem("unpaired surrogate escape", at: start) }
            advance()
            let low = try readHex4(escapeStart: start)
            guard (0xDC00...0xDFFF).contains(low) else { throw problem("unpaired surrogate escape", at: start) }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(value) {
            throw problem("unpaired surrogate escape", at: start)
        }
        guard let scalar = Unicode.Scalar(value) else { throw problem("invalid \\u escape", at: start) }
        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func readHex4(escapeStart: SourceLocation) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw problem("\\u must be followed by four hex digits", at: escapeStart)
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func simpleEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""): return 0x22
        case UInt8(ascii: "\\"): return 0x5C
        case UInt8(ascii: "/"): return 0x2F
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func parseNumber() throws -> Double {
        let start = location
        let startOffset = offset
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if current == UInt8(ascii: "-") { advance() }
        guard isDigit(current) else { throw problem("expected a digit in number, found \(describeCurrent())") }
        if current == UInt8(ascii: "0") {
            advance()
            if isDigit(current) { throw problem("numbers must not have leading zeros", at: start) }
        } else {
            while isDigit(current) { advance() }
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard isDigit(current) else { throw problem("expected a digit after '.', found \(describeCurrent())") }
            while isDigit(current) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard isDigit(current) else { throw problem("expected a digit in the exponent, found \(describeCurrent())") }
            while isDigit(current) { advance() }
        }
        let literal = String(decoding: bytes[startOffset..<offset], as: UTF8.self)
        guard let number = Double(literal), number.isFinite else {
            throw problem("number \(literal) is out of range", at: start)
        }
        return number
    }
}
