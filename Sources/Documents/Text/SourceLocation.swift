/// A position in a document: 1-based line and 1-based column.
///
/// Columns count Unicode scalars from the start of the line, which is what editors and
/// terminals show for ordinary text (a tab counts as one column; `é` as one, or two when it is
/// written as `e` plus a combining accent). Lines break at `\n`, `\r\n` (one break) and a lone `\r`.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The first character of a document; where whole-file problems are reported.
    public static let start = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A span of a document. `end` is the location of the span's *last* character (inclusive), the
/// convention cmark uses; a format that wants the column after the end (SARIF) adds one.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    public func contains(line: Int) -> Bool { line >= start.line && line <= end.line }

    public var description: String { "\(start)-\(end)" }
}

/// Why a document could not be read, with where.
public struct ParseProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, coarsely; rules map every kind to one finding (AIMS-005, GIT-003).
    public enum Kind: String, Sendable {
        case tooLarge, binary, invalidUTF8, frontMatter, yaml, json, tooDeep, aliasExpansion, lfsPointer
    }

    public let kind: Kind
    public let message: String
    public let location: SourceLocation

    public init(kind: Kind, message: String, location: SourceLocation) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(kind.rawValue): \(message)" }
}

/// The bounds every parser in this module enforces, so hostile input costs bounded time and memory.
public enum DocumentLimits {
    /// Larger files are not parsed at all (`ParseProblem.Kind.tooLarge`).
    public static let maxBytes = 5 * 1024 * 1024
    /// Deepest nesting of JSON arrays/objects and YAML collections (`.tooDeep`).
    public static let maxNestingDepth = 128
    /// Most YAML nodes a document may have once aliases are expanded (`.aliasExpansion`).
    public static let maxYAMLNodes = 100_000
    /// How many leading bytes are searched for a NUL byte to call a file binary.
    public static let binarySniffBytes = 8000
}
