/// Shell-style path patterns as used in `.aims/config.yml` (`paths.exclude`) and waivers.
///
/// `*` matches within one path component, `**` across components (`vendor/**`, `**/fixtures/**`),
/// `?` one character, `[abc]` a class. A pattern without `/` matches the file name anywhere.
public struct Glob: Hashable, Sendable {
    public let pattern: String
    private let pieces: [Substring]
    private let anchored: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        if text.hasPrefix("/") { text.removeFirst() }
        anchored = text.contains("/")
        pieces = text.split(separator: "/", omittingEmptySubsequences: true)
    }

    public func matches(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        if anchored { return Glob.match(pieces[...], components[...]) }
        guard let last = components.last, let only = pieces.first else { return false }
        return Glob.matchComponent(Array(only.unicodeScalars)[...], Array(last.unicodeScalars)[...])
    }

    /// Matches pattern pieces against path components, one piece at a time over the set of path
    /// positions reachable so far: O(pieces × components) component matches. (Trying every split
    /// for every `**` recursively is exponential: `**/a/**/a/**/…/b` on a deep path never ends.)
    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        let components = Array(path)
        var reachable = [Bool](repeating: false, count: components.count + 1)
        reachable[0] = true
        for piece in pattern {
            var next = [Bool](repeating: false, count: components.count + 1)
            if piece == "**" {
                // Zero or more components: every position from the first reachable one on.
                guard let first = reachable.firstIndex(of: true) else { return false }
                for position in first...components.count { next[position] = true }
            } else {
                let scalars = Array(piece.unicodeScalars)[...]
                for position in components.indices where reachable[position] {
                    next[position + 1] = matchComponent(scalars, Array(components[position].unicodeScalars)[...])
                }
            }
            reachable = next
        }
        return reachable[components.count]
    }

    /// Iterative wildcard match with back-tracking on the last `*` (linear in practice).
    private static func matchComponent(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var pi = p.startIndex, si = s.startIndex
        var starP: Int? = nil, starS = s.startIndex
        while si < s.endIndex {
            if pi < p.endIndex {
                let c = p[pi]
                if c == "*" { starP = pi; starS = si; pi += 1; continue }
                if c == "?" { pi += 1; si += 1; continue }
                if c == "[", let (matched, next) = matchClass(p, pi, s[si]) {
                    if matched { pi = next; si += 1; continue }
                } else if c == s[si] { pi += 1; si += 1; continue }
            }
            guard let star = starP else { return false }
            pi = star + 1
            starS += 1
            si = starS
        }
        while pi < p.endIndex && p[pi] == "*" { pi += 1 }
        return pi == p.endIndex
    }

    /// Matches `[...]` at `start`; returns (matched, index after the class) or nil if the class is unterminated.
    private static func matchClass(_ p: ArraySlice<Unicode.Scalar>, _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.endIndex && (p[i] == "!" || p[i] == "^") { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < p.endIndex && (p[i] != "]" || first) {
            first = false
            if i + 2 < p.endIndex && p[i + 1] == "-" && p[i + 2] != "]" {
                if p[i] <= c && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if p[i] == c { matched = true }
                i += 1
            }
        }
        guard i < p.endIndex else { return nil }
        return (matched != negate, i + 1)
    }
}
