import Foundation

/// Finds `<!-- … -->` comments in HTML blocks and inline HTML (never in code) and locates them in
/// the source, in one linear pass per node. cmark gives an HTML node's text without container
/// prefixes (`> `, list indent): a block's line is the tail of its source line; an inline node's
/// first line starts at the node and its later lines at the source line's first non-blank.
struct HTMLCommentFinder {
    let reader: MarkdownReader

    func comments(in root: CMarkNode) -> [HTMLComment] {
        var found: [HTMLComment] = []
        root.walk { node, entering in
            guard entering, node.kind == .htmlBlock || node.kind == .htmlInline else { return }
            found += commentsOf(node)
        }
        return found
    }

    private func commentsOf(_ node: CMarkNode) -> [HTMLComment] {
        let literalLines = node.literal.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var result: [HTMLComment] = []
        var open: (start: SourceLocation, text: String.UnicodeScalarView)?
        for (offset, literalLine) in literalLines.enumerated() {
            let line = node.startLine + offset
            let base = baseColumn(of: literalLine, offset: offset, line: line, node: node)
            let scalars = Array(literalLine.unicodeScalars)
            var index = 0
            while index < scalars.count {
                if open == nil {
                    if Self.matches("<!--", scalars, at: index) {
                        open = (SourceLocation(line: line, column: base + index + 1), String.UnicodeScalarView())
                        index += 4
                    } else {
                        index += 1
                    }
                } else if Self.matches("-->", scalars, at: index), let comment = open {
                    let end = SourceLocation(line: line, column: base + index + 3)
                    result.append(HTMLComment(text: Self.trimmed(comment.text), range: SourceRange(start: comment.start, end: end)))
                    open = nil
                    index += 3
                } else {
                    open?.text.append(scalars[index])
                    index += 1
                }
            }
            open?.text.append("\n")
        }
        if let comment = open {
            let end = max(comment.start, reader.range(of: node).end)
            result.append(HTMLComment(text: Self.trimmed(comment.text), range: SourceRange(start: comment.start, end: end)))
        }
        return result
    }

    /// Scalars of the source line before the literal line begins. Works on the line's bytes, so
    /// a 5 MiB line with many comments is not copied once per comment.
    private func baseColumn(of literalLine: Substring, offset: Int, line: Int, node: CMarkNode) -> Int {
        let content = reader.lines.content(ofLine: line)
        if node.kind == .htmlInline {
            if offset == 0 { return reader.location(line: line, byteColumn: node.startColumn).column - 1 }
            return content.prefix { $0 == 0x20 || $0 == 0x09 }.count
        }
        let literal = Array(literalLine.utf8)
        guard literal.count <= content.count, content.suffix(literal.count).elementsEqual(literal) else { return 0 }
        return reader.lines.scalarColumn(line: line, byteColumn: content.count - literal.count + 1) - 1
    }

    private static func matches(_ marker: String, _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var position = index
        for expected in marker.unicodeScalars {
            guard position < scalars.count, scalars[position] == expected else { return false }
            position += 1
        }
        return true
    }

    private static func trimmed(_ scalars: String.UnicodeScalarView) -> String {
        String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
