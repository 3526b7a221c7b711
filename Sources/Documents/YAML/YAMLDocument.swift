import Yams

/// Parses YAML (front matter, `.aims/config.yml`, risk registers) into `YAMLNode`s with locations.
///
/// Yams resolves an alias by sharing the anchored node, which is cheap, but it then hashes every
/// mapping key to find duplicates — and hashing a key that is an alias of a nested alias chain
/// costs time exponential in the chain. So aliases never reach Yams: before parsing, each `*`
/// that could start an alias is swapped for a private-use character (one scalar for one, so every
/// column stays put), Yams sees a plain scalar, and we expand aliases ourselves against a node
/// budget. libyaml stops nesting at 1000 levels, which bounds Yams' recursive composer (run
/// where that recursion fits, see `YAMLStackGuard`); we stop at `DocumentLimits.maxNestingDepth`.
///
/// Merge keys (`<<: *base`) are kept as an ordinary `<<` key, not merged.
public enum YAMLDocument {
    /// Parses one YAML document. `lineOffset` shifts reported lines (front matter starts at line 2
    /// of a file, so it is parsed with `lineOffset: 1`). An empty document is `nil`.
    public static func parse(_ text: String, lineOffset: Int = 0) -> Result<YAMLNode?, ParseProblem> {
        YAMLStackGuard.run(for: text) { compose(text, lineOffset: lineOffset) }
    }

    private static func compose(_ text: String, lineOffset: Int) -> Result<YAMLNode?, ParseProblem> {
        let prepared = AliasShield(text)
        let lines = YAMLLineMap(text)
        if let key = YAMLKeyGuard.tooDeepKey(in: prepared.text) {
            let location = lines.location(line: key.line, column: key.column)
            return .failure(ParseProblem(
                kind: .tooDeep,
                message: "a mapping key nests more than \(YAMLKeyGuard.maxKeyDepth) levels deep; keys must be plain values",
                location: SourceLocation(line: location.line + lineOffset, column: location.column)))
        }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: prepared.text, resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(problem(from: error, lineOffset: lineOffset, lines: lines))
        } catch {
            return .failure(ParseProblem(kind: .yaml, message: "\(error)", location: shifted(nil, lineOffset, lines)))
        }
        guard let root else { return .success(nil) }
        var converter = YAMLConverter(shield: prepared, lineOffset: lineOffset, lines: lines)
        do {
            let converted = try withExtendedLifetime(parser) { try converter.convert(root, enclosing: 0) }
            return .success(converted.node)
        } catch let problem as ParseProblem {
            return .failure(problem)
        } catch {
            return .failure(ParseProblem(kind: .yaml, message: "\(error)", location: shifted(nil, lineOffset, lines)))
        }
    }

    static func shifted(_ mark: Mark?, _ lineOffset: Int, _ lines: YAMLLineMap) -> SourceLocation {
        guard let mark else { return SourceLocation(line: 1 + lineOffset, column: 1) }
        let location = lines.location(line: max(mark.line, 1), column: max(mark.column, 1))
        return SourceLocation(line: location.line + lineOffset, column: location.column)
    }

    /// Maps a Yams error to a problem at libyaml's mark, with a message a person can act on.
    static func problem(from error: YamlError, lineOffset: Int, lines: YAMLLineMap) -> ParseProblem {
        func make(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> ParseProblem {
            if problem.contains("Maximum nesting level") {
                return ParseProblem(
                    kind: .tooDeep,
                    message: "YAML nests deeper than \(DocumentLimits.maxNestingDepth) levels",
                    location: shifted(mark, lineOffset, lines))
            }
            let detail = context.map { "\(problem) (\($0.text) at line \(shifted($0.mark, lineOffset, lines).line))" } ?? problem
            return ParseProblem(kind: .yaml, message: "invalid YAML: \(detail)", location: shifted(mark, lineOffset, lines))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(context, problem, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return ParseProblem(kind: .yaml, message: "duplicate mapping key \(keys)",
                                location: shifted(context.mark, lineOffset, lines))
        case let .reader(problem, offset, _, yaml):
            let location = offset.map { offsetLocation(in: yaml, characterOffset: $0) }
                .map { SourceLocation(line: $0.line + lineOffset, column: $0.column) }
            return ParseProblem(kind: .yaml, message: "unreadable YAML: \(problem)",
                                location: location ?? shifted(nil, lineOffset, lines))
        default:
            return ParseProblem(kind: .yaml, message: "invalid YAML: \(error)", location: shifted(nil, lineOffset, lines))
        }
    }

    private static func offsetLocation(in text: String, characterOffset: Int) -> SourceLocation {
        let index = text.index(text.startIndex, offsetBy: characterOffset, limitedBy: text.endIndex) ?? text.endIndex
        let utf8Offset = text.utf8.distance(from: text.startIndex, to: index)
        return LineIndex(text).location(ofByteOffset: utf8Offset)
    }
}

/// Replaces each `*` that is followed by an anchor character with a private-use marker that does
/// not occur in the text, and tells marker-bearing scalars apart afterwards: a plain scalar that
/// is exactly marker + name was an alias; in any other string the marker is put back as `*`.
struct AliasShield {
    let text: String
    let marker: Unicode.Scalar?

    init(_ original: String) {
        guard original.utf8.contains(UInt8(ascii: "*")) else {
            text = original; marker = nil; return
        }
        let present = Set(original.unicodeScalars.filter { $0.value >= 0xE000 && $0.value <= 0xF8FF }.map(\.value))
        guard let free = (0xE000...0xF8FF).first(where: { !present.contains($0) }).flatMap(Unicode.Scalar.init) else {
            text = original; marker = nil; return
        }
        var scalars = String.UnicodeScalarView()
        var previousWasStar = false
        for scalar in original.unicodeScalars {
            if previousWasStar {
                scalars.append(Self.isAnchorCharacter(scalar) ? free : "*")
            }
            previousWasStar = scalar == "*"
            if !previousWasStar { scalars.append(scalar) }
        }
        if previousWasStar { scalars.append("*") }
        text = String(scalars)
        marker = free
    }

    /// libyaml's anchor alphabet.
    static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "a"..."z", "A"..."Z", "_", "-": return true
        default: return false
        }
    }

    /// The anchor name when `string` (a plain scalar) was written as an alias.
    func aliasName(_ string: String) -> String? {
        guard let marker, let first = string.unicodeScalars.first, first == marker else { return nil }
        let name = String(string.unicodeScalars.dropFirst())
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isAnchorCharacter) else { return nil }
        return name
    }

    /// `string` with every marker turned back into `*`.
    func restore(_ string: String) -> String {
        guard let marker, string.unicodeScalars.contains(marker) else { return string }
        var scalars = String.UnicodeScalarView()
        for scalar in string.unicodeScalars { scalars.append(scalar == marker ? "*" : scalar) }
        return String(scalars)
    }
}
