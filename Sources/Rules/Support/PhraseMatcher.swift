import Catalog
import Documents

/// Finds the non-standard wordings of the catalog in prose in ONE pass over the words of a text
/// (not one search per phrase), so terminology rules scale to thousands of documents.
///
/// Matching ignores case, treats hyphens like spaces ("go-live" = "go live") and accepts a plural
/// `s`/`es` on the last word ("train sets").
struct PhraseMatcher: Sendable {
    struct Match: Sendable {
        let wording: Wording
        let phrase: String
        let range: Range<String.Index>
    }

    private struct Candidate: Sendable {
        let words: [String]
        let phrase: String
        let wording: Wording
    }

    /// Candidates by their first word, longest first.
    private let byFirstWord: [String: [Candidate]]

    init(_ wordings: [Wording]) {
        var table: [String: [Candidate]] = [:]
        for wording in wordings {
            for phrase in wording.phrases {
                let words = PhraseMatcher.words(in: phrase).map(\.text)
                guard let first = words.first else { continue }
                table[first, default: []].append(Candidate(words: words, phrase: phrase, wording: wording))
            }
        }
        byFirstWord = table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// The catalog's flaggable wordings (`doNotFlag` entries are left out).
    static let catalog = PhraseMatcher(Wordings.all.filter { $0.advice != .doNotFlag })

    func matches(in text: String) -> [Match] {
        let tokens = PhraseMatcher.words(in: text)
        var result: [Match] = []
        var index = 0
        while index < tokens.count {
            var matched = false
            for candidate in byFirstWord[tokens[index].text] ?? byFirstWord[PhraseMatcher.singular(tokens[index].text)] ?? [] {
                let end = index + candidate.words.count
                guard end <= tokens.count else { continue }
                let window = tokens[index..<end]
                let fits = zip(candidate.words, window).enumerated().allSatisfy { offset, pair in
                    pair.0 == pair.1.text || (offset == candidate.words.count - 1 && pair.0 == PhraseMatcher.singular(pair.1.text))
                }
                if fits {
                    let range = window.first!.range.lowerBound..<window.last!.range.upperBound
                    result.append(Match(wording: candidate.wording, phrase: candidate.phrase, range: range))
                    index = end
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return result
    }

    struct Token {
        let text: String
        let range: Range<String.Index>
    }

    /// Lowercased words (letters and digits); hyphens, spaces and punctuation separate them.
    static func words(in text: String) -> [Token] {
        var tokens: [Token] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber || character == "'" && start != nil {
                if start == nil { start = index }
            } else if let begin = start {
                tokens.append(Token(text: text[begin..<index].lowercased(), range: begin..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { tokens.append(Token(text: text[begin...].lowercased(), range: begin..<text.endIndex)) }
        return tokens
    }

    static func singular(_ word: String) -> String {
        if word.hasSuffix("sets") || word.hasSuffix("splits") { return String(word.dropLast()) }
        if word.count > 3, word.hasSuffix("es"), word.dropLast(2).hasSuffix("s") { return String(word.dropLast(2)) }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }
}
