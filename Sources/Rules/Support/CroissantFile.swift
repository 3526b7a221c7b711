import Documents
import Lint

/// A parsed Croissant file read the way JSON-LD reads it: every key resolved through the file's
/// own `@context`, so `rai:dataBiases`, a term `dataBiases` defined as a RAI IRI and a different
/// prefix bound to the RAI namespace all mean the same property.
struct CroissantFile {
    let artifact: Artifact
    let root: JSONNode
    let context: JSONLDContext
    /// The node that describes the dataset: the top-level object, or the `@graph` member typed
    /// as a dataset when the file uses a graph.
    let dataset: JSONNode

    /// How the file's `@context` is written.
    enum ContextForm { case absent, inline, remote }
    let contextForm: ContextForm

    init?(_ artifact: Artifact) {
        guard let root = artifact.json else { return nil }
        self.artifact = artifact
        self.root = root
        let contextNode = root["@context"]
        let context = JSONLDContext(context: contextNode)
        self.context = context
        switch contextNode?.value {
        case nil, .null?: contextForm = .absent
        case .object?: contextForm = .inline
        case .array(let items)?: contextForm = items.allSatisfy { $0.members != nil } ? .inline : .remote
        default: contextForm = .remote
        }
        var dataset = root
        if let graph = root["@graph"]?.array, root.member("@type") == nil {
            dataset = graph.first { node in
                Self.types(of: node, context: context).contains { CroissantVocabulary.schemaName($0) == "Dataset" }
            } ?? root
        }
        self.dataset = dataset
        allMembers = Self.members(of: root)
    }

    /// The top-level object's line: where findings about the whole file go.
    var topAnchor: Anchor { Anchor(path: artifact.path, line: root.location.line, column: root.location.column) }

    func anchor(_ location: SourceLocation) -> Anchor {
        Anchor(path: artifact.path, line: location.line, column: location.column)
    }

    /// The IRI a key (or a type value) stands for. A compact IRI whose prefix the context does not
    /// declare is read with the standard Croissant binding, and a bare word with no `@vocab` as a
    /// schema.org name, so evidence is not lost to a sloppy context (CR-001 and CR-002 report those).
    func iri(_ term: String) -> String {
        let expanded = context.expand(term)
        guard expanded == term, !term.hasPrefix("@") else { return expanded }
        if let colon = term.firstIndex(of: ":") {
            let prefix = String(term[..<colon]), rest = term[term.index(after: colon)...]
            if !rest.hasPrefix("//"), let base = CroissantVocabulary.standardPrefixes[prefix] { return base + rest }
            return expanded
        }
        return "http://schema.org/" + term
    }

    /// Members of `node` whose key is the schema.org property `name`.
    func schemaMembers(_ name: String, in node: JSONNode) -> [JSONMember] {
        (node.members ?? []).filter { CroissantVocabulary.schemaName(iri($0.key)) == name }
    }

    /// The types a node declares, as IRIs.
    func types(of node: JSONNode) -> [String] { Self.types(of: node, context: context) }

    static func types(of node: JSONNode, context: JSONLDContext) -> [String] {
        guard let value = node["@type"] else { return [] }
        let names = value.array?.compactMap(\.string) ?? value.string.map { [$0] } ?? []
        return names.map { name in
            let expanded = context.expand(name)
            if expanded == name, let colon = name.firstIndex(of: ":"),
               let base = CroissantVocabulary.standardPrefixes[String(name[..<colon])] {
                return base + name[name.index(after: colon)...]
            }
            return expanded == name && !name.contains(":") ? "http://schema.org/" + name : expanded
        }
    }

    /// Every object member of the file outside `@context`, depth first in document order, with
    /// the object that holds it. Collected once: several questions walk it.
    let allMembers: [(member: JSONMember, owner: JSONNode)]

    static func members(of root: JSONNode) -> [(member: JSONMember, owner: JSONNode)] {
        var result: [(member: JSONMember, owner: JSONNode)] = []
        func visit(_ node: JSONNode) {
            switch node.value {
            case .object(let members):
                for member in members where member.key != "@context" {
                    result.append((member, node))
                    visit(member.value)
                }
            case .array(let items):
                items.forEach(visit)
            default:
                break
            }
        }
        visit(root)
        return result
    }

    /// Members anywhere in the file that carry a RAI property (by its vocabulary name, with the
    /// reference library's spellings mapped) and a value that says something. `lenientCase`
    /// also accepts names that differ only in letter case, and names under the core Croissant
    /// namespace (older Hugging Face exports bind `dataBiases` to `cr:dataBiases`), and the RAI
    /// specification's prose names (`rai:useCases`). CR-002 reports those spellings; the content
    /// rules still take what they say.
    func raiMembers(_ names: Set<String>, lenientCase: Bool = true, coreNamespace: Bool = true) -> [JSONMember] {
        let lowered = Set(names.map { $0.lowercased() })
        return allMembers.map(\.member).filter { member in
            guard Self.hasContent(member.value) else { return false }
            let expanded = iri(member.key)
            if let local = CroissantVocabulary.raiName(expanded) {
                if let canonical = CroissantVocabulary.canonicalRAIName(local), names.contains(canonical) { return true }
                guard lenientCase else { return false }
                if let variant = CroissantVocabulary.proseVariants[local.lowercased()], names.contains(variant) { return true }
                return lowered.contains(local.lowercased())
            }
            if coreNamespace, let local = CroissantVocabulary.croissantName(expanded) {
                return lenientCase ? lowered.contains(local.lowercased()) : names.contains(local)
            }
            return false
        }
    }

    /// Members anywhere in the file whose key is in the PROV-O namespace and named in `names`.
    func provMembers(_ names: Set<String>) -> [JSONMember] {
        allMembers.map(\.member).filter { member in
            let expanded = iri(member.key)
            guard expanded.hasPrefix(CroissantVocabulary.provNamespace) else { return false }
            return names.contains(String(expanded.dropFirst(CroissantVocabulary.provNamespace.count))) && Self.hasContent(member.value)
        }
    }

    /// Whether a value says something: a string with a letter or digit once placeholders are
    /// removed, a number or boolean, or a collection holding such a value (a bare `{"@id": …}`
    /// reference counts).
    static func hasContent(_ node: JSONNode) -> Bool {
        switch node.value {
        case .null: return false
        case .bool, .number: return true
        case .string(let text):
            return Placeholders.strip(text).unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        case .array(let items): return items.contains(where: hasContent)
        case .object(let members):
            return members.contains { member in
                member.key != "@type" && member.key != "@context" && hasContent(member.value)
            }
        }
    }

    /// Every string inside a value, in order.
    static func strings(in node: JSONNode) -> [String] {
        switch node.value {
        case .string(let text): return [text]
        case .array(let items): return items.flatMap(strings(in:))
        case .object(let members): return members.flatMap { strings(in: $0.value) }
        default: return []
        }
    }
}
