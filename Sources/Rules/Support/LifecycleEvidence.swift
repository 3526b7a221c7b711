import Documents
import Lint

/// How evidence must read to count.
enum ContentTest: Sendable {
    /// A section needs a sentence (`Placeholders.isSubstantive`); a field line, table cell or
    /// key needs any value that is not filler.
    case statement
    /// Any value that is not filler, also for a section (a name, a handle, a date).
    case value
    /// Like `statement`, but a section's code blocks count (usage snippets).
    case statementOrCode
    /// The text must pass this test (a date, a threshold, a cadence …).
    case text(@Sendable (String) -> Bool)
}

/// One thing a life cycle document must state, and the names people give it: heading keys
/// from `HeadingAliases`, label words matched against headings, `Label:` lines, table headers,
/// first cells of rows and YAML/JSON keys, and phrases that introduce a value inside a sentence
/// ("owned by …").
struct EvidenceField: Sendable {
    let name: String
    let keys: Set<SectionKey>
    /// In match form (`LifecycleText.matchForm`). A label written with a leading `=` matches
    /// only a whole label ("=risk" names a "Risk" column but not "Risk treatment").
    let labels: [String]
    let phrases: [String]
    let test: ContentTest

    init(_ name: String, keys: Set<SectionKey> = [], labels: [String], phrases: [String] = [], test: ContentTest = .statement) {
        self.name = name
        self.keys = keys
        self.labels = labels.map { $0.hasPrefix("=") ? "=" + LifecycleText.matchForm($0) : LifecycleText.matchForm($0) }
        self.phrases = phrases.map(LifecycleText.matchForm)
        self.test = test
    }

    /// Whether a label or heading (in match form) names this field.
    func names(_ label: String) -> Bool {
        labels.contains { $0.hasPrefix("=") ? label == $0.dropFirst() : LifecycleText.containsPhrase(label, $0) }
    }
}

/// Where a field was found and what it says there.
struct Evidence: Sendable {
    enum Kind: String, Sendable { case section, line, column, phrase }
    let path: String
    let line: Int
    let title: String
    let text: String
    let kind: Kind
    /// A section's text with its code blocks (for `statementOrCode`).
    let textWithCode: String?
    /// For a phrase, the whole line as written (the text after the phrase is in match form,
    /// which loses the punctuation dates and versions need).
    var wholeLine: String? = nil

    var anchor: Anchor { Anchor(path: path, line: line) }
}

/// The outcome of looking for one field.
enum FieldStatus: Sendable {
    case met(Evidence)
    /// Found, but empty, filler, or missing what the test wants.
    case inadequate(Evidence)
    case absent

    var isMet: Bool {
        if case .met = self { return true }
        return false
    }
}

/// The one place that finds "a field or a section" in life cycle documents.
enum LifecycleEvidence {
    /// Every place in the documents that names the field, in document order.
    static func find(_ field: EvidenceField, in documents: [LifecycleDocument]) -> [Evidence] {
        var found: [Evidence] = []
        for document in documents {
            for heading in document.headings where heading.key.map(field.keys.contains) == true || field.names(heading.label) {
                found.append(Evidence(path: document.path, line: heading.line, title: heading.title,
                                      text: document.text(of: heading), kind: .section, textWithCode: heading.textWithCode))
            }
            for line in document.lines {
                if let label = line.label, field.names(label) {
                    found.append(Evidence(path: document.path, line: line.number, title: line.labelTitle ?? label,
                                          text: line.value ?? "", kind: .line, textWithCode: nil))
                } else if !field.phrases.isEmpty {
                    let form = LifecycleText.matchForm(line.text)
                    if let phrase = field.phrases.first(where: { LifecycleText.containsPhrase(form, $0) }),
                       let range = form.range(of: phrase) {
                        let rest = String(form[range.upperBound...])
                        found.append(Evidence(path: document.path, line: line.number, title: phrase, text: rest,
                                              kind: .phrase, textWithCode: nil, wholeLine: line.text))
                    }
                }
            }
            for column in document.columns where field.names(column.label) {
                found.append(Evidence(path: document.path, line: column.line, title: column.title,
                                      text: column.cells.joined(separator: "\n"), kind: .column, textWithCode: nil))
            }
        }
        return found.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    }

