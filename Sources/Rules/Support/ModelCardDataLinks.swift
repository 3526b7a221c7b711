import Foundation
import Documents
import Lint

/// A path inside the repository that a model card points at as data.
struct LocalDataLink: Hashable {
    /// Repository-relative path of the file or folder linked to.
    let target: String
    let isFolder: Bool
    /// Where the link (or front matter entry) is written.
    let location: Anchor
}

/// Finds the local data a model card links to: relative Markdown links (inline and reference
/// definitions, outside code and HTML comments) to data files or data folders, front matter
/// `datasets` entries that name a repository path, and Model Card Toolkit `data[].link` paths.
/// A Hub id or URL is external and never returned.
enum ModelCardDataLinks {
    /// File extensions that hold data wherever they are linked from.
    static let dataExtensions: Set<String> = [
        "csv", "tsv", "jsonl", "ndjson", "parquet", "arrow", "feather", "avro", "orc", "h5", "hdf5", "npy", "npz",
        "tfrecord", "tfrecords", "pkl", "pickle", "xlsx", "xls", "zip", "tar", "gz", "tgz", "bz2", "xz", "zst", "7z",
        "sqlite", "db",
    ]
    /// Extensions that count as data only when linked from a data section ("Training Data").
    static let weakDataExtensions: Set<String> = ["json", "txt", "xml", "yaml", "yml"]
    /// Folder names that mark a folder as data wherever it is linked from.
    static let dataFolderNames: Set<String> = ["data", "dataset", "datasets", "corpus", "corpora", "raw-data", "raw_data"]
    /// Sections whose links are read as links to data.
    static let dataSections: Set<SectionKey> = [.trainingData, .testingData, .datasetSources, .sourceData]

    static func links(in card: Artifact, project: Project) -> [LocalDataLink] {
        var result: [LocalDataLink] = []
        if let document = card.markdown {
            result += markdownLinks(document, card: card, project: project)
            result += frontMatterLinks(card, project: project)
        } else if let json = card.json {
            result += toolkitLinks(json, card: card, project: project)
        }
        var seen = Set<String>()
        return result.filter { seen.insert("\($0.target)@\($0.location.line)").inserted }
    }

    // MARK: Markdown

    private static func markdownLinks(_ document: MarkdownDocument, card: Artifact, project: Project) -> [LocalDataLink] {
        let skipped = skippedLines(document)
        var result: [LocalDataLink] = []
        for line in 1...max(document.lineCount, 1) where !skipped.contains(line) {
            for (destination, column) in destinations(in: document.line(line)) {
                guard let (target, isFolder) = resolve(destination, from: card.folder, project: project) else { continue }
                let inDataSection = isDataSection(document, line: line)
                guard isData(target, isFolder: isFolder, inDataSection: inDataSection) else { continue }
                result.append(LocalDataLink(target: target, isFolder: isFolder,
                                            location: Anchor(path: card.path, line: line, column: column)))
            }
        }
        return result
    }

    /// Front matter, code blocks and HTML comments: no links are read there.
    private static func skippedLines(_ document: MarkdownDocument) -> Set<Int> {
        var lines = Set<Int>()
        if let front = document.frontMatter { lines.formUnion(front.range.start.line...front.range.end.line) }
        for block in document.preamble + document.sections.flatMap(\.blocks) {
            if case .code = block.kind { lines.formUnion(block.range.start.line...block.range.end.line) }
        }
        for comment in document.htmlComments { lines.formUnion(comment.range.start.line...comment.range.end.line) }
        return lines
    }

    private static func isDataSection(_ document: MarkdownDocument, line: Int) -> Bool {
        var index = document.sectionIndex(containing: line)
        while let current = index {
            if let key = document.sections[current].key, dataSections.contains(key) { return true }
            index = document.sections[current].parent
        }
        return false
    }

