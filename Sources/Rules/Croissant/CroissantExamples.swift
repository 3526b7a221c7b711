import Lint

/// Croissant files of our own for CR-003's examples: one complete file for each specification
/// version, and one file per structural fault, each fault marked where the rule reports it.
enum CroissantExamples {
    static let checksum = "6f1c0d2b4c7e9a8f3b5d1e2c4a6b8d0f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9a1b"

    /// A complete Croissant file; the parts given replace the complete ones.
    static func file(version: String, description: String? = nil, distribution: String? = nil,
                     recordSets: String? = nil) -> String {
        """
        {
          "@context": {
            "@language": "en",
            "@vocab": "http://schema.org/",
            "sc": "http://schema.org/",
            "cr": "http://mlcommons.org/croissant/",
            "dct": "http://purl.org/dc/terms/"
          },
          "@type": "sc:Dataset",
          "dct:conformsTo": "http://mlcommons.org/croissant/\(version)",
          "name": "pantry-receipts",
          \(description ?? #""description": "Grocery receipt lines labelled with expense categories.","#)
          "license": "https://creativecommons.org/licenses/by/4.0/",
          "url": "https://data.example.org/pantry-receipts",
          "creator": { "@type": "sc:Organization", "name": "Example Budgeting Labs" },
          "datePublished": "2024-05-14",
          "distribution": [
        \(distribution ?? Self.distribution)
          ],
          "recordSet": [
        \(recordSets ?? Self.lines)
          ]
        }

        """
    }

    static let archive = """
            {
              "@type": "cr:FileObject",
              "@id": "receipts.zip",
              "contentUrl": "https://data.example.org/receipts.zip",
              "encodingFormat": "application/zip",
              "sha256": "\(checksum)"
            }
        """

    static let lineFiles = """
            {
              "@type": "cr:FileSet",
              "@id": "receipt-lines",
              "containedIn": { "@id": "receipts.zip" },
              "encodingFormat": "text/csv",
              "includes": "lines/*.csv"
            }
        """

    static let categoriesFile = """
            {
              "@type": "cr:FileObject",
              "@id": "categories.csv",
              "contentUrl": "https://data.example.org/categories.csv",
              "encodingFormat": "text/csv",
              "sha256": "\(checksum)"
            }
        """

    static let distribution = archive + ",\n" + lineFiles + ",\n" + categoriesFile

    static func field(_ id: String, _ body: String) -> String {
        """
                {
                  "@type": "cr:Field",
                  "@id": "\(id)",
        \(body)
                }
        """
    }

    static let text = field("lines/text", """
                  "dataType": "sc:Text",
                  "source": { "fileSet": { "@id": "receipt-lines" }, "extract": { "column": "text" } }
        """)

    static let category = field("lines/category", """
                  "dataType": "sc:Text",
                  "source": { "fileSet": { "@id": "receipt-lines" }, "extract": { "column": "category" } }
        """)

    static func recordSet(_ id: String, type: String = "cr:RecordSet", fields: [String]) -> String {
        """
            {
              "@type": "\(type)",
              "@id": "\(id)",
              "field": [
        \(fields.joined(separator: ",\n"))
              ]
            }
        """
    }

    static let lines = recordSet("lines", fields: [text, category])

    /// A categories record set, and lines that join it by a key and read a label through it.
    static let joined = recordSet("categories", fields: [
        field("categories/id", """
                  "dataType": "sc:Text",
                  "source": { "fileObject": { "@id": "categories.csv" }, "extract": { "column": "id" } }
        """),
        field("categories/label", """
                  "dataType": "sc:Text",
                  "source": { "fileObject": { "@id": "categories.csv" }, "extract": { "column": "label" } }
        """),
    ]) + ",\n" + recordSet("lines", fields: [
        text,
        field("lines/category", """
                  "dataType": "sc:Text",
                  "source": { "fileSet": { "@id": "receipt-lines" }, "extract": { "column": "category_id" } },
                  "references": { "field": { "@id": "categories/id" } }
        """),
        field("lines/label", """
                  "source": { "field": { "@id": "categories/label" } }
        """),
    ])

    static func failing(_ note: String, description: String? = nil, distribution: String? = nil,
                        recordSets: String? = nil) -> Example {
        Example(["data/receipts/croissant.json": file(version: "1.1", description: description, distribution: distribution,
                                                       recordSets: recordSets)], note: note)
    }

