import Foundation
import Lint

/// Rules made for these tests, so the history machinery is exercised on system-level controls
/// whatever rules the catalog holds: presence, content, and two that read dates from history.

private func describe(_ id: String, _ title: String) -> RuleDescription {
    RuleDescription(id: id, title: title, rationale: "Test rule.", fix: "Test rule.", stage: nil, processes: [],
                    controls: [], level: .error, scope: [.system], passing: [], failing: [])
}

/// T-CARD: the system has a model card.
struct CardPresent: Rule {
    static let description = describe("T-CARD", "has a model card")
    func evaluate(_ context: RuleContext) -> Evaluation {
        context.modelCards.isEmpty ? .evaluated([Violation("no model card", at: context.missingAnchor, anchor: "missing")]) : .pass
    }
}

/// T-FILLED: the model card has some text.
struct CardFilled: Rule {
    static let description = describe("T-FILLED", "model card is not empty")
    func evaluate(_ context: RuleContext) -> Evaluation {
        let filled = context.modelCards.contains { card in
            card.markdown.map { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? false
        }
        return filled ? .pass : .evaluated([Violation("the model card is empty", at: context.missingAnchor, anchor: "empty")])
    }
}

/// T-FRESH: the model card changed within three days of the checked commit (reads the tip date).
struct CardFresh: Rule {
    static let description = describe("T-FRESH", "model card changed recently")
    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let card = context.modelCards.first, let history = context.project.history, let tip = history.tip,
              let changed = history.lastChange(PathSelector(exact: [card.path])) else { return .notApplicable(reason: "no card") }
        return tip.time - changed.time > 3 * 86_400
            ? .evaluated([Violation("the card is older than three days", at: card.firstLine, anchor: "stale")]) : .pass
    }
}

/// T-STALE: no `.bin` file under the system root changed after the model card (like GIT-001).
struct WeightsNotNewer: Rule {
    static let description = describe("T-STALE", "model card not older than the weights")
    func evaluate(_ context: RuleContext) -> Evaluation {
        guard let system = context.system, let card = context.modelCards.first, let history = context.project.history,
              let cardChange = history.lastChange(PathSelector(exact: [card.path])) else { return .notApplicable(reason: "no card") }
        guard let weights = history.lastChange(PathSelector(folders: [system.root], suffixes: [".bin"])) else { return .pass }
        return weights.time > cardChange.time
            ? .evaluated([Violation("weights changed after the card", at: card.firstLine, anchor: "stale")]) : .pass
    }
}

let testRules: [any Rule] = [CardPresent(), CardFilled(), CardFresh(), WeightsNotNewer()]