    /// Link destinations on one line with their 1-based columns: `[text](dest "title")`,
    /// `[text](<dest>)` and reference definitions `[label]: dest`.
    static func destinations(in line: String) -> [(String, Int)] {
        let scalars = Array(line.unicodeScalars)
        var result: [(String, Int)] = []
        if let definition = referenceDefinition(scalars) { result.append(definition) }
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "]", scalars[index + 1] == "(" else { index += 1; continue }
            var cursor = index + 2
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            let start = cursor
            var destination = String.UnicodeScalarView()
            if cursor < scalars.count, scalars[cursor] == "<" {
                cursor += 1
                while cursor < scalars.count, scalars[cursor] != ">" { destination.append(scalars[cursor]); cursor += 1 }
            } else {
                var depth = 0
                while cursor < scalars.count, scalars[cursor] != " " {
                    if scalars[cursor] == "(" { depth += 1 }
                    if scalars[cursor] == ")" { if depth == 0 { break }; depth -= 1 }
                    destination.append(scalars[cursor])
                    cursor += 1
                }
            }
            if !destination.isEmpty { result.append((String(destination), start + 1)) }
            index = cursor
        }
        return result
    }

    private static func referenceDefinition(_ scalars: [Unicode.Scalar]) -> (String, Int)? {
        var index = 0
        while index < scalars.count, index < 3, scalars[index] == " " { index += 1 }
        guard index < scalars.count, scalars[index] == "[" else { return nil }
        guard let close = scalars[index...].firstIndex(of: "]"), close + 1 < scalars.count, scalars[close + 1] == ":" else {
            return nil
        }
        var cursor = close + 2
        while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
        let start = cursor
        var destination = String.UnicodeScalarView()
        while cursor < scalars.count, scalars[cursor] != " " { destination.append(scalars[cursor]); cursor += 1 }
        var text = String(destination)
        if text.hasPrefix("<") && text.hasSuffix(">") && text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        return text.isEmpty ? nil : (text, start + 1)
    }

    // MARK: Front matter and Model Card Toolkit

    private static func frontMatterLinks(_ card: Artifact, project: Project) -> [LocalDataLink] {
        guard let entries = card.frontMatter?["datasets"] else { return [] }
        let items = entries.array ?? [entries]
        return items.compactMap { item in
            guard let name = item.string, let (target, isFolder) = resolveEntry(name, card: card, project: project) else { return nil }
            return LocalDataLink(target: target, isFolder: isFolder,
                                 location: Anchor(path: card.path, line: item.location.line, column: item.location.column))
        }
    }

    private static func toolkitLinks(_ json: JSONNode, card: Artifact, project: Project) -> [LocalDataLink] {
        let data = json["model_parameters"]?["data"]?.array ?? []
        return data.compactMap { entry in
            guard let link = entry["link"], let text = link.string,
                  let (target, isFolder) = resolve(text, from: card.folder, project: project) else { return nil }
            return LocalDataLink(target: target, isFolder: isFolder,
                                 location: Anchor(path: card.path, line: link.location.line, column: link.location.column))
        }
    }

    /// A front matter entry is a path when it resolves to something in the repository, relative
    /// to the card first, then to the repository root; otherwise it is a Hub id.
    private static func resolveEntry(_ name: String, card: Artifact, project: Project) -> (String, Bool)? {
        if let found = resolve(name, from: card.folder, project: project) { return found }
        if name.hasPrefix("./") || name.hasPrefix("../") { return nil }
        return resolve("/" + name, from: "", project: project)
    }

    // MARK: Resolution

    /// A link destination as an existing repository path; nil for URLs, anchors, and paths that
    /// leave the repository or do not exist.
    static func resolve(_ destination: String, from folder: String, project: Project) -> (String, Bool)? {
        var text = destination
        if let cut = text.firstIndex(where: { $0 == "#" || $0 == "?" }) { text = String(text[..<cut]) }
        text = text.removingPercentEncoding ?? text
        guard !text.isEmpty, !text.contains("://"), !text.lowercased().hasPrefix("mailto:"), !text.contains("\\") else { return nil }
        guard let path = PathMath.resolve(text, from: folder), !path.isEmpty else { return nil }
        if project.fileExists(path) { return (path, false) }
        if project.folderExists(path) { return (path, true) }
        return nil
    }

    private static func isData(_ target: String, isFolder: Bool, inDataSection: Bool) -> Bool {
        if isFolder {
            if inDataSection { return true }
            return target.split(separator: "/").contains { dataFolderNames.contains($0.lowercased()) }
        }
        let name = PathMath.name(of: target).lowercased()
        guard let dot = name.lastIndex(of: ".") else { return false }
        let ext = String(name[name.index(after: dot)...])
        return dataExtensions.contains(ext) || (inDataSection && weakDataExtensions.contains(ext))
    }
}
