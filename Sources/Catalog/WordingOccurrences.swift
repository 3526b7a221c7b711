import Foundation

/// One place where a catalogued wording appears in a piece of text.
public struct WordingOccurrence: Hashable, Sendable {
    /// The catalog entry that matched.
    public let wording: Wording
    /// The catalogued phrase that matched (lower-case base form, e.g. "train set").
    public let phrase: String
    /// The matched text as written, including a plural "s" ("Train sets").
    public let matchedText: String
    /// Where the match lies in the searched string.
    public let range: Range<String.Index>
}

extension Wordings {
    /// Every occurrence of a catalogued phrase in `text`, in reading order, whole words only,
    /// ignoring case and allowing a plural "s". Where phrases overlap, the earliest and then the
    /// longest match wins. A phrase inside a longer 22989 designation is not reported ("tagging"
    /// in "part-of-speech tagging"). Entries of every advice are returned; callers drop
    /// `.doNotFlag` ones (and keep them to know what to skip).
    public static func occurrences(in text: String) -> [WordingOccurrence] {
        let shielded = shieldingDesignations.flatMap { matches(of: $0, in: text) }
        var found: [WordingOccurrence] = []
        for wording in all {
            for phrase in wording.phrases {
                found += matches(of: phrase, in: text).map {
                    WordingOccurrence(wording: wording, phrase: phrase, matchedText: String(text[$0]), range: $0)
                }
            }
        }
        found.sort { lhs, rhs in
            if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
            return lhs.range.upperBound > rhs.range.upperBound
        }
        var kept: [WordingOccurrence] = []
        for occurrence in found where kept.last.map({ $0.range.upperBound <= occurrence.range.lowerBound }) ?? true {
            kept.append(occurrence)
        }
        return kept.filter { occurrence in
            !shielded.contains { $0.contains(occurrence.range.lowerBound) }
        }
    }

    /// 22989 designations that contain a catalogued phrase as a strictly shorter part, such as
    /// "part-of-speech tagging" around "tagging". Computed once from the two tables.
    static let shieldingDesignations: [String] = {
        let phrases = all.flatMap(\.phrases).map { $0.lowercased() }
        let designations = Vocabulary.terms.flatMap(\.designations).map { $0.lowercased() }
        return designations.filter { designation in
            phrases.contains { $0 != designation && designation.contains($0) }
        }.sorted()
    }()

    private static func matches(of phrase: String, in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while searchStart < text.endIndex,
              let hit = text.range(of: phrase, options: [.caseInsensitive], range: searchStart..<text.endIndex) {
            searchStart = hit.upperBound
            guard isBoundary(before: hit.lowerBound, in: text) else { continue }
            var end = hit.upperBound
            if end < text.endIndex, text[end] == "s" || text[end] == "S" {
                let afterPlural = text.index(after: end)
                if isBoundary(at: afterPlural, in: text) { end = afterPlural }
            }
            guard isBoundary(at: end, in: text) else { continue }
            ranges.append(hit.lowerBound..<end)
        }
        return ranges
    }

    /// A phrase may not continue a word: "pretrain set" is not "train set", nor is "re-training" "training".
    private static func isBoundary(before index: String.Index, in text: String) -> Bool {
        guard index > text.startIndex else { return true }
        return !isWordCharacter(text[text.index(before: index)])
    }

    private static func isBoundary(at index: String.Index, in text: String) -> Bool {
        guard index < text.endIndex else { return true }
        return !isWordCharacter(text[index])
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }
}