    /// Met by the first evidence that passes the field's test; else inadequate at the first
    /// place that names it; else absent.
    static func assess(_ field: EvidenceField, in documents: [LifecycleDocument]) -> FieldStatus {
        let found = find(field, in: documents)
        if let good = found.first(where: { passes($0, field.test) }) { return .met(good) }
        if let first = found.first { return .inadequate(first) }
        return .absent
    }

    static func passes(_ evidence: Evidence, _ test: ContentTest) -> Bool {
        switch test {
        case .statement:
            return evidence.kind == .section ? Placeholders.isSubstantive(evidence.text) : LifecycleText.hasValue(evidence.text)
        case .value:
            return LifecycleText.hasValue(evidence.text)
        case .statementOrCode:
            guard evidence.kind == .section else { return LifecycleText.hasValue(evidence.text) }
            return Placeholders.isSubstantive(evidence.textWithCode ?? evidence.text)
        case .text(let predicate):
            return predicate(evidence.kind == .phrase ? evidence.wholeLine ?? evidence.text : evidence.text)
        }
    }

    /// The first line (in the documents' order) whose text passes `predicate`; with
    /// `headings`, heading titles count as lines too ("Impact assessment (March 2024)" is dated,
    /// but a heading never counts as a sentence of content).
    static func line(in documents: [LifecycleDocument], headings: Bool = false, where predicate: (String) -> Bool) -> Evidence? {
        for document in documents {
            var candidates = document.lines.map { (number: $0.number, title: $0.labelTitle ?? "", text: $0.text) }
            if headings { candidates += document.headings.map { (number: $0.line, title: $0.title, text: Placeholders.strip($0.title)) } }
            if let line = candidates.sorted(by: { $0.number < $1.number }).first(where: { predicate($0.text) }) {
                return Evidence(path: document.path, line: line.number, title: line.title, text: line.text,
                                kind: .line, textWithCode: nil)
            }
        }
        return nil
    }
}

/// One requirement a rule puts on a kind of document: how to judge it, and what to say when it
/// is not met.
struct LifecycleRequirement: Sendable {
    /// Stable name, used in finding anchors ("section:owner").
    let name: String
    /// What is wrong, completing "the monitoring plan …" ("names no owner").
    let missing: String
    /// What to write instead.
    let hint: String
    let assess: @Sendable ([LifecycleDocument]) -> FieldStatus

    init(_ name: String, missing: String, hint: String, assess: @escaping @Sendable ([LifecycleDocument]) -> FieldStatus) {
        self.name = name
        self.missing = missing
        self.hint = hint
        self.assess = assess
    }

    /// The field, judged by its own test.
    static func field(_ field: EvidenceField, missing: String, hint: String) -> LifecycleRequirement {
        LifecycleRequirement(field.name, missing: missing, hint: hint) { LifecycleEvidence.assess(field, in: $0) }
    }

    /// The field, or failing that any line of the documents that passes `cue` (real documents
    /// often say "checked daily" in a sentence rather than under a "Cadence" label).
    static func field(_ field: EvidenceField, orLine cue: @escaping @Sendable (String) -> Bool, headings: Bool = false,
                      missing: String, hint: String) -> LifecycleRequirement {
        LifecycleRequirement(field.name, missing: missing, hint: hint) { documents in
            let status = LifecycleEvidence.assess(field, in: documents)
            if status.isMet { return status }
            if let line = LifecycleEvidence.line(in: documents, headings: headings, where: cue) { return .met(line) }
            return status
        }
    }
}
