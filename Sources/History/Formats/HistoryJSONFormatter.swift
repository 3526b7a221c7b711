import Foundation

/// The history report as JSON, documented by `docs/history.schema.json`. Keys sorted, arrays in
/// report order, absent values as explicit `null`: the same history gives byte-identical output.
struct HistoryJSONFormatter {
    static let schemaVersion = 1

    private struct Document: Encodable {
        let report: HistoryReport

        enum Keys: String, CodingKey {
            case schemaVersion, repository, revision, commit, firstParent, commitsScanned, commitsEvaluated
            case shallowBoundary, since, controls
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(HistoryJSONFormatter.schemaVersion, forKey: .schemaVersion)
            try container.encode(report.repository, forKey: .repository)
            try container.encode(report.revision, forKey: .revision)
            try container.encode(report.commit, forKey: .commit)
            try container.encode(report.firstParent, forKey: .firstParent)
            try container.encode(report.commitsScanned, forKey: .commitsScanned)
            try container.encode(report.commitsEvaluated, forKey: .commitsEvaluated)
            try container.encode(report.shallowBoundary, forKey: .shallowBoundary)
            try container.encode(report.since, forKey: .since)
            try container.encode(report.controls.map { Control(control: $0, listed: report.listedTransitions($0)) },
                                 forKey: .controls)
        }
    }

    private struct Control: Encodable {
        let control: ControlTimeline
        let listed: [ControlTransition]

        enum Keys: String, CodingKey { case system, rule, status, reason, firstMet, lastLost, transitions }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(control.key.system, forKey: .system)
            try container.encode(control.key.rule, forKey: .rule)
            try container.encode(control.state.status.rawValue, forKey: .status)
            try container.encode(control.state.reason, forKey: .reason)
            try container.encode(control.firstMet.map(Stamp.init), forKey: .firstMet)
            try container.encode(control.lastLost.map(Stamp.init), forKey: .lastLost)
            try container.encode(listed.map(Transition.init), forKey: .transitions)
        }
    }

    private struct Stamp: Encodable {
        let commit: String
        let date: String
        let author: String

        init(_ transition: ControlTransition) {
            commit = transition.commit.commit
            date = transition.commit.date
            author = transition.commit.author
        }
    }

    private struct Transition: Encodable {
        let transition: ControlTransition

        enum Keys: String, CodingKey { case commit, date, author, from, to, reason }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(transition.commit.commit, forKey: .commit)
            try container.encode(transition.commit.date, forKey: .date)
            try container.encode(transition.commit.author, forKey: .author)
            try container.encode(transition.from.rawValue, forKey: .from)
            try container.encode(transition.to.rawValue, forKey: .to)
            try container.encode(transition.reason, forKey: .reason)
        }
    }

    func render(_ report: HistoryReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(report: report)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
