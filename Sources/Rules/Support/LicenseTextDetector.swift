import Foundation

/// Tells which licence a LICENSE file holds: its `SPDX-License-Identifier:` line first, then
/// wording only that licence uses, then a file that is nothing but a licence name. Anything else
/// is unknown, and an unknown licence is never called inconsistent with anything.
enum LicenseTextDetector {
    /// Phrases (lowercased, spaces collapsed) that all must occur, most specific first.
    static let signatures: [(id: String, phrases: [String])] = [
        ("AGPL-3.0", ["gnu affero general public license", "version 3"]),
        ("LGPL-3.0", ["gnu lesser general public license", "version 3"]),
        ("LGPL-2.1", ["gnu lesser general public license", "version 2.1"]),
        ("GPL-3.0", ["gnu general public license", "version 3"]),
        ("GPL-2.0", ["gnu general public license", "version 2"]),
        ("MPL-2.0", ["mozilla public license", "2.0"]),
        ("EPL-2.0", ["eclipse public license", "2.0"]),
        ("Apache-2.0", ["apache license", "version 2.0"]),
        ("CC-BY-NC-ND-4.0", ["attribution-noncommercial-noderivatives 4.0"]),
        ("CC-BY-NC-SA-4.0", ["attribution-noncommercial-sharealike 4.0"]),
        ("CC-BY-NC-4.0", ["attribution-noncommercial 4.0"]),
        ("CC-BY-ND-4.0", ["attribution-noderivatives 4.0"]),
        ("CC-BY-SA-4.0", ["attribution-sharealike 4.0"]),
        ("CC-BY-4.0", ["creative commons", "attribution 4.0 international"]),
        ("CC0-1.0", ["cc0 1.0 universal"]),
        ("CreativeML-OpenRAIL-M", ["creativeml open rail-m"]),
        ("BigScience-OpenRAIL-M", ["bigscience open rail-m"]),
        ("BigScience-OpenRAIL-M", ["bigscience openrail-m"]),
        ("Llama3.1", ["llama 3.1 community license"]),
        ("Llama3", ["llama 3 community license"]),
        ("Llama2", ["llama 2 community license"]),
        ("BSL-1.0", ["boost software license"]),
        ("Unlicense", ["this is free and unencumbered software released into the public domain"]),
        ("ISC", ["permission to use, copy, modify, and/or distribute this software for any purpose with or without fee"]),
        ("MIT", ["permission is hereby granted, free of charge, to any person obtaining a copy",
                 "the above copyright notice and this permission notice shall be included"]),
        ("BSD-3-Clause", ["redistribution and use in source and binary forms", "neither the name of"]),
        ("BSD-3-Clause", ["redistribution and use in source and binary forms", "names of its contributors may"]),
        ("BSD-2-Clause", ["redistribution and use in source and binary forms"]),
    ]

    /// The SPDX id of a licence file's text, or nil when we cannot tell.
    static func spdxID(in text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline).prefix(40) {
            guard let range = line.range(of: "SPDX-License-Identifier:", options: .caseInsensitive) else { continue }
            let expression = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "*/#-> "))
            // "MIT OR Apache-2.0" offers a choice; we do not pick one for the author.
            if expression.contains(" ") { return nil }
            return LicenseNames.spdxID(for: expression)
        }
        let collapsed = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for (id, phrases) in signatures where phrases.allSatisfy({ collapsed.contains($0) }) { return id }
        if isProprietaryNotice(collapsed) { return "proprietary" }
        if collapsed.count <= 80 { return LicenseNames.spdxID(for: collapsed) ?? LicenseNames.mentions(in: collapsed).first }
        return nil
    }

    /// "All rights reserved" with words that withhold permission, and no grant of any kind.
    private static func isProprietaryNotice(_ text: String) -> Bool {
        guard text.contains("all rights reserved") else { return false }
        let withholding = ["proprietary", "confidential", "may not be copied", "without the prior written permission",
                           "without prior written permission", "not be reproduced"]
        return withholding.contains { text.contains($0) } && !text.contains("permission is hereby granted")
            && !text.contains("redistribution and use")
    }
}
