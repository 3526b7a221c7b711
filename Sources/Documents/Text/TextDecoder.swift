import Foundation

/// Turns the bytes of a file into text, or says precisely why it cannot: too large, binary,
/// UTF-16, or invalid UTF-8 (with the line and column of the first bad byte). A UTF-8 byte-order
/// mark is dropped; line endings are kept as they are (`\r\n` counts as one line break).
public enum TextDecoder {
    public static func decode(_ data: Data) -> Result<String, ParseProblem> {
        if data.count > DocumentLimits.maxBytes {
            return .failure(ParseProblem(
                kind: .tooLarge,
                message: "file is \(data.count) bytes, over the \(DocumentLimits.maxBytes / (1024 * 1024)) MiB "
                    + "limit for documents; split it or keep it out of the artifact paths",
                location: .start))
        }
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .failure(ParseProblem(
                kind: .invalidUTF8, message: "file is UTF-16 encoded; save it as UTF-8", location: .start))
        }
        if bytes.prefix(DocumentLimits.binarySniffBytes).contains(0) {
            return .failure(ParseProblem(
                kind: .binary, message: "file contains NUL bytes and looks binary, not text", location: .start))
        }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let body = hasBOM ? bytes[3...] : bytes[...]
        if let bad = firstInvalidUTF8(body) {
            return .failure(ParseProblem(
                kind: .invalidUTF8,
                message: "invalid UTF-8 byte 0x\(String(bad.byte, radix: 16, uppercase: true)); save the file as UTF-8",
                location: bad.location))
        }
        return .success(String(decoding: body, as: UTF8.self))
    }

    /// Like `decode`, but first recognises a Git LFS pointer (`.lfsPointer` at 1:1), which is what
    /// an artifact path holds when the real file lives in LFS storage.
    public static func decodeArtifact(_ data: Data) -> Result<String, ParseProblem> {
        if LFSPointer.isPointer(data) {
            return .failure(ParseProblem(
                kind: .lfsPointer,
                message: "file is a Git LFS pointer; the document itself is not in the repository",
                location: .start))
        }
        return decode(data)
    }

    /// The first byte that breaks UTF-8 (overlong forms, surrogates and values past U+10FFFF
    /// included), with its location counted in scalars.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (byte: UInt8, location: SourceLocation)? {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else {
                return (byte, SourceLocation(line: line, column: column))
            }
            if byte == 0x0A {
                line += 1; column = 1
            } else if byte == 0x0D {
                if index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
                line += 1; column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }

    /// Length of the well-formed UTF-8 sequence at `index`, or 0 when it is ill-formed
    /// (Unicode Table 3-7).
    private static func sequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.endIndex && range.contains(bytes[index + offset])
        }
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}

/// Recognises Git LFS pointer files (the small text stub git stores in place of an LFS object).
public enum LFSPointer {
    /// Pointer files are tiny; the LFS spec caps them well under this.
    static let maxPointerBytes = 1024

    public static func isPointer(_ data: Data) -> Bool {
        guard data.count <= maxPointerBytes, let first = data.first else { return false }
        // Most small documents start with something else: a pointer's first line is "version …",
        // after blank lines or spaces at most (anything non-ASCII takes the full check).
        switch first {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "v"), 0x80...: break
        default: return false
        }
        guard let text = String(data: data, encoding: .utf8) else { return false }
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let first = lines.first else { return false }
        let versions = ["version https://git-lfs.github.com/spec/v1", "version https://hawser.github.com/spec/v1"]
        guard versions.contains(String(first).trimmingCharacters(in: .whitespaces)) else { return false }
        return lines.contains { $0.hasPrefix("oid ") } && lines.contains { $0.hasPrefix("size ") }
    }
}