    static let failing: [Example] = [
        failing("a distribution entry that is no FileObject or FileSet", distribution: archive + ",\n" + """
                {
                  ↓"@type": "sc:MediaObject",
                  "@id": "scans",
                  "contentUrl": "https://data.example.org/scans"
                }
        """ + ",\n" + lineFiles.replacingOccurrences(of: "receipts.zip", with: "scans")),
        failing("a FileObject with no contentUrl and no checksum", distribution: """
                {
                  ↓"@type": "cr:FileObject",
                  "@id": "receipts.zip",
                  "encodingFormat": "application/zip"
                },
        """ + "\n" + lineFiles),
        failing("a FileSet without includes", distribution: archive + ",\n" + """
                {
                  ↓"@type": "cr:FileSet",
                  "@id": "receipt-lines",
                  "containedIn": { "@id": "receipts.zip" },
                  "encodingFormat": "text/csv"
                }
        """),
        failing("a checksum that is a URL", distribution: """
                {
                  "@type": "cr:FileObject",
                  "@id": "receipts.zip",
                  "contentUrl": "https://data.example.org/receipts.zip",
                  "encodingFormat": "application/zip",
                  ↓"sha256": "https://data.example.org/receipts.zip.sha256"
                },
        """ + "\n" + lineFiles),
        failing("containedIn naming an @id the file does not define", distribution: archive + ",\n"
            + lineFiles.replacingOccurrences(of: #""containedIn": { "@id": "receipts.zip" }"#,
                                             with: #"↓"containedIn": { "@id": "receipts.tar" }"#)),
        failing("a source naming a file set the file does not define", recordSets: recordSet("lines", fields: [
            field("lines/category", """
                  "dataType": "sc:Text",
                  ↓"source": { "fileSet": { "@id": "receipt-rows" }, "extract": { "column": "category" } }
        """),
        ])),
        failing("references naming a field the file does not define", recordSets: recordSet("lines", fields: [
            text,
            field("lines/category", """
                  "dataType": "sc:Text",
                  "source": { "fileSet": { "@id": "receipt-lines" }, "extract": { "column": "category" } },
                  ↓"references": { "field": { "@id": "categories/id" } }
        """),
        ])),
        failing("a record set typed with a misspelt class",
                recordSets: recordSet("lines", type: "cr:Recordset", fields: [text, category])
                    .replacingOccurrences(of: #""@type": "cr:Recordset""#, with: #"↓"@type": "cr:Recordset""#)),
        failing("a field typed sc:Text instead of cr:Field", recordSets: recordSet("lines", fields: [
            text,
            category.replacingOccurrences(of: #""@type": "cr:Field""#, with: #"↓"@type": "sc:Text""#),
        ])),
        failing("a field with both a source and a value", recordSets: recordSet("lines", fields: [
            text,
            category.replacingOccurrences(of: #""@type": "cr:Field""#, with: #"↓"@type": "cr:Field""#)
                .replacingOccurrences(of: #""dataType": "sc:Text","#, with: #""dataType": "sc:Text", "value": "groceries","#),
        ])),
        failing("a field with neither a source nor a value", recordSets: recordSet("lines", fields: [
            text,
            field("lines/category", """
                  "dataType": "sc:Text"
        """).replacingOccurrences(of: #""@type": "cr:Field""#, with: #"↓"@type": "cr:Field""#),
        ])),
        failing("a field with no dataType that reads a file, not a typed field", recordSets: recordSet("lines", fields: [
            text,
            field("lines/category", """
                  "source": { "fileSet": { "@id": "receipt-lines" }, "extract": { "column": "category" } }
        """).replacingOccurrences(of: #""@type": "cr:Field""#, with: #"↓"@type": "cr:Field""#),
        ])),
        failing("a record set reading two sources without a join", recordSets: recordSet("lines", fields: [
            text,
            field("lines/category", """
                  "dataType": "sc:Text",
                  "source": { "fileObject": { "@id": "categories.csv" }, "extract": { "column": "label" } }
        """),
        ]).replacingOccurrences(of: #""@type": "cr:RecordSet""#, with: #"↓"@type": "cr:RecordSet""#)),
        failing("an arrayShape on a field that is not an array (Croissant 1.1)", recordSets: recordSet("lines", fields: [
            text,
            field("lines/amounts", """
                  "dataType": "sc:Float",
                  ↓"arrayShape": "-1",
                  "source": { "fileSet": { "@id": "receipt-lines" }, "extract": { "column": "amounts" } }
        """),
        ])),
        failing("a description that is an object, not text",
                description: #"↓"description": { "summary": "Grocery receipt lines." },"#),
    ]
}
