import Documents
import Lint

/// CR-003: a Croissant file's structure is one a loader can follow — files, record sets and
/// fields typed and complete, every reference pointing at something the file defines.
struct CroissantStructure: Rule {
    static let description = RuleDescription(
        id: "CR-003",
        title: "Croissant files, record sets and fields are complete and their references resolve",
        rationale: """
            A Croissant file is read by a program before a person: a distribution entry without a \
            content URL or checksum cannot be downloaded and verified, a source or containedIn \
            naming an @id the file never defines leaves a record set with nothing to read, a field \
            with neither a source nor a value (or with both) has no defined content, and two sources \
            in one record set without a declared join cannot be combined. Such files look complete \
            to a reader and fail only when someone loads the data. This rule checks the structure \
            of Croissant 1.0 and 1.1 files: distribution entries, record sets, fields, their \
            references, sub-fields, 1.1 arrays and the value types of the core properties.
            """,
        fix: "Give each FileObject a contentUrl, encodingFormat and sha256, each FileSet includes; make every source, containedIn and references name a defined @id; give each field one source or value and a dataType.",
        stage: .designAndDevelopment, processes: [.aiDataEngineering], controls: ["A.7.2", "A.7.5"], level: .error,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example(["data/receipts/croissant.json": CroissantExamples.file(version: "1.1")], note: "Croissant 1.1"),
            Example(["data/receipts/croissant.json": CroissantExamples.file(version: "1.0")], note: "Croissant 1.0"),
            Example(["data/receipts/croissant.json": CroissantExamples.file(version: "1.1", recordSets: CroissantExamples.joined)],
                    note: "two sources joined by references; a field inheriting its type from the field it reads"),
            Example(["data/receipts/croissant.json": CroissantExamples.file(
                version: "1.0",
                distribution: CroissantExamples.archive.replacingOccurrences(
                    of: "\"sha256\": \"\(CroissantExamples.checksum)\"", with: "\"md5\": \"By8fYbgzsjPiHIgIrROJeA==\"")
                    + ",\n" + CroissantExamples.lineFiles + ",\n" + CroissantExamples.categoriesFile)],
                    note: "an md5 digest written in base64, as some exporters do"),
        ],
        failing: CroissantExamples.failing)

    func evaluate(_ context: RuleContext) -> Evaluation {
        let files = DatasetDocuments(context.artifacts).croissant
        guard !files.isEmpty else { return .notApplicable(reason: "the dataset has no readable Croissant file") }
        return .evaluated(files.flatMap { file -> [Violation] in
            guard file.root.members != nil else { return [] }   // CR-001 reports a file that is no object
            let structure = CroissantGraph(file)
            return structure.distributionViolations() + structure.recordSetViolations() + structure.referenceViolations()
                + structure.valueTypeViolations()
        })
    }
}

/// The parts of a Croissant file a loader walks: distribution entries, record sets and their
/// (sub-)fields, and every `@id` they define.
struct CroissantGraph {
    let file: CroissantFile
    let distribution: [JSONNode]
    let recordSets: [JSONNode]
    /// `@id` (and, for files before 1.0, `name`) of every distribution entry, record set and field.
    let ids: Set<String>

    init(_ file: CroissantFile) {
        self.file = file
        distribution = file.schemaMembers("distribution", in: file.dataset).flatMap { $0.value.array ?? [$0.value] }
            .filter { $0.members != nil }
        recordSets = Self.croissantMembers("recordSet", in: file.dataset, file).flatMap { $0.value.array ?? [$0.value] }
            .filter { $0.members != nil }
        var ids = Set<String>()
        func collect(_ node: JSONNode) {
            for key in ["@id", "name"] { if let id = node[key]?.string { ids.insert(id) } }
        }
        distribution.forEach(collect)
        for recordSet in recordSets {
            collect(recordSet)
            Self.fields(of: recordSet, file).forEach { collect($0.field) }
        }
        self.ids = ids
    }

