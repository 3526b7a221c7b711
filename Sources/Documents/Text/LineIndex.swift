/// Maps UTF-8 byte offsets to 1-based lines and Unicode-scalar columns.
///
/// Parsers below us (cmark, our JSON scanner) count bytes; we report scalars. Converting a column
/// must stay cheap even on a 5 MiB single-line file with many nodes, so the number of UTF-8
/// continuation bytes is recorded every `blockSize` bytes and only the remainder is counted.
struct LineIndex: Sendable {
    let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0]` is line 1. Never empty.
    let lineStarts: [Int]
    /// Byte offset just past each line's content (before its `\n`, `\r\n` or `\r`).
    let lineEnds: [Int]
    /// Continuation bytes before offset `k * blockSize`.
    private let continuationCounts: [Int]
    private static let blockSize = 256

    init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0], ends: [Int] = []
        var counts: [Int] = [0]
        counts.reserveCapacity(bytes.count / Self.blockSize + 1)
        var continuation = 0
        var index = 0
        while index < bytes.count {
            if index > 0 && index % Self.blockSize == 0 { counts.append(continuation) }
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 { continuation += 1 }
            if byte == 0x0A || byte == 0x0D {
                ends.append(index)
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    index += 1
                    if index % Self.blockSize == 0 { counts.append(continuation) }
                }
                starts.append(index + 1)
            }
            index += 1
        }
        ends.append(bytes.count)
        lineStarts = starts
        lineEnds = ends
        continuationCounts = counts
    }

    /// Lines in the text; a final line terminator does not open a new (empty) line.
    var lineCount: Int {
        if bytes.isEmpty { return 0 }
        return lineStarts.last == bytes.count ? lineStarts.count - 1 : lineStarts.count
    }

    /// The bytes of line `n` (1-based) without its terminator; empty when out of range.
    func content(ofLine n: Int) -> ArraySlice<UInt8> {
        guard n >= 1, n <= lineStarts.count else { return [] }
        return bytes[lineStarts[n - 1]..<lineEnds[n - 1]]
    }

    func text(ofLine n: Int) -> String {
        String(decoding: content(ofLine: n), as: UTF8.self)
    }

    /// Continuation bytes in `bytes[0..<offset]`.
    private func continuations(before offset: Int) -> Int {
        let clamped = max(0, min(offset, bytes.count))
        let block = min(clamped / Self.blockSize, continuationCounts.count - 1)
        var count = continuationCounts[block]
        var index = block * Self.blockSize
        while index < clamped {
            if bytes[index] & 0xC0 == 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Continuation bytes in `bytes[start..<end]`: counted directly when near, else from the table.
    private func continuations(from start: Int, to end: Int) -> Int {
        guard end - start > 2 * Self.blockSize else {
            var count = 0
            var index = start
            while index < end {
                if bytes[index] & 0xC0 == 0x80 { count += 1 }
                index += 1
            }
            return count
        }
        return continuations(before: end) - continuations(before: start)
    }

    /// The scalar column of a 1-based byte column on a line. Byte columns past the line's end are
    /// clamped to one past its last character.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        let offset = leadByte(min(start + max(byteColumn, 1) - 1, lineEnds[line - 1]), notBefore: start)
        return (offset - start) - continuations(from: start, to: offset) + 1
    }

    /// Backs up from a continuation byte to the first byte of its character, so a position
    /// inside a multi-byte character reports that character's column.
    private func leadByte(_ offset: Int, notBefore floor: Int) -> Int {
        var offset = offset
        while offset > floor, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
    }

    /// The location of a byte offset (clamped into the text).
    func location(ofByteOffset offset: Int) -> SourceLocation {
        let clamped = leadByte(max(0, min(offset, bytes.count)), notBefore: 0)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let line = low + 1
        let start = lineStarts[low]
        let column = (clamped - start) - continuations(from: start, to: clamped) + 1
        return SourceLocation(line: line, column: column)
    }

    /// Byte offset of a 1-based line and byte column.
    func byteOffset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        return min(lineStarts[line - 1] + max(byteColumn, 1) - 1, bytes.count)
    }

    /// Byte offset of a 1-based line and scalar column.
    func byteOffset(line: Int, scalarColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var offset = lineStarts[line - 1]
        var column = 1
        let end = lineEnds[line - 1]
        while column < scalarColumn && offset < end {
            offset += 1
            while offset < end && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }
}
