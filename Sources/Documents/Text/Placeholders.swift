import Foundation

/// Finds template filler that means "not written yet", and decides whether text says anything.
///
/// Recognised (each tested):
/// - `[More Information Needed]`, the older `[Needs More Information]` (bracketed), and the bare
///   phrase `More information needed` (any case, any spacing, brackets optionally
///   backslash-escaped) — the Hugging Face templates and the Trainer's default;
/// - `{{ … }}` and `{% … %}` on one line — unrendered template variables;
/// - `YOUR ANSWER HERE` (any case) — the Datasheets-for-Datasets template;
/// - `TODO`, `TBD`, `TBA`, `FIXME` as whole words in capitals (`todo` in prose is left alone);
///   when a colon follows (`TODO: describe data`, `TODO(ana): …`), the rest of the line is part of it;
/// - a bracketed instruction: `[` + `your`/`insert`/`add`/`enter`/`fill in`/`provide`/`describe`/`put`
///   + … + `]` on one line, not followed by `(` or `[` (so links stay links), e.g. `[Your content here]`;
/// - `N/A` alone on a line (after any list marker, `>` or table pipe), in any case, optional period;
/// - an angle-bracket slot such as `<model name>` or `<YOUR_NAME>`: letters, digits, spaces, `_`
///   and `-` inside, with a space or an all-capitals `_` name, and not starting with an HTML tag name;
///   slots side by side or joined by `_ - / . :` (`<SENTENCE_TYPE><SENTENCE_NUMBER>`) describe a format
///   and are not placeholders.
public enum Placeholders {
    /// Every placeholder in `text`, in order, never overlapping.
    public static func matches(in text: String) -> [Range<String.Index>] {
        var scanner = PlaceholderScanner(text)
        return scanner.scan()
    }

    /// `text` with every placeholder replaced by a space.
    public static func strip(_ text: String) -> String {
        let ranges = matches(in: text)
        guard !ranges.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for range in ranges {
            result += text[cursor..<range.lowerBound]
            result += " "
            cursor = range.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// Whether text says something once placeholders are removed: it must contain at least
    /// `minimumWords` (3) words that contain a letter, where a word is a maximal run of
    /// non-whitespace characters and a letter is any Unicode alphabetic scalar. A line that is
    /// only a field label once placeholders are gone (`- **Hours used:** TBD` → `Hours used:`)
    /// counts for nothing. The words need not be in one sentence, so a table
    /// `Metric | Value / Accuracy | 0.91` counts. `Developed by: Acme` counts; `N/A`, `TBD`,
    /// `See above.`, `Apache 2.0` (`2.0` has no letter) and `[More Information Needed]` do not.
    public static func isSubstantive(_ text: String) -> Bool {
        var words = 0
        for line in strip(text).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.hasSuffix(":") { continue }
            words += letteredWords(in: content)
            if words >= minimumWords { return true }
        }
        return false
    }

    /// The words-with-letters threshold of `isSubstantive`: the shortest thing that reads as a sentence.
    public static let minimumWords = 3

    static func letteredWords(in text: String) -> Int {
        var count = 0
        var inWord = false, wordHasLetter = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if inWord && wordHasLetter { count += 1 }
                inWord = false; wordHasLetter = false
            } else {
                inWord = true
                if scalar.properties.isAlphabetic { wordHasLetter = true }
            }
        }
        if inWord && wordHasLetter { count += 1 }
        return count
    }
}
