/// What a JSON-LD document's `@context` declares, enough to resolve Croissant keys: prefixes
/// (`"cr": "http://mlcommons.org/croissant/"`), term definitions (`"citeAs": "cr:citeAs"`, or
/// `{"@id": …}`), and `@vocab`. Both the object form and the array-of-objects form are read
/// (later entries win); remote contexts (strings) are not fetched and contribute nothing.
///
/// A term is a prefix when its IRI ends in a URI gen-delim (`/ # : ? [ ] @`), or an expanded
/// definition says `"@prefix": true`. Nested contexts inside nodes are ignored.
public struct JSONLDContext: Sendable {
    /// Prefix name → IRI it stands for (already expanded).
    public let prefixes: [String: String]
    /// Every term definition, prefixes included → its expanded IRI.
    public let terms: [String: String]
    /// Where each term or prefix is declared (the key inside `@context`).
    public let declarations: [String: SourceLocation]
    public let vocab: String?

    public init(document: JSONNode) {
        self.init(context: document["@context"])
    }

    /// Reads a `@context` value itself (object, array of objects, string, or nothing).
    public init(context: JSONNode?) {
        var raw: [String: (iri: String, isPrefix: Bool)] = [:]
        var locations: [String: SourceLocation] = [:]
        var vocab: String?
        let objects: [[JSONMember]]
        switch context?.value {
        case let .object(members): objects = [members]
        case let .array(items): objects = items.compactMap(\.members)
        default: objects = []
        }
        for members in objects {
            for member in members {
                if member.key == "@vocab" { vocab = member.value.string; continue }
                if member.key.hasPrefix("@") { continue }
                switch member.value.value {
                case .null:
                    raw[member.key] = nil
                case let .string(iri):
                    raw[member.key] = (iri, Self.endsWithGenDelim(iri))
                case .object:
                    guard let iri = member.value["@id"]?.string else { continue }
                    let flagged = member.value["@prefix"]?.bool
                    raw[member.key] = (iri, flagged ?? (iri.hasSuffix("/") || iri.hasSuffix("#")))
                default:
                    continue
                }
                locations[member.key] = member.keyLocation
            }
        }
        // Values may themselves be compact IRIs ("cr:citeAs"); resolve them against the raw prefixes.
        let rawPrefixes = raw.filter { $0.value.isPrefix }.mapValues(\.iri)
        func resolve(_ iri: String) -> String {
            guard let colon = iri.firstIndex(of: ":") else { return iri }
            let prefix = String(iri[..<colon]), suffix = iri[iri.index(after: colon)...]
            guard !suffix.hasPrefix("//"), let base = rawPrefixes[prefix], base != iri else { return iri }
            return base + suffix
        }
        terms = raw.mapValues { resolve($0.iri) }
        prefixes = raw.filter { $0.value.isPrefix }.mapValues { resolve($0.iri) }
        declarations = locations
        self.vocab = vocab.map(resolve)
    }

    static func endsWithGenDelim(_ iri: String) -> Bool {
        guard let last = iri.last else { return false }
        return "/#:?[]@".contains(last)
    }

    /// The full IRI a key or value stands for: a defined term, a compact IRI with a declared
    /// prefix, or a bare word under `@vocab`; anything else (keywords, absolute IRIs, unknown
    /// prefixes) comes back unchanged.
    public func expand(_ term: String) -> String {
        if term.hasPrefix("@") { return term }
        if let iri = terms[term] { return iri }
        if let colon = term.firstIndex(of: ":") {
            let prefix = String(term[..<colon]), suffix = term[term.index(after: colon)...]
            if suffix.hasPrefix("//") || prefix == "_" { return term }
            if let base = prefixes[prefix] { return base + suffix }
            return term
        }
        if let vocab { return vocab + term }
        return term
    }

    /// The compact form `prefix:rest` of a full IRI using the longest matching declared prefix
    /// (ties broken by name), or nil when no prefix covers it.
    public func compact(_ iri: String) -> String? {
        guard let (name, base) = bestPrefix(for: iri) else { return nil }
        return name + ":" + iri.dropFirst(base.count)
    }

    /// Which declared prefix a key uses once expanded: `rai` for `rai:dataBiases`, and `cr` for a
    /// term `dataBiases` defined as `cr:dataBiases`. Nil when it resolves under no declared prefix.
    public func prefixUsed(by key: String) -> String? {
        if let colon = key.firstIndex(of: ":"), terms[key] == nil {
            let prefix = String(key[..<colon])
            if prefixes[prefix] != nil { return prefix }
        }
        return bestPrefix(for: expand(key))?.name
    }

    private func bestPrefix(for iri: String) -> (name: String, base: String)? {
        prefixes
            .filter { iri.hasPrefix($0.value) && iri.count > $0.value.count }
            .map { (name: $0.key, base: $0.value) }
            .min { ($1.base.count, $0.name) < ($0.base.count, $1.name) }
    }
}
