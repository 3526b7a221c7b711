/// Keeps cmark-gfm 0.29.0.gfm.6's table extension within bounds. It pads every row to the
/// delimiter row's column count, so a one-line delimiter with 40 000 columns over many short
/// rows builds columns × rows cells, and header parsing is itself quadratic in the column count.
///
/// Before parsing, every line that could be a delimiter row is measured: its columns (an
/// over-count: each run of `-`) times its rows (an over-count: lines up to the next blank one).
/// A table over the column or cell budget has its delimiter row blanked — same length, same line
/// numbers — so cmark reads it as plain paragraphs, and the document gets a `.tooLarge` problem.
enum TableGuard {
    static let maxColumns = 1_000
    static let maxCells = 100_000

    static func limit(_ body: inout [UInt8]) -> [ParseProblem] {
        let lines = lineBounds(body)
        // nextBlank[i]: index of the first blank line at or after line i (or lines.count).
        var nextBlank = [Int](repeating: lines.count, count: lines.count + 1)
        for index in lines.indices.reversed() {
            nextBlank[index] = isBlank(body[lines[index]]) ? index : nextBlank[index + 1]
        }
        var problems: [ParseProblem] = []
        var budget = maxCells
        for (index, bounds) in lines.enumerated() {
            guard let columns = delimiterColumns(body[bounds]) else { continue }
            let rows = nextBlank[index] - index - 1
            let cells = columns * (rows + 2)
            if columns <= maxColumns && cells <= budget {
                budget -= cells
                continue
            }
            for offset in bounds { body[offset] = 0x20 }
            let headerLine = max(index, 1)
            problems.append(ParseProblem(
                kind: .tooLarge,
                message: "table of \(columns) columns and \(rows) rows is too large to read as a table "
                    + "(limits: \(maxColumns) columns, \(maxCells) cells per document); it is read as plain text",
                location: SourceLocation(line: headerLine, column: 1)))
        }
        return problems
    }

    /// Byte ranges of each line's content; breaks are `\n`, `\r\n` and `\r`, as in cmark.
    private static func lineBounds(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(start..<index)
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
    }

    /// Column count (over-counted) when the line, after quote markers, could be a delimiter row:
    /// only `|`, `-`, `:`, spaces and tabs, with at least one `|` and one `-`. A leading list
    /// marker's dash is simply counted as one more column.
    private static func delimiterColumns(_ line: ArraySlice<UInt8>) -> Int? {
        var pipes = 0, runs = 0
        var previousWasDash = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "-"):
                if !previousWasDash { runs += 1 }
                previousWasDash = true
                continue
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: ":"), 0x20, 0x09, UInt8(ascii: ">"): break
            default: return nil
            }
            previousWasDash = false
        }
        return pipes > 0 && runs > 0 ? runs : nil
    }
}
