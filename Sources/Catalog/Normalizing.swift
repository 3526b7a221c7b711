// Small text helpers shared by the catalog's parsers and look-ups. Kept internal: callers
// outside Catalog should go through `parse`/`lookup`, so the matching rules live in one place.

enum ClauseNumber {
    /// Numeric parts of a clause or control number: "A.6.2.4" -> [6, 2, 4], "3.3.16" -> [3, 3, 16].
    /// Non-numeric parts (the "A" prefix) are skipped, so "A.10.2" sorts after "A.9.4".
    static func components(_ text: String) -> [Int] {
        text.split(separator: ".").compactMap { Int($0) }
    }

    /// True when `lhs` comes before `rhs` in document order (component by component, numerically).
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = components(lhs)
        let right = components(rhs)
        if left != right { return left.lexicographicallyPrecedes(right) }
        return lhs < rhs
    }
}

enum NameKey {
    /// A comparison key that ignores case, spacing, hyphens, underscores and camelCase:
    /// "Design and development", "design_and_development" and "designAndDevelopment" agree.
    /// "&" counts as "and" because people write "Verification & validation".
    static func compact(_ text: String) -> String {
        let spelled = text.replacingOccurrences(of: "&", with: "and")
        var key = ""
        for scalar in spelled.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            key.unicodeScalars.append(scalar)
        }
        return key.lowercased()
    }

    /// Like `compact`, but also drops a ‹domain› qualifier and a simple plural on the last word,
    /// so "Hyper-parameters" and "hyperparameter" agree. The same function is applied to both
    /// sides of a comparison, so an over-eager singular ("bias" -> "bia") is harmless.
    static func term(_ text: String) -> String {
        var base = text
        if let open = base.firstIndex(of: "‹") {
            base = String(base[..<open])
        }
        var words = base.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" })
            .map { $0.lowercased() }
        if let last = words.popLast() {
            words.append(singular(last))
        }
        return compact(words.joined(separator: " "))
    }

    private static func singular(_ word: String) -> String {
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}
