import Foundation

/// Regular expressions compiled once per pattern. Foundation's `range(of:options:.regularExpression)`
/// looks its compiled pattern up under a key it formats on every call, which showed up in
/// history profiles; the rules' patterns are a fixed handful.
enum PatternCache {
    private struct Key: Hashable {
        let pattern: String
        let caseInsensitive: Bool
    }

    nonisolated(unsafe) private static var compiled: [Key: NSRegularExpression] = [:]
    private static let lock = NSLock()

    static func regex(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression? {
        let key = Key(pattern: pattern, caseInsensitive: caseInsensitive)
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[key] { return known }
        guard let made = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else {
            return nil
        }
        compiled[key] = made
        return made
    }

    /// Whether the pattern matches anywhere in `text`.
    static func matches(_ text: String, _ pattern: String, caseInsensitive: Bool = false) -> Bool {
        guard let regex = regex(pattern, caseInsensitive: caseInsensitive) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with every match replaced by `template`.
    static func replacing(_ pattern: String, in text: String, with template: String, caseInsensitive: Bool = false) -> String {
        guard let regex = regex(pattern, caseInsensitive: caseInsensitive) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
