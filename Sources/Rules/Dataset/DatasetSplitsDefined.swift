import Documents
import Lint

/// DS-007: training, validation and test data are defined, and the test data is independent.
struct DatasetSplitsDefined: Rule {
    static let description = RuleDescription(
        id: "DS-007",
        title: "Splits are defined and test data is independent",
        rationale: """
            A measured result means something only if the test data is known and was kept apart \
            from the training data: the same person, document or near-duplicate on both sides \
            inflates every metric. The documentation should name the training, validation and \
            test data (or the split definitions in the card's configs, or Croissant's cr:Split \
            record set) and say how the test data was kept independent.
            """,
        fix: "Define the training, validation and test splits and state how overlap between them was prevented.",
        stage: .verificationAndValidation, processes: [.verification], controls: ["A.7.4", "A.6.2.4"], level: .warning,
        scope: [.dataset], judgesPublishedDocument: true,
        passing: [
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "verification-and-validation"),
                "models/budget/receipts/DATASHEET.md": DatasetExampleFiles.datasheet,
            ], note: "splits by uploader, stated in the datasheet's Uses"),
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "deployment"),
                "models/budget/receipts/README.md": DatasetExampleFiles.datasetCard,
            ], note: "splits in the card's configs, independence in Dataset Structure"),
            Example([
                "data/receipts/croissant.json": CroissantExamples.file(
                    version: "1.1",
                    description: #""description": "Receipt lines; the test split shares no receipt with the training split (no overlap).","#,
                    recordSets: CroissantExamples.recordSet("lines", fields: [CroissantExamples.text, CroissantExamples.field("lines/split", """
                          "dataType": "sc:Text",
                          "source": { "fileSet": { "@id": "receipt-lines" }, "extract": { "fileProperty": "filename" } }
                """)])),
            ], note: "a Croissant field that holds each record's split, read from the file names"),
            Example([
                "data/receipts/README.md": """
                    ---
                    task_categories:
                      - text-classification
                    ---
                    # Receipts

                    ### Data Splits

                    The training set holds 48,000 receipts and the test set 12,000. The test receipts were
                    photographed by different people than the training receipts.
                    """,
            ], note: "independence told as who made each split, not with the word"),
        ],
        failing: [
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "verification-and-validation"),
                "models/budget/receipts/DATASHEET.md": """
                    # Datasheet for receipts

                    ↓## Composition

                    Each instance is a photographed receipt with transcribed line items.
                    """,
            ], note: "no splits at all"),
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "verification-and-validation"),
                "models/budget/receipts/README.md": """
                    ↓---
                    license: cc-by-nc-4.0
                    configs:
                      - config_name: default
                        data_files:
                          - split: train
                            path: train.jsonl
                          - split: test
                            path: test.jsonl
                    ---
                    """,
            ], note: "splits declared in front matter, but nothing says the test data is independent"),
            Example([
                ".aims/config.yml": DatasetExampleFiles.config(stage: "verification-and-validation"),
                "models/budget/receipts/README.md": """
                    ---
                    task_categories:
                      - text-classification
                    ---
                    # Receipts

                    ↓### Data Splits

                    There are no explicit train/test splits in this dataset.
                    """,
            ], note: "a splits section that says there are none defines none"),
            Example([
                "data/receipts/README.md": """
                    ---
                    task_categories:
                      - text-classification
                    ---
                    # Receipts

                    ↓### Data Splits

                    The dataset only contains a TRAIN set; users may cut it into TRAIN, TEST and VALIDATION parts themselves.
                    """,
            ], note: "held-out splits named only as something the user may make"),
            Example([
                "data/receipts/croissant.json": CroissantExamples.file(
                    version: "1.0",
                    description: #"↓"description": "Receipt lines: a training set of 9,000 lines and a test set of 1,000 lines.","#),
            ], note: "splits told only in a Croissant description: defined, but nothing says the test lines are independent"),
            Example([
                "data/receipts/croissant.json": CroissantExamples.file(
                    version: "1.1",
                    recordSets: CroissantExamples.lines + ",\n" + """
                        {
                          "@type": "cr:RecordSet",
                          "@id": "splits",
                          ↓"dataType": "cr:Split",
                          "key": { "@id": "splits/name" },
                          "field": [
                            { "@type": "cr:Field", "@id": "splits/name", "dataType": "sc:Text" },
                            { "@type": "cr:Field", "@id": "splits/url", "dataType": "sc:URL" }
                          ],
                          "data": [ { "splits/name": "train", "splits/url": "cr:TrainingSplit" } ]
                        }
                """),
            ], note: "a Croissant split record set with the training split alone: no test data to keep apart"),
            Example([
                "data/receipts/README.md": """
                    ---
                    license: cc-by-4.0
                    task_categories:
                      - text-classification
                    ---
                    # Receipts

                    ## Dataset Structure

                    Each record is one receipt line.

                    ↓### Data Splits

                    | name | train_r1 | dev_r1 | test_r1 | train_r2 | test_r2 |
                    |---|---:|---:|---:|---:|---:|
                    | default | 9120 | 500 | 500 | 12040 | 800 |
                    """,
            ], note: "split names in a table with a round suffix (`test_r1`): held-out data is named, its independence is not"),
        ])

    static let sections = SectionMatcher(keys: [.dataSplits], titleWords: ["split"])
    static let trainPatterns = [#"\btrain(ing)?\b"#]
    static let testPatterns = [#"\btest(ing)?\b"#, #"held[- ]out"#, #"\bevaluation\b"#]
    static let splitPatterns = [#"\bsplits?\b"#, #"\bpartition"#, #"%"#, #"\bfolds?\b"#, #"\bsubsets?\b"#, #"\bportions?\b"#]
    /// "There are no explicit train/val/test splits", "only a train split": no split to keep apart.
    static let noSplitPatterns = [
        #"\bno (explicit |predefined |pre-defined |official |standard )?(train|training|test|validation|dev)\b"#,
        #"\bonly (a |one )?(train|training) split\b"#, #"\b(a )?single split\b"#, #"\bnot (split|divided)\b"#,
        #"\b(only|just) (contains |has |provides |includes |offers )?(a |one |the )?(single )?(train|training) (set|split|part|portion)\b"#,
    ]

    /// Who or what differs between splits, when said together with both splits.
    static let separationPatterns = [
        #"\b(different|separate|distinct|disjoint) (sets? of )?(individuals|people|persons|writers|speakers|users|subjects|authors|sources|patients|customers|uploaders|sites)\b"#,
    ]
    /// Statements that the test data was kept apart.
    static let independencePatterns = [
        #"\bindependen(t|ce)\b"#, #"\bdisjoint\b"#, #"\bno overlap"#, #"\b(do|does|did) not overlap"#,
        #"\bnon-?overlapping\b"#, #"\bheld[- ]out\b"#, #"\bleak(age|ed|s)?\b"#, #"\bnever (used|seen)\b"#,
        #"\bdeduplicated (against|across)\b"#, #"\bunseen\b"#, #"\b(different|separate|distinct) (uploaders|users|speakers|customers|patients|subjects|authors|sources|sites|time periods)\b"#,
        #"\bno (uploader|user|speaker|customer|patient|subject|author) appears in more than one\b"#,
        #"\bsplit by (uploader|user|speaker|customer|patient|subject|author|source|site|time|date)\b"#,
    ]

    func evaluate(_ context: RuleContext) -> Evaluation {
        let documents = DatasetDocuments(context.artifacts)
        if let reason = documents.notJudgedReason { return .notApplicable(reason: reason) }
        let splits: Anchor
        switch splitEvidence(documents) {
        case .defined(let anchor):
            splits = anchor
        case let found:
            // A splits section (or split record set) that names only the training data says so;
            // none at all is the other case.
            var at = documents.location(for: SectionMatcher(keys: [.dataSplits, .datasetStructure, .composition]),
                                        context: context)
            var what = "defines no training, validation and test data"
            if case .heldOutMissing(let anchor) = found {
                what = "names no test or validation split"
                at = anchor ?? at
            }
            return .evaluated([Violation(
                "\(DatasetDocuments.name(context)) \(what): name the splits, "
                    + "their sizes and how records were assigned, and say how the test data was kept independent",
                at: at, anchor: "splits", absence: true)])
        }
        if documents.mentions(Self.independencePatterns) { return .pass }
        // "the test set was written by different people than the training set": a separation
        // said in the same sentence group as both splits.
        if documents.proseBlocks.contains(where: { entry in
            DatasetText.matches(entry.text, Self.separationPatterns) && DatasetText.matches(entry.text, Self.trainPatterns)
                && DatasetText.matches(entry.text, Self.testPatterns)
        }) { return .pass }
        // What a Croissant file says about its data, not the abstracts it cites (`citeAs`).
        let croissantText = documents.croissant.flatMap { file in
            file.allMembers.filter { entry in
                entry.member.value.string != nil && CroissantVocabulary.croissantName(file.iri(entry.member.key)) != "citeAs"
                    && CroissantVocabulary.schemaName(file.iri(entry.member.key)) != "citation"
            }.compactMap(\.member.value.string)
        }.joined(separator: "\n")
        if DatasetText.matches(croissantText, Self.independencePatterns) { return .pass }
        return .evaluated([Violation(
            "\(DatasetDocuments.name(context)) defines splits but does not say how the test data was kept independent "
                + "of the training data (e.g. split by source or person, deduplicated across splits)",
            at: splits,
            anchor: "test-independence")])
    }

    /// What defines the splits: nothing; splits with no held-out data (a splits section or a
    /// split record set naming only the training data, or saying there are none); or held-out
    /// splits, with where they are defined (the section, the front matter's document, the
    /// Croissant key).
    private enum SplitEvidence {
        case none
        case heldOutMissing(Anchor?)
        case defined(Anchor)
    }

    /// Held-out data named in a splits section, also as part of a split's name (`test_r1`,
    /// `dev-clean`, `validation_matched`): letters, not word characters, bound the word.
    private static let heldOutPatterns = [
        #"(?<![a-z])(test|testing|valid|validation|val|dev|devtest|eval|evaluation)(?![a-z])"#, #"held[- ]out"#,
    ]
    private static let heldOutWords: Set<String> = ["test", "testing", "validation", "val", "dev", "devtest"]

    private func splitEvidence(_ documents: DatasetDocuments) -> SplitEvidence {
        if let section = documents.answeredSection(Self.sections) {
            let text = section.text
            let saysNone = DatasetText.matches(text, Self.noSplitPatterns) || !DatasetText.matches(text, Self.heldOutPatterns)
            return saysNone ? .heldOutMissing(nil) : .defined(section.heading)
        }
        return definingEvidence(documents)
    }

    /// Whether a split record set (the object typed `cr:Split`) names held-out data: a test or
    /// validation split type, or the word as a split's name (`"split_name": "validation"`). Names
    /// elsewhere in the file ("…_fast_test" as the dataset's name) say nothing about its splits.
    private static func namesHeldOutData(_ splitSet: JSONNode, in file: CroissantFile) -> Bool {
        CroissantFile.strings(in: splitSet).contains { value in
            if value.contains(":"), let name = CroissantVocabulary.croissantName(file.iri(value)),
               ["TestSplit", "ValidationSplit"].contains(name) {
                return true
            }
            guard value.count <= 200 else { return false }
            return !Set(value.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                .isDisjoint(with: heldOutWords)
        }
    }

    private func definingEvidence(_ documents: DatasetDocuments) -> SplitEvidence {
        var heldOutMissing: Anchor?
        for entry in documents.proseBlocks where DatasetText.matches(entry.text, Self.trainPatterns)
            && DatasetText.matches(entry.text, Self.testPatterns) && DatasetText.matches(entry.text, Self.splitPatterns) {
            let document = entry.source.document
            if let index = document.sectionIndex(containing: entry.block.range.start.line) {
                return .defined(FoundSection(source: entry.source, index: index).heading)
            }
            return .defined(Anchor(path: entry.source.artifact.path, line: entry.block.range.start.line))
        }
        if let card = documents.markdown.first(where: { Self.frontMatterDefinesSplits($0.artifact.frontMatter) }) {
            return .defined(card.artifact.firstLine)
        }
        for file in documents.croissant {
            let splitSets = file.allMembers.filter { Self.namesSplit($0.member, in: file) }
            if let first = splitSets.first {
                if let held = splitSets.first(where: { Self.namesHeldOutData($0.owner, in: file) }) {
                    return .defined(file.anchor(held.member.keyLocation))
                }
                heldOutMissing = heldOutMissing ?? file.anchor(first.member.keyLocation)
                continue
            }
            // A field named for the split (read from the file names, say), or files named per split.
            if let member = file.allMembers.map(\.member).first(where: { member in
                ["@id", "name"].contains(member.key) && member.value.string.map(Self.namesSplitField) == true
            }) {
                return .defined(file.anchor(member.keyLocation))
            }
            // Splits told in the description ("a training set of 60,000 and a test set of 10,000").
            if let description = file.schemaMembers("description", in: file.dataset).first,
               let text = description.value.string, DatasetText.matches(text, [#"\btrain(ing)? (set|split|data)\b"#]),
               DatasetText.matches(text, [#"\b(test|testing|validation|dev) (set|split|data)\b"#]) {
                return .defined(file.anchor(description.keyLocation))
            }
            // Files or record sets named per split ("train.parquet", "fashion_mnist_test").
            let words = Set(file.allMembers.map(\.member).filter { ["contentUrl", "includes", "name", "@id"].contains($0.key) }
                .compactMap { $0.value.string?.lowercased() }
                .flatMap { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) })
            if !words.isDisjoint(with: ["train", "training"]) && !words.isDisjoint(with: ["test", "testing", "validation", "val", "dev"]) {
                return .defined(file.topAnchor)
            }
        }
        return heldOutMissing.map { .heldOutMissing($0) } ?? .none
    }

    /// `configs[].data_files[].split`, `dataset_info.splits` or `train-eval-index[].splits`.
    static func frontMatterDefinesSplits(_ front: YAMLNode?) -> Bool {
        guard let front else { return false }
        func search(_ node: YAMLNode) -> Bool {
            switch node.value {
            case .mapping(let pairs):
                return pairs.contains { pair in
                    let key = pair.key.string ?? ""
                    if key == "split", let value = pair.value.string, !value.isEmpty { return true }
                    if key == "splits", !(pair.value.isNull || pair.value.array?.isEmpty == true) { return true }
                    return search(pair.value)
                }
            case .sequence(let items): return items.contains(where: search)
            default: return false
            }
        }
        return ["configs", "dataset_info", "train-eval-index"].contains { front[$0].map(search) ?? false }
    }

    /// `split`, `data/split`, `records/fold`: the id or name of a field that holds each record's split.
    static func namesSplitField(_ id: String) -> Bool {
        let last = id.split(separator: "/").last.map { $0.lowercased() } ?? ""
        return ["split", "splits", "fold", "partition", "subset"].contains(last)
    }

    /// A member whose value names a Croissant split type (`cr:Split`, `cr:TrainingSplit`, …).
    static func namesSplit(_ member: JSONMember, in file: CroissantFile) -> Bool {
        // The member's own value (`"dataType": "cr:Split"`, or a list of types; `{"@id": …}`),
        // not everything nested below it, so the finding points at the key itself.
        let own: [String]
        switch member.value.value {
        case .string(let text): own = [text]
        case .array(let items): own = items.compactMap(\.string)
        case .object(let members): own = members.filter { $0.key == "@id" }.compactMap(\.value.string)
        default: own = []
        }
        return own.contains { value in
            guard value.contains(":") else { return false }
            return CroissantVocabulary.croissantName(file.iri(value))?.hasSuffix("Split") == true
        }
    }
}