    /// Members of `node` whose key is the Croissant property `name` (`cr:recordSet`, `field`, …).
    static func croissantMembers(_ name: String, in node: JSONNode, _ file: CroissantFile) -> [JSONMember] {
        (node.members ?? []).filter { member in
            let iri = file.iri(member.key)
            return CroissantVocabulary.croissantName(iri) == name || CroissantVocabulary.schemaName(iri) == name
        }
    }

    /// Every field of a record set, sub-fields included, with the field that holds each sub-field.
    static func fields(of recordSet: JSONNode, _ file: CroissantFile) -> [(field: JSONNode, parent: JSONNode?)] {
        var result: [(JSONNode, JSONNode?)] = []
        func visit(_ node: JSONNode, key: String, parent: JSONNode?) {
            for member in croissantMembers(key, in: node, file) {
                for field in member.value.array ?? [member.value] where field.members != nil {
                    result.append((field, parent))
                    visit(field, key: "subField", parent: field)
                }
            }
        }
        visit(recordSet, key: "field", parent: nil)
        return result
    }

    func has(_ name: String, _ node: JSONNode) -> JSONMember? {
        Self.croissantMembers(name, in: node, file).first { CroissantFile.hasContent($0.value) }
    }

    func anchor(_ node: JSONNode) -> Anchor {
        file.anchor(node.member("@type")?.keyLocation ?? node.location)
    }

    func label(_ node: JSONNode) -> String {
        (node["@id"]?.string ?? node["name"]?.string).map { "'\($0)'" } ?? "without an @id"
    }

    func typeNames(_ node: JSONNode) -> [String] {
        file.types(of: node).compactMap { CroissantVocabulary.croissantName($0) ?? CroissantVocabulary.schemaName($0) }
    }

    // MARK: Distribution

    func distributionViolations() -> [Violation] {
        let live = file.dataset.members?.contains { member in
            CroissantVocabulary.croissantName(file.iri(member.key)) == "isLiveDataset" && member.value.bool == true
        } ?? false
        return distribution.flatMap { entry -> [Violation] in
            let types = typeNames(entry)
            let name = label(entry)
            if types.contains("FileObject") {
                var missing: [String] = []
                if has("encodingFormat", entry) == nil { missing.append("encodingFormat") }
                if entry["@id"] == nil && entry["name"] == nil { missing.append("@id") }
                if has("containedIn", entry) == nil {
                    if has("contentUrl", entry) == nil { missing.append("contentUrl") }
                    if !live, has("sha256", entry) == nil, has("md5", entry) == nil { missing.append("a sha256 (or md5) checksum") }
                }
                var violations = missing.isEmpty ? [] : [Violation(
                    "the FileObject \(name) lacks \(LifecycleReport.sentenceList(missing)): a loader cannot fetch the file"
                        + (missing.contains { $0.contains("checksum") } ? " or check that it got the right bytes" : ""),
                    at: anchor(entry), anchor: "structure:\(name):file-object")]
                violations += checksumViolations(entry, name: name)
                return violations
            }
            if types.contains("FileSet") {
                var missing: [String] = []
                if has("includes", entry) == nil { missing.append("includes (the glob of its files)") }
                if has("encodingFormat", entry) == nil { missing.append("encodingFormat") }
                if entry["@id"] == nil && entry["name"] == nil { missing.append("@id") }
                return missing.isEmpty ? [] : [Violation(
                    "the FileSet \(name) lacks \(LifecycleReport.sentenceList(missing)): a loader cannot tell which files it holds",
                    at: anchor(entry), anchor: "structure:\(name):file-set")]
            }
            return [Violation("the distribution entry \(name) is not a cr:FileObject or cr:FileSet: Croissant reads files only from those",
                              at: anchor(entry), anchor: "structure:\(name):distribution-type")]
        }
    }

