import ArgumentParser
import Catalog

/// `aimslint terms [WORD]`: the ISO/IEC 22989 vocabulary and the wordings aimslint flags.
struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Look a word up in the ISO/IEC 22989 vocabulary and the non-standard wordings aimslint flags.")

    @Argument(help: "A word or phrase (e.g. \"train set\", \"training data\"). Without it, the whole vocabulary is listed.")
    var word: [String] = []

    func run() throws {
        try ReportWriter.write(TermsCommand.render(word.joined(separator: " ")), to: nil)
    }

    static func render(_ query: String) -> String {
        guard !query.isEmpty else {
            return Vocabulary.terms.map { line(for: $0) }.joined(separator: "\n") + "\n"
        }
        var out = ""
        for term in Vocabulary.lookup(query) { out += line(for: term) + "\n" }
        let lowered = query.lowercased()
        for wording in Wordings.all where wording.phrases.contains(where: { $0.lowercased() == lowered }) {
            switch wording.advice {
            case .suggest:
                out += "'\(query)' is flagged (\(wording.kind == .term ? "TERM-001" : "TERM-003")): say '\(wording.preferred ?? "?")'"
            case .contextual:
                out += "'\(query)' is not flagged automatically: whether '\(wording.preferred ?? "another term")' fits depends on context"
            case .doNotFlag:
                out += "'\(query)' is accepted usage and never flagged"
            }
            out += wording.note.isEmpty ? "\n" : ". \(wording.note)\n"
        }
        if out.isEmpty { out = "'\(query)' is neither an ISO/IEC 22989 term nor a wording aimslint flags.\n" }
        return out
    }

    static func line(for term: Term) -> String {
        let names = ([term.name] + term.alternatives).joined(separator: ", ")
        let clause = term.clauseIsInferred ? "22989 §\(term.clause) (number not verified)" : "22989 §\(term.clause)"
        return "\(names) — \(clause): \(term.gloss)"
    }
}
