import Foundation

/// Turns a heading as written into the form used for matching and for `Section.normalized`:
/// optional markers (`[optional]`, `(optional)`) removed, bold/italic wrappers (`**…**`, `__…__`)
/// removed, leading numbering (`1.`, `2.3`, `4)`) and leading symbols or emoji removed, trailing
/// `:` and `.` removed, lowercased, whitespace collapsed to single spaces.
public enum HeadingNormalizer {
    public static func normalize(_ heading: String) -> String {
        var text = collapse(heading)
        for marker in ["[optional]", "(optional)"] {
            text = removingCaseInsensitive(marker, from: text)
        }
        text = collapse(text)
        text = strippingWrappers(text)
        text = strippingNumbering(text)
        text = String(text.unicodeScalars.drop { !isAlphanumeric($0) })
        while let last = text.unicodeScalars.last,
              last == ":" || last == "." || last.properties.isWhitespace || isDecoration(last) {
            text.unicodeScalars.removeLast()
        }
        return collapse(text.lowercased())
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func removingCaseInsensitive(_ marker: String, from text: String) -> String {
        var result = text
        while let range = result.range(of: marker, options: .caseInsensitive) {
            result.replaceSubrange(range, with: " ")
        }
        return result
    }

    /// `**Intended use**`, `__Uses__`, `*Uses*` → the inside; also a lone wrapper left at one end.
    private static func strippingWrappers(_ text: String) -> String {
        var result = text
        for wrapper in ["**", "__", "*", "_"] {
            if result.hasPrefix(wrapper) { result.removeFirst(wrapper.count) }
            if result.hasSuffix(wrapper) { result.removeLast(wrapper.count) }
            if result.hasSuffix(wrapper + ":") { result.removeLast(wrapper.count + 1) }
            result = collapse(result)
        }
        return result
    }

    /// `1. Motivation`, `2.3 Results`, `4) Uses` → the words. A bare number (`2023`) is kept.
    private static func strippingNumbering(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func digits() -> Bool {
            let start = index
            while index < scalars.count, scalars[index] >= "0" && scalars[index] <= "9" { index += 1 }
            return index > start
        }
        guard digits() else { return text }
        while index + 1 < scalars.count, scalars[index] == ".", scalars[index + 1] >= "0" && scalars[index + 1] <= "9" {
            index += 1
            _ = digits()
        }
        if index < scalars.count, scalars[index] == "." || scalars[index] == ")" { index += 1 }
        guard index < scalars.count, scalars[index] == " " else { return text }
        return String(String.UnicodeScalarView(scalars[(index + 1)...]))
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Emoji and pictographs decorate headings (`## 📊 Evaluation`); they carry no name.
    private static func isDecoration(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x7F && (scalar.properties.isEmojiPresentation || scalar.properties.generalCategory == .otherSymbol
            || scalar.value == 0xFE0F)
    }
}
