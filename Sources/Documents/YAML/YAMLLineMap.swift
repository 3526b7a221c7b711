/// Maps libyaml's line numbers back to the file's.
///
/// libyaml follows YAML 1.1 and also ends a line at NEL (U+0085), LINE SEPARATOR (U+2028) and
/// PARAGRAPH SEPARATOR (U+2029); `LineIndex`, editors and every other location in a report end
/// lines only at `\n`, `\r\n` and `\r`. Without this map a finding after such a character would
/// point one line too far down, possibly past the end of the file. Texts without them (nearly all)
/// map to themselves at no cost.
struct YAMLLineMap: Sendable {
    /// For libyaml line `n` (index n - 1): the file's line, and the columns before it on that line.
    private let lines: [Int]
    private let columnOffsets: [Int]

    init(_ text: String) {
        guard text.unicodeScalars.contains(where: Self.isYAMLOnlyBreak) else {
            lines = []
            columnOffsets = []
            return
        }
        var lines = [1], offsets = [0]
        var line = 1, column = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previous == "\r" {
                // The second half of a `\r\n`, already counted.
            } else if scalar == "\n" || scalar == "\r" {
                line += 1
                column = 0
                lines.append(line)
                offsets.append(0)
            } else if Self.isYAMLOnlyBreak(scalar) {
                column += 1
                lines.append(line)
                offsets.append(column)
            } else {
                column += 1
            }
            previous = scalar
        }
        self.lines = lines
        self.columnOffsets = offsets
    }

    /// The file location of libyaml's 1-based `line` and `column`. Past the last line (libyaml
    /// moves the end of a stream without a final line break to a line of its own) lines count on.
    func location(line: Int, column: Int) -> SourceLocation {
        guard line >= 1, let last = lines.last else { return SourceLocation(line: line, column: column) }
        guard line <= lines.count else { return SourceLocation(line: last + line - lines.count, column: column) }
        return SourceLocation(line: lines[line - 1], column: column + columnOffsets[line - 1])
    }

    private static func isYAMLOnlyBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
