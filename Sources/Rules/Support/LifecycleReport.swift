import Catalog
import Documents
import Lint

/// Turns unmet life cycle requirements into findings, the same way for every LC rule:
/// - a document that is missing: one finding at `context.missingAnchor` (the config's stage line);
/// - a field found but empty, filler or lacking what is asked: one finding at that heading or line;
/// - fields found nowhere: one finding at the document's first line naming all of them.
enum LifecycleReport {
    /// The subject's readable documents of these kinds, in path order.
    static func documents(_ context: RuleContext, _ kinds: Set<ArtifactKind>) -> [LifecycleDocument] {
        context.artifacts(kinds).compactMap(LifecycleDocument.memoised)
    }

    /// Whether the subject has any artifact of these kinds at all (readable or not).
    static func hasArtifact(_ context: RuleContext, _ kinds: Set<ArtifactKind>) -> Bool {
        !context.artifacts(kinds).isEmpty
    }

    /// Where a new document of `kind` for the subject goes (`ArtifactTemplates.suggestedPath`).
    static func suggestedPath(_ context: RuleContext, _ kind: ArtifactKind) -> String {
        ArtifactTemplates.suggestedPath(for: kind, system: context.subject.id ?? "system", root: context.subject.root,
                                        shared: context.sharesRoot)
    }

    /// The finding for a document the system's stage calls for but that does not exist.
    static func missing(_ what: String, _ context: RuleContext, kind: ArtifactKind, content: String) -> Violation {
        missing(what, context, advice: "add \(suggestedPath(context, kind)) \(content)")
    }

    /// The same, with the advice written by the caller ("add a 'Logging' section to monitoring-plan.md …").
    static func missing(_ what: String, _ context: RuleContext, advice: String) -> Violation {
        let system = context.subject.id.map { "'\($0)'" } ?? "this system"
        return .absent("\(system) is at stage \(context.stage.rawValue) but has no \(what): \(advice)",
                       at: context.missingAnchor, anchor: "missing")
    }

    /// Findings for the requirements that `documents` (together) do not meet.
    static func check(_ documents: [LifecycleDocument], title: String, requirements: [LifecycleRequirement],
                      level: Level? = nil) -> [Violation] {
        guard let first = documents.first else { return [] }
        var absent: [LifecycleRequirement] = []
        var inadequate: [(LifecycleRequirement, Evidence)] = []
        for requirement in requirements {
            switch requirement.assess(documents) {
            case .met: break
            case .inadequate(let evidence): inadequate.append((requirement, evidence))
            case .absent: absent.append(requirement)
            }
        }
        // One finding per place: problems found at the same heading or line are told together.
        var places: [Anchor: (messages: [String], names: [String])] = [:]
        for (requirement, evidence) in inadequate {
            let what = evidence.kind == .section ? "section" : evidence.kind == .column ? "column" : "line"
            let place = evidence.kind == .phrase ? "the line '\(evidence.wholeLine ?? evidence.title)'" : "the '\(evidence.title)' \(what)"
            let problem = LifecycleText.hasValue(evidence.text) ? "\(requirement.missing): \(requirement.hint)"
                : "is empty or only a placeholder: \(requirement.hint)"
            let message = places[evidence.anchor] == nil ? "\(place) of the \(title) \(problem)" : "it \(problem)"
            places[evidence.anchor, default: ([], [])].messages.append(message)
            places[evidence.anchor, default: ([], [])].names.append("section:" + requirement.name)
        }
        if !absent.isEmpty {
            let message = "the \(title) \(sentenceList(absent.map(\.missing))): " + absent.map(\.hint).joined(separator: "; ")
            places[first.firstAnchor, default: ([], [])].messages.insert(message, at: 0)
            places[first.firstAnchor, default: ([], [])].names.insert("incomplete", at: 0)
        }
        return places.keys.sorted().compactMap { anchor in
            guard let place = places[anchor] else { return nil }
            return Violation(place.messages.joined(separator: "; "), at: anchor,
                             anchor: place.names.joined(separator: "+"), level: level)
        }
    }

    /// "a, b and c".
    static func sentenceList(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
