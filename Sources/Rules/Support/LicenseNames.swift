import Foundation

/// Licence names as people write them ("Apache License 2.0", "apache-2.0", "CC BY 4.0",
/// "GNU GPL v3"), mapped to SPDX ids so that a card and a LICENSE file can be compared.
///
/// Names are compared in a *compact form*: lowercased; "licence" read as "license"; only
/// letters, digits, `.` and `+` kept; the words "license", "version" and "the" dropped;
/// long names shortened ("general public" → "gpl", "creative commons attribution" → "ccby");
/// "v" before a version dropped; a trailing ".0" dropped; "-only" / "-or-later" / "+" dropped.
enum LicenseNames {
    /// SPDX id (or a Hub id where SPDX has none) → other spellings. The id's own spelling
    /// is always accepted.
    static let table: [(id: String, aliases: [String])] = [
        ("Apache-2.0", ["Apache 2", "Apache License 2.0", "Apache Software License 2.0", "ASL 2.0", "ALv2"]),
        ("MIT", ["MIT License", "Expat", "MIT/X11"]),
        ("BSD-3-Clause", ["BSD 3-Clause", "BSD-3", "New BSD", "Revised BSD", "Modified BSD", "BSD 3 Clause"]),
        ("BSD-2-Clause", ["BSD 2-Clause", "BSD-2", "Simplified BSD", "FreeBSD"]),
        ("GPL-3.0", ["GPLv3", "GNU GPL v3", "GNU General Public License v3"]),
        ("GPL-2.0", ["GPLv2", "GNU GPL v2", "GNU General Public License v2"]),
        ("LGPL-3.0", ["LGPLv3", "GNU Lesser General Public License v3"]),
        ("LGPL-2.1", ["LGPLv2.1", "GNU Lesser General Public License v2.1"]),
        ("AGPL-3.0", ["AGPLv3", "GNU Affero General Public License v3"]),
        ("MPL-2.0", ["Mozilla Public License 2.0"]),
        ("EPL-2.0", ["Eclipse Public License 2.0"]),
        ("BSL-1.0", ["Boost Software License 1.0"]),
        ("ISC", ["ISC License"]),
        ("Unlicense", ["The Unlicense"]),
        ("WTFPL", []),
        ("Zlib", []),
        ("Artistic-2.0", []),
        ("CC0-1.0", ["CC0", "CC0 1.0 Universal", "Public Domain Dedication"]),
        ("CC-BY-4.0", ["CC BY 4.0", "Creative Commons Attribution 4.0 International"]),
        ("CC-BY-SA-4.0", ["CC BY-SA 4.0", "Creative Commons Attribution-ShareAlike 4.0 International"]),
        ("CC-BY-NC-4.0", ["CC BY-NC 4.0", "Creative Commons Attribution-NonCommercial 4.0 International"]),
        ("CC-BY-NC-SA-4.0", ["CC BY-NC-SA 4.0", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International"]),
        ("CC-BY-ND-4.0", ["CC BY-ND 4.0", "Creative Commons Attribution-NoDerivatives 4.0 International"]),
        ("CC-BY-NC-ND-4.0", ["CC BY-NC-ND 4.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International"]),
        ("CC-BY-3.0", ["CC BY 3.0"]),
        ("CC-BY-SA-3.0", ["CC BY-SA 3.0"]),
        ("OpenRAIL", ["Open RAIL"]),
        ("OpenRAIL++", ["OpenRAIL++-M"]),
        ("CreativeML-OpenRAIL-M", ["CreativeML Open RAIL-M"]),
        ("BigScience-OpenRAIL-M", ["BigScience Open RAIL-M"]),
        ("BigScience-BLOOM-RAIL-1.0", ["BigScience BLOOM RAIL 1.0"]),
        ("Llama2", ["Llama 2 Community License", "Llama 2 Community License Agreement"]),
        ("Llama3", ["Llama 3 Community License", "Meta Llama 3 Community License"]),
        ("Llama3.1", ["Llama 3.1 Community License"]),
        ("Gemma", ["Gemma Terms of Use"]),
        ("proprietary", ["All rights reserved", "Proprietary License"]),
    ]

    /// Names that declare *a* licence without saying which ("other" + a link, "unknown").
    static let unspecified: Set<String> = ["other", "unknown", "custom", "see license", "see licence"]

    private static let lookup: [String: String] = {
        var lookup: [String: String] = [:]
        for (id, aliases) in table {
            for name in [id] + aliases {
                let form = compactForm(name)
                if lookup[form] == nil { lookup[form] = id }
            }
        }
        return lookup
    }()

    /// The SPDX id a whole name stands for; nil for names we do not know (or "other").
    static func spdxID(for name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !unspecified.contains(trimmed.lowercased()) else { return nil }
        return lookup[compactForm(trimmed)]
    }

    /// Licence names mentioned anywhere in a sentence ("released under the Apache License,
    /// Version 2.0"), longest mention first, each id once.
    static func mentions(in text: String) -> [String] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: ",;:()[]\"'*`").union(.whitespaces))
        }.map { word in String(word.reversed().drop { $0 == "." }.reversed()) }
        var found: [String] = []
        var index = 0
        while index < words.count {
            var matched = false
            for length in stride(from: min(9, words.count - index), through: 1, by: -1) {
                let phrase = words[index..<(index + length)].joined(separator: " ")
                if let id = spdxID(for: phrase) {
                    if !found.contains(id) { found.append(id) }
                    index += length
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return found
    }

    /// See the type's documentation.
    static func compactForm(_ name: String) -> String {
        var text = name.lowercased().replacingOccurrences(of: "licence", with: "license")
        text = String(text.unicodeScalars.filter { $0.isASCIIAlphanumericOrVersion }.map(Character.init))
        for word in ["license", "version", "agreement"] { text = text.replacingOccurrences(of: word, with: "") }
        if text.hasPrefix("the") && text.count > 3 { text.removeFirst(3) }
        let replacements: [(String, String)] = [
            ("gnuaffero", "affero"), ("afferogeneralpublic", "agpl"), ("gnulesser", "lesser"),
            ("lessergeneralpublic", "lgpl"), ("gnulibrary", "library"), ("librarygeneralpublic", "lgpl"),
            ("gnugeneralpublic", "gpl"), ("generalpublic", "gpl"), ("gnugpl", "gpl"), ("gnulgpl", "lgpl"),
            ("gnuagpl", "agpl"), ("mozillapublic", "mpl"), ("eclipsepublic", "epl"), ("creativecommons", "cc"),
            ("attribution", "by"), ("noncommercial", "nc"), ("sharealike", "sa"), ("noderivatives", "nd"),
            ("noderivs", "nd"), ("international", ""), ("universal", ""), ("boostsoftware", "bsl"),
            ("onlyor", ""), ("orlater", ""), ("only", ""), ("clausenew", "clause"),
        ]
        for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
        while text.hasSuffix("+") && !text.hasSuffix("++") { text.removeLast() }
        text = droppingVersionV(text)
        text = PatternCache.replacing(#"\.0(?![0-9])"#, in: text, with: "")
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// "gplv3" → "gpl3", "apachev2" → "apache2" (a `v` between a letter and a digit).
    private static func droppingVersionV(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "v", index > 0, index + 1 < scalars.count,
               ("a"..."z").contains(scalars[index - 1]), ("0"..."9").contains(scalars[index + 1]) { continue }
            result.append(scalar)
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    /// Kept by `LicenseNames.compactForm`: ASCII letters and digits, `.` and `+`.
    fileprivate var isASCIIAlphanumericOrVersion: Bool {
        ("a"..."z").contains(self) || ("0"..."9").contains(self) || self == "." || self == "+"
    }
}
