/// The single left-to-right pass behind `Placeholders.matches`. Works on Unicode scalars and
/// compares ASCII case-insensitively; each matcher returns the end of its match or nil.
struct PlaceholderScanner {
    private let text: String
    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
    }

    private static let markers = ["TODO", "TBD", "TBA", "FIXME"]
    private static let instructionVerbs = ["your", "insert", "add", "enter", "fill in", "provide", "describe", "put"]
    private static let htmlTags: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "center", "code", "details", "div", "em", "figure", "font", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "kbd", "li", "ol", "p", "picture", "pre", "small",
        "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u",
        "ul", "video",
    ]

    /// Matches come in increasing order, so scalar offsets are turned into string indices by one
    /// cursor walking forward (an index per scalar would cost 16 bytes each on a 5 MiB text).
    mutating func scan() -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        let view = text.unicodeScalars
        var cursor = (offset: 0, index: view.startIndex)
        func index(_ offset: Int) -> String.Index {
            cursor.index = view.index(cursor.index, offsetBy: offset - cursor.offset)
            cursor.offset = offset
            return cursor.index
        }
        var position = 0
        while position < scalars.count {
            if isLineStart(position), let (start, end) = notApplicableLine(at: position) {
                let lower = index(start)
                ranges.append(lower..<index(end))
                position = end
            } else if let end = match(at: position) {
                let lower = index(position)
                ranges.append(lower..<index(end))
                position = end
            } else {
                position += 1
            }
        }
        return ranges
    }

    private func match(at position: Int) -> Int? {
        let scalar = scalars[position]
        switch scalar {
        case "\\", "[":
            return moreInformationNeeded(at: position) ?? bracketInstruction(at: position)
        case "{":
            return templateTag(at: position)
        case "<":
            return angleSlot(at: position)
        case "m", "M":
            return wordBoundaryBefore(position) ? moreInformationNeeded(at: position) : nil
        case "y", "Y":
            return wordBoundaryBefore(position) ? phrase("your answer here", at: position).flatMap(boundaryAfter) : nil
        case "T", "F":
            return wordBoundaryBefore(position) ? marker(at: position) : nil
        default:
            return nil
        }
    }

    // MARK: Matchers

    /// `[More Information Needed]` (or, bracketed only, the older template's `[Needs More
    /// Information]`), `\[…\]`, or the bare phrase.
    private func moreInformationNeeded(at position: Int) -> Int? {
        var cursor = position
        var bracketed = false
        if scalars[cursor] == "\\", cursor + 1 < scalars.count, scalars[cursor + 1] == "[" { cursor += 1 }
        if scalars[cursor] == "[" { bracketed = true; cursor += 1; cursor = skipSpaces(cursor) }
        let older = bracketed ? phrase("needs more information", at: cursor) : nil
        guard let afterPhrase = phrase("more information needed", at: cursor) ?? older else { return nil }
        guard bracketed else { return boundaryAfter(afterPhrase) }
        var end = skipSpaces(afterPhrase)
        if end < scalars.count, scalars[end] == "\\" { end += 1 }
        guard end < scalars.count, scalars[end] == "]" else { return boundaryAfter(afterPhrase) }
        return end + 1
    }

    /// `[Your content here]`, `[Insert date]` — not a link's text.
    private func bracketInstruction(at position: Int) -> Int? {
        guard scalars[position] == "[" else { return nil }
        let inner = skipSpaces(position + 1)
        guard Self.instructionVerbs.contains(where: { phrase($0, at: inner).flatMap(boundaryAfter) != nil }) else {
            return nil
        }
        var cursor = inner
        while cursor < scalars.count, cursor - position <= 120, scalars[cursor] != "]", scalars[cursor] != "\n",
              scalars[cursor] != "[" {
            cursor += 1
        }
        guard cursor < scalars.count, scalars[cursor] == "]" else { return nil }
        if cursor + 1 < scalars.count, scalars[cursor + 1] == "(" || scalars[cursor + 1] == "[" { return nil }
        return cursor + 1
    }

    /// `{{ … }}` or `{% … %}` within one line.
    private func templateTag(at position: Int) -> Int? {
        guard position + 1 < scalars.count else { return nil }
        let close: Unicode.Scalar
        switch scalars[position + 1] {
        case "{": close = "}"
        case "%": close = "%"
        default: return nil
        }
        // `title = {{WikiText}}`: BibTeX keeps a title's capitals in double braces.
        var before = position - 1
        while before >= 0, scalars[before] == " " || scalars[before] == "\t" { before -= 1 }
        if close == "}", before >= 0, scalars[before] == "=" { return nil }
        var cursor = position + 2
        while cursor + 1 < scalars.count, cursor - position <= 200, scalars[cursor] != "\n" {
            if scalars[cursor] == close, scalars[cursor + 1] == "}" { return cursor + 2 }
            cursor += 1
        }
        return nil
    }

    /// `<model name>`, `<YOUR_NAME>`. Slots written side by side (`<SENTENCE_TYPE><SENTENCE_NUMBER>`,
    /// `<YEAR>-<MONTH>`) spell the format of an identifier, not a blank to fill, and are left alone.
    private func angleSlot(at position: Int) -> Int? {
        guard let end = singleAngleSlot(at: position) else { return nil }
        if end < scalars.count, scalars[end] == "<" || (Self.slotJoiners.contains(scalars[end])
            && end + 1 < scalars.count && scalars[end + 1] == "<") {
            return nil
        }
        if position > 0, scalars[position - 1] == ">" || (Self.slotJoiners.contains(scalars[position - 1])
            && position > 1 && scalars[position - 2] == ">") {
            return nil
        }
        return end
    }

    private static let slotJoiners: Set<Unicode.Scalar> = ["_", "-", "/", ".", ":"]

    private func singleAngleSlot(at position: Int) -> Int? {
        var cursor = position + 1
        guard cursor < scalars.count, isASCIILetter(scalars[cursor]) else { return nil }
        var inner = ""
        while cursor < scalars.count, cursor - position <= 60 {
            let scalar = scalars[cursor]
            if scalar == ">" { break }
            guard isASCIILetter(scalar) || isDigit(scalar) || scalar == " " || scalar == "_" || scalar == "-" else {
                return nil
            }
            inner.unicodeScalars.append(scalar)
            cursor += 1
        }
        guard cursor < scalars.count, scalars[cursor] == ">" else { return nil }
        let firstWord = inner.split(separator: " ").first.map { $0.lowercased() } ?? ""
        guard !Self.htmlTags.contains(firstWord) else { return nil }
        let capitalsName = inner.contains("_") && inner == inner.uppercased()
        guard inner.contains(" ") || capitalsName else { return nil }
        return cursor + 1
    }

    /// `TODO`, `TBD`, `TBA`, `FIXME` in capitals as whole words; with a following colon the
    /// rest of the line belongs to it.
    private func marker(at position: Int) -> Int? {
        for word in Self.markers {
            let end = position + word.unicodeScalars.count
            guard end <= scalars.count, String(String.UnicodeScalarView(scalars[position..<end])) == word,
                  boundaryAfter(end) != nil else { continue }
            var cursor = end
            if cursor < scalars.count, scalars[cursor] == "(" {
                while cursor < scalars.count, scalars[cursor] != ")", scalars[cursor] != "\n" { cursor += 1 }
                if cursor < scalars.count, scalars[cursor] == ")" { cursor += 1 } else { return end }
            }
            guard cursor < scalars.count, scalars[cursor] == ":" else { return end }
            while cursor < scalars.count, scalars[cursor] != "\n", scalars[cursor] != "\r" { cursor += 1 }
            return cursor
        }
        return nil
    }

    /// A line whose only content is `N/A`; the match starts at the `N`.
    private func notApplicableLine(at position: Int) -> (start: Int, end: Int)? {
        var cursor = position
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if scalar == " " || scalar == "\t" || scalar == ">" || scalar == "|" || scalar == "-" || scalar == "*"
                || scalar == "+" {
                cursor += 1
            } else if isDigit(scalar) {
                while cursor < scalars.count, isDigit(scalars[cursor]) { cursor += 1 }
                guard cursor < scalars.count, scalars[cursor] == "." || scalars[cursor] == ")" else { return nil }
                cursor += 1
            } else {
                break
            }
        }
        guard var end = phrase("n/a", at: cursor) else { return nil }
        if end < scalars.count, scalars[end] == "." { end += 1 }
        var rest = end
        while rest < scalars.count, scalars[rest] == " " || scalars[rest] == "\t" || scalars[rest] == "|" {
            rest += 1
        }
        guard rest == scalars.count || scalars[rest] == "\n" || scalars[rest] == "\r" else { return nil }
        return (cursor, end)
    }

    // MARK: Helpers

    /// Matches `words` (lowercase ASCII; one space stands for any run of spaces or tabs) case-insensitively.
    private func phrase(_ words: String, at position: Int) -> Int? {
        var cursor = position
        for expected in words.unicodeScalars {
            if expected == " " {
                guard cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" else { return nil }
                cursor = skipSpaces(cursor)
                continue
            }
            guard cursor < scalars.count, lowercased(scalars[cursor]) == expected else { return nil }
            cursor += 1
        }
        return cursor
    }

    private func skipSpaces(_ position: Int) -> Int {
        var cursor = position
        while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor += 1 }
        return cursor
    }

    private func isLineStart(_ position: Int) -> Bool {
        position == 0 || scalars[position - 1] == "\n" || scalars[position - 1] == "\r"
    }

    private func wordBoundaryBefore(_ position: Int) -> Bool {
        position == 0 || !isWordCharacter(scalars[position - 1])
    }

    private func boundaryAfter(_ end: Int) -> Int? {
        end >= scalars.count || !isWordCharacter(scalars[end]) ? end : nil
    }

    private func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }
    private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }
    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }
    private func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar >= "A" && scalar <= "Z" ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
}
