import Documents
import Lint

/// Reading Model Card Toolkit JSON (`model_card.json`: `model_details`, `model_parameters`,
/// `quantitative_analysis`, `considerations`).
extension ModelCardDocument {
    /// The member at a key path (`["considerations", "use_cases"]`), if every step exists.
    func toolkitMember(_ path: [String]) -> JSONMember? {
        guard var node = json else { return nil }
        var member: JSONMember?
        for key in path {
            guard let next = node.member(key) else { return nil }
            member = next
            node = next.value
        }
        return member
    }

    /// Where a finding about a missing toolkit field goes: the deepest key of `path` that exists,
    /// else the first line.
    func toolkitAnchor(_ path: [String]) -> Anchor {
        for length in stride(from: path.count, through: 1, by: -1) {
            if let member = toolkitMember(Array(path.prefix(length))) { return anchor(member.keyLocation) }
        }
        return artifact.firstLine
    }

    /// Every string under a node, in order: plain strings, array items, and object member values.
    static func strings(in node: JSONNode, depth: Int = 0) -> [String] {
        guard depth < 8 else { return [] }
        switch node.value {
        case .string(let text): return [text]
        case .number, .bool, .null: return []
        case .array(let items): return items.flatMap { strings(in: $0, depth: depth + 1) }
        case .object(let members): return members.flatMap { strings(in: $0.value, depth: depth + 1) }
        }
    }

    /// The joined text under a toolkit key path ("" when absent).
    func toolkitText(_ path: [String]) -> String {
        guard let member = toolkitMember(path) else { return "" }
        return Self.strings(in: member.value).joined(separator: "\n")
    }
}
