/// Reads the `<table>` elements of raw HTML in Markdown the way a reader sees them: rows of cell
/// texts. Vendor model cards put their results and model-detail tables in HTML (merged cells,
/// bold headers), and those tables must count like GFM tables.
///
/// What it handles: `<tr>`, `<td>`, `<th>` (any case, with attributes), `rowspan` and `colspan`
/// (a merged cell's text is repeated in every row and column it covers), tags inside cells
/// (removed), character references (`&amp;`, `&#177;`, `&#x2013;`), and whitespace (collapsed).
/// The header is the first row. Bounded: at most `maximumCells` cells and `maximumSpan` per span.
enum HTMLTables {
    struct Parsed: Equatable {
        var header: [String]
        var rows: [[String]]
        /// Per body row, the line (0-based, from the start of the HTML) where its `<tr` is.
        var rowLines: [Int]
        /// Lines (0-based) of `<table` and of `</table>`.
        var startLine: Int
        var endLine: Int
    }

    static let maximumCells = 20_000
    static let maximumSpan = 64

    /// Whether the HTML opens a table (cheap test before parsing).
    static func opensTable(_ html: String) -> Bool { contains(Array(html.utf8), "<table", from: 0) != nil }

    /// Whether the HTML closes as many tables as it opens.
    static func closesTables(_ html: String) -> Bool {
        let bytes = Array(html.utf8)
        return occurrences(bytes, "<table") <= occurrences(bytes, "</table")
    }

    /// Every top-level table in the HTML, in order.
    static func tables(in html: String) -> [Parsed] {
        let bytes = Array(html.utf8)
        var result: [Parsed] = []
        var index = 0
        var line = 0
        var depth = 0
        var current: Builder?
        var cells = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            guard byte == UInt8(ascii: "<"), let tag = Tag(bytes, at: index) else {
                if current != nil, depth == 1 { current?.text.append(byte) }
                index += 1
                continue
            }
            // Newlines inside the tag itself still count.
            for position in index..<tag.end where bytes[position] == 0x0A { line += 1 }
            switch (tag.name, tag.closing) {
            case ("table", false):
                depth += 1
                if depth == 1 { current = Builder(startLine: line) }
            case ("table", true):
                if depth == 1, var builder = current {
                    builder.closeRow()
                    if let parsed = builder.finish(endLine: line) { result.append(parsed) }
                    current = nil
                }
                depth = max(0, depth - 1)
            case ("tr", false) where depth == 1:
                current?.openRow(line: line)
            case ("tr", true) where depth == 1:
                current?.closeRow()
            case ("td", false) where depth == 1, ("th", false) where depth == 1:
                cells += 1
                if cells > maximumCells { return result }
                current?.openCell(rowspan: tag.span("rowspan"), colspan: tag.span("colspan"))
            case ("td", true) where depth == 1, ("th", true) where depth == 1:
                current?.closeCell()
            case ("br", _) where depth == 1, ("p", _) where depth == 1, ("li", _) where depth == 1:
                current?.text.append(0x20)
            default:
                break
            }
            index = tag.end
        }
        return result
    }

    /// One opening or closing tag: its lowercased name, where it ends, its attributes' text.
    private struct Tag {
        let name: String
        let closing: Bool
        let end: Int
        let attributes: String

        init?(_ bytes: [UInt8], at start: Int) {
            var index = start + 1
            var closing = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { closing = true; index += 1 }
            let nameStart = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else { return nil }
            var close = index
            while close < bytes.count, bytes[close] != UInt8(ascii: ">") { close += 1 }
            guard close < bytes.count else { return nil }
            name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            self.closing = closing
            end = close + 1
            attributes = String(decoding: bytes[index..<close], as: UTF8.self).lowercased()
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        }

        /// A `rowspan`/`colspan` value, 1 when absent or unreadable, at most `maximumSpan`.
        func span(_ attribute: String) -> Int {
            guard let range = attributes.range(of: attribute) else { return 1 }
            let digits = attributes[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                .prefix { $0.isASCII && $0.isNumber }
            return min(max(Int(digits) ?? 1, 1), HTMLTables.maximumSpan)
        }
    }

    /// Cells as they are read, with the merged cells carried into the rows they span.
    private struct Builder {
        let startLine: Int
        var rows: [[String]] = []
        var lines: [Int] = []
        var row: [String]?
        var text: [UInt8] = []
        var inCell = false
        var span = (rows: 1, columns: 1)
        /// Column → (text, rows still covered) for cells with a rowspan.
        var carried: [Int: (text: String, remaining: Int)] = [:]

        init(startLine: Int) { self.startLine = startLine }

        mutating func openRow(line: Int) {
            closeRow()
            row = []
            lines.append(line)
            fillCarried()
        }

        mutating func openCell(rowspan: Int, colspan: Int) {
            if row == nil { openRow(line: lines.last ?? startLine) }
            closeCell()
            inCell = true
            text = []
            span = (rowspan, colspan)
        }

        mutating func closeCell() {
            guard inCell else { return }
            inCell = false
            let cell = HTMLTables.cellText(text)
            for _ in 0..<span.columns {
                if span.rows > 1 { carried[row?.count ?? 0] = (cell, span.rows - 1) }
                row?.append(cell)
                fillCarried()
            }
            text = []
        }

        /// Appends the carried cells that sit at the row's next column.
        private mutating func fillCarried() {
            while let count = row?.count, let entry = carried[count] {
                row?.append(entry.text)
                carried[count] = entry.remaining > 1 ? (entry.text, entry.remaining - 1) : nil
            }
        }

        mutating func closeRow() {
            closeCell()
            guard let finished = row else { return }
            row = nil
            if finished.isEmpty { lines.removeLast() } else { rows.append(finished) }
        }

        func finish(endLine: Int) -> Parsed? {
            guard let header = rows.first else { return nil }
            return Parsed(header: header, rows: Array(rows.dropFirst()), rowLines: Array(lines.dropFirst()),
                          startLine: startLine, endLine: endLine)
        }
    }

    /// A cell's text: character references decoded, whitespace collapsed, trimmed.
    static func cellText(_ bytes: [UInt8]) -> String {
        let decoded = decodeReferences(String(decoding: bytes, as: UTF8.self))
        return decoded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "plusmn": "±", "ndash": "–",
        "mdash": "—", "times": "×", "le": "≤", "ge": "≥", "uarr": "↑", "darr": "↓", "check": "✓", "minus": "−",
    ]

    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = namedReferences[name.lowercased()]
                }
                if let replacement {
                    result += replacement
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }

    private static func contains(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let pin = Array(needle.utf8)
        guard bytes.count >= pin.count else { return nil }
        var index = start
        while index + pin.count <= bytes.count {
            var offset = 0
            while offset < pin.count, lower(bytes[index + offset]) == pin[offset] { offset += 1 }
            if offset == pin.count { return index }
            index += 1
        }
        return nil
    }

    private static func occurrences(_ bytes: [UInt8], _ needle: String) -> Int {
        var count = 0
        var index = 0
        while let found = contains(bytes, needle, from: index) {
            count += 1
            index = found + 1
        }
        return count
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