    /// A sha256 is 64 hexadecimal digits and an md5 32: a URL or the word "sha256" is no checksum.
    /// The one exception is the link to the Croissant issue on checksums for repositories, which
    /// exporters write where no checksum can exist (a git repository as a FileObject).
    private func checksumViolations(_ entry: JSONNode, name: String) -> [Violation] {
        [("sha256", 64), ("md5", 32)].compactMap { key, length in
            guard let member = has(key, entry), let value = member.value.string else { return nil }
            if Self.isChecksum(value, hexLength: length) || value.contains("github.com/mlcommons/croissant/issues/") { return nil }
            let hint = key == "sha256" && Self.isHex(value, length: 32) ? ": it has the length of an md5, so give it as `md5`" : ""
            return Violation("the \(key) of \(name) is not a checksum (\(length) hexadecimal digits): \"\(value.prefix(40))\"\(hint)",
                             at: file.anchor(member.keyLocation), anchor: "structure:\(name):\(key)")
        }
    }

    /// Hexadecimal digits of the right length, or the same digest in base64 (`…==`), which
    /// loaders accept too.
    static func isChecksum(_ value: String, hexLength: Int) -> Bool {
        if isHex(value, length: hexLength) { return true }
        let base64Length = (hexLength / 2 + 2) / 3 * 4
        return value.count == base64Length && value.hasSuffix("=")
            && value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+/=".unicodeScalars.contains($0)) }
    }

    static func isHex(_ value: String, length: Int) -> Bool {
        value.count == length && value.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
    }

    // MARK: Record sets and fields

    func recordSetViolations() -> [Violation] {
        recordSets.flatMap { recordSet -> [Violation] in
            let name = label(recordSet)
            var violations: [Violation] = []
            if !typeNames(recordSet).contains("RecordSet") {
                violations.append(Violation("the record set \(name) is not typed cr:RecordSet", at: anchor(recordSet),
                                            anchor: "structure:\(name):record-set-type"))
            }
            let fields = Self.fields(of: recordSet, file)
            for (field, parent) in fields {
                violations += fieldViolations(field, parent: parent, in: recordSet)
            }
            if let join = missingJoin(recordSet, fields: fields.filter { $0.parent == nil }.map(\.field)) {
                violations.append(Violation(
                    "the record set \(name) reads from \(join.0) and \(join.1) but declares no join between them: add a field "
                        + "with `references` naming the key it matches",
                    at: anchor(recordSet), anchor: "structure:\(name):join"))
            }
            return violations
        }
    }

    private func fieldViolations(_ field: JSONNode, parent: JSONNode?, in recordSet: JSONNode) -> [Violation] {
        let name = label(field)
        var violations: [Violation] = []
        if !typeNames(field).contains("Field") {
            violations.append(Violation("the field \(name) is not typed cr:Field", at: anchor(field), anchor: "structure:\(name):field-type"))
        }
        let source = has("source", field)
        let value = Self.croissantMembers("value", in: field, file).first
        let subFields = Self.croissantMembers("subField", in: field, file).first
        if source != nil && value != nil {
            violations.append(Violation("the field \(name) has both a source and a value: give it exactly one",
                                        at: anchor(field), anchor: "structure:\(name):source-or-value"))
        } else if source == nil && value == nil && subFields == nil && parent == nil && has("data", recordSet) == nil {
            violations.append(Violation("the field \(name) has neither a source nor a value: say where its content comes from",
                                        at: anchor(field), anchor: "structure:\(name):source-or-value"))
        }
        if subFields == nil, has("dataType", field) == nil, !inheritsType(source) {
            violations.append(Violation("the field \(name) has no dataType, and the field it reads has none either: give it one "
                                            + "(e.g. sc:Text, sc:Integer, sc:ImageObject)",
                                        at: anchor(field), anchor: "structure:\(name):data-type"))
        }
        if let shape = Self.croissantMembers("arrayShape", in: field, file).first {
            let isArray = Self.croissantMembers("isArray", in: field, file).first?.value.bool == true
            let dimensions = shape.value.string?.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            if !isArray {
                violations.append(Violation("the field \(name) gives an arrayShape but is not marked isArray: true",
                                            at: file.anchor(shape.keyLocation), anchor: "structure:\(name):array"))
            } else if dimensions.isEmpty || !dimensions.allSatisfy({ Int($0) != nil }) {
                violations.append(Violation("the arrayShape of \(name) is not a comma-separated list of whole numbers (-1 for any length)",
                                            at: file.anchor(shape.keyLocation), anchor: "structure:\(name):array-shape"))
            }
        }
        return violations
    }

    /// Whether a field's source is another field (which may carry the type).
    private func inheritsType(_ source: JSONMember?) -> Bool {
        guard let source else { return false }
        return Self.croissantMembers("field", in: source.value, file).first.map { reference in
            guard let id = Self.referencedIDs(reference.value).first else { return false }
            return recordSets.contains { recordSet in
                Self.fields(of: recordSet, file).contains { entry in
                    (entry.field["@id"]?.string ?? entry.field["name"]?.string) == id && has("dataType", entry.field) != nil
                }
            }
        } ?? false
    }

    /// Two of the record set's sources that no field joins (`source` + `references`), if any.
    private func missingJoin(_ recordSet: JSONNode, fields: [JSONNode]) -> (String, String)? {
        var sources: [String] = []
        var joins = Set<[String]>()
        for field in fields {
            guard let source = has("source", field).flatMap({ origin(of: $0.value) }) else { continue }
            if !sources.contains(source) { sources.append(source) }
            if let target = has("references", field).flatMap({ origin(of: $0.value) }) { joins.insert([source, target].sorted()) }
        }
        let sorted = sources.sorted()
        for (index, first) in sorted.enumerated() {
            for second in sorted[(index + 1)...] where !joins.contains([first, second]) {
                return ("'\(first)'", "'\(second)'")
            }
        }
        return nil
    }

    /// What a source reads from: its file object or file set, or the record set of the field it names.
    private func origin(of source: JSONNode) -> String? {
        for key in ["fileObject", "fileSet", "recordSet"] {
            if let member = Self.croissantMembers(key, in: source, file).first { return Self.referencedIDs(member.value).first }
        }
        guard let member = Self.croissantMembers("field", in: source, file).first, let id = Self.referencedIDs(member.value).first
        else { return nil }
        return id.split(separator: "/").first.map(String.init) ?? id
    }

    // MARK: References

    /// Every `containedIn`, `source` and `references` target must be an `@id` the file defines.
    func referenceViolations() -> [Violation] {
        var violations: [Violation] = []
        var reported = Set<String>()
        for (member, _) in file.allMembers {
            let iri = file.iri(member.key)
            let name = CroissantVocabulary.croissantName(iri) ?? CroissantVocabulary.schemaName(iri) ?? ""
            guard ["containedIn", "fileObject", "fileSet", "field", "recordSet"].contains(name) else { continue }
            // `field` and `recordSet` are also the lists that define things; only references are checked.
            if name == "field" || name == "recordSet", member.value.array != nil || member.value["@type"] != nil { continue }
            for id in Self.referencedIDs(member.value) where !ids.contains(id) && reported.insert(id).inserted {
                violations.append(Violation(
                    "`\(member.key)` names '\(id)', which no distribution entry, record set or field of the file defines",
                    at: file.anchor(member.keyLocation), anchor: "structure:reference:\(id)"))
            }
        }
        return violations
    }

    /// The ids a reference names: `{"@id": "x"}`, `"x"`, or a list of those.
    static func referencedIDs(_ node: JSONNode) -> [String] {
        switch node.value {
        case .string(let id): return [id]
        case .object: return node["@id"]?.string.map { [$0] } ?? []
        case .array(let items): return items.flatMap(referencedIDs)
        default: return []
        }
    }

    // MARK: Value types

    /// Core properties that must be text: a name or description given as an object or list of
    /// objects is not one a reader or a catalogue can show.
    func valueTypeViolations() -> [Violation] {
        ["name", "description"].compactMap { property in
            guard let member = file.schemaMembers(property, in: file.dataset).first else { return nil }
            switch member.value.value {
            case .string: return nil
            case .array(let items) where items.allSatisfy({ $0.string != nil }): return nil
            case .object where member.value["@value"]?.string != nil: return nil
            default:
                return Violation("the dataset's `\(member.key)` is not text: write it as a string",
                                 at: file.anchor(member.keyLocation), anchor: "structure:value:\(property)")
            }
        }
    }
}
