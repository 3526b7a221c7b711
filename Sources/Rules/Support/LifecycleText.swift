import Foundation

/// Small, dependency-free readers for the facts life cycle documents state in words: dates,
/// thresholds, cadences, durations, model versions. Hand-written scanners rather than regular
/// expressions, so they are `Sendable`, fast and easy to test one case at a time.
///
/// Every function takes plain text (placeholders already removed by the caller) and never looks
/// at Markdown syntax.
enum LifecycleText {
    /// A word, a number or a single symbol, lowercased. Numbers keep inner `.` and `,` between
    /// digits (`0.85`, `1,000`, `2024.03.01`); a run that starts with a letter keeps its digits
    /// (`v3`, `f1`, `p95`); a run that starts with digits and goes on with letters is split
    /// (`30d` → `30`, `d`).
    struct Token: Hashable, Sendable {
        enum Kind: Hashable, Sendable { case word, number, symbol }
        let text: String
        let kind: Kind
    }

    static func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var result: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isDigit(scalar) {
                var end = index
                while end < scalars.count {
                    if isDigit(scalars[end]) { end += 1; continue }
                    if (scalars[end] == "." || scalars[end] == ","), end + 1 < scalars.count, isDigit(scalars[end + 1]) { end += 1; continue }
                    break
                }
                result.append(Token(text: String(String.UnicodeScalarView(scalars[index..<end])), kind: .number))
                index = end
            } else if scalar.properties.isAlphabetic {
                var end = index
                while end < scalars.count {
                    if scalars[end].properties.isAlphabetic || isDigit(scalars[end]) { end += 1; continue }
                    if scalars[end] == ".", end > index, isDigit(scalars[end - 1]), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
                        end += 1
                        continue
                    }
                    break
                }
                result.append(Token(text: String(String.UnicodeScalarView(scalars[index..<end])).lowercased(), kind: .word))
                index = end
            } else {
                if !scalar.properties.isWhitespace { result.append(Token(text: String(scalar), kind: .symbol)) }
                index += 1
            }
        }
        return result
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    /// Lowercase, every run of non-alphanumerics read as one space, trimmed: the form in which
    /// labels, headings and phrases are compared ("Risk-Owner:" → "risk owner"). Remembered per
    /// text: the rules look at the same lines and cue phrases again and again.
    static func matchForm(_ text: String) -> String {
        formLock.lock()
        if let known = forms[text] {
            formLock.unlock()
            return known
        }
        formLock.unlock()
        let form = makeMatchForm(text)
        formLock.lock()
        if forms.count >= 50_000 { forms.removeAll(keepingCapacity: true) }
        forms[text] = form
        formLock.unlock()
        return form
    }

    nonisolated(unsafe) private static var forms: [String: String] = [:]
    private static let formLock = NSLock()

    private static func makeMatchForm(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || isDigit(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// Whether `phrase` (in match form) occurs in `form` (in match form) as whole words.
    static func containsPhrase(_ form: String, _ phrase: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        return bytes(" \(form) ", contain: " \(phrase) ")
    }

    /// Plain byte search: both sides are in match form already, so no Unicode comparison is needed.
    static func bytes(_ haystack: String, contain needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                if pin.isEmpty { return true }
                guard pin.count <= hay.count else { return false }
                let first = pin[0]
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    if hay[start] == first {
                        var offset = 1
                        while offset < pin.count && hay[start + offset] == pin[offset] { offset += 1 }
                        if offset == pin.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// Whether any of the phrases occurs in `text` as whole words (case-insensitive). A phrase
    /// ending in `*` matches any word starting with it ("decommission*").
    static func mentions(_ text: String, _ phrases: [String]) -> Bool {
        let form = matchForm(text)
        guard !form.isEmpty else { return false }
        let padded = " \(form)"
        for phrase in phrases {
            if phrase.hasSuffix("*") {
                if bytes(padded, contain: " " + matchForm(String(phrase.dropLast()))) { return true }
            } else if containsPhrase(form, matchForm(phrase)) {
                return true
            }
        }
        return false
    }

    /// Whether the text holds a letter or a digit: a field value that says anything at all.
    static func hasValue(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic || isDigit($0) }
    }

    static func hasNumber(_ text: String) -> Bool {
        tokens(text).contains { $0.kind == .number }
    }
}

// MARK: - Dates

extension LifecycleText {
    static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// A calendar date: `2024-05-02`, `2024/05/02`, `2024-05`, `02.05.2024`, `02/05/2024`,
    /// `2 May 2024`, `May 2, 2024`, `May 2024`, `Q2 2024`. Template slots such as `YYYY-MM-DD`
    /// are not dates.
    static func containsDate(_ text: String) -> Bool {
        let list = tokens(text)
        for (index, token) in list.enumerated() {
            if token.kind == .number, dottedDate(token.text) { return true }
            if token.kind == .number, isYear(token.text), index + 2 < list.count,
               ["-", "/"].contains(list[index + 1].text), list[index + 2].kind == .number,
               let month = Int(list[index + 2].text), (1...12).contains(month), list[index + 2].text.count <= 2 {
                return true
            }
            if token.kind == .number, let day = Int(token.text), (1...31).contains(day), index + 4 < list.count,
               ["/", "-"].contains(list[index + 1].text), Int(list[index + 2].text).map({ (1...31).contains($0) }) == true,
               list[index + 3].text == list[index + 1].text, isYear(list[index + 4].text) {
                return true
            }
            if token.kind == .word, monthNames.contains(token.text) || isQuarter(token.text) {
                let following = list[(index + 1)...].prefix(4).filter { $0.kind != .symbol }
                if following.prefix(2).contains(where: { isYear($0.text) }) { return true }
            }
        }
        return false
    }

    static func isYear(_ text: String) -> Bool {
        guard text.count == 4, let year = Int(text) else { return false }
        return (1900...2099).contains(year)
    }

    private static func isQuarter(_ word: String) -> Bool {
        ["q1", "q2", "q3", "q4"].contains(word)
    }

    /// `2024.05.02` or `02.05.2024` as one number token.
    private static func dottedDate(_ text: String) -> Bool {
        let parts = text.split(separator: ".").map(String.init)
        guard parts.count == 3, parts.allSatisfy({ Int($0) != nil }) else { return false }
        if isYear(parts[0]) { return parts[1].count <= 2 && parts[2].count <= 2 }
        return isYear(parts[2]) && parts[0].count <= 2 && parts[1].count <= 2
    }
}

// MARK: - Thresholds, cadences, durations

extension LifecycleText {
    /// Words that put a number in relation to a limit.
    static let comparatorWords: Set<String> = [
        "below", "above", "under", "over", "exceeds", "exceed", "exceeding", "exceeded", "beyond", "outside",
        "threshold", "thresholds", "max", "min", "maximum", "minimum", "least", "most", "than", "drops", "falls",
        "rises", "within", "target", "limit", "tolerance", "floor", "ceiling", "budget",
    ]
    static let comparatorSymbols: Set<String> = ["<", ">", "≤", "≥", "⩽", "⩾", "="]

    /// A number set against a limit: `macro F1 below 0.85`, `PSI > 0.2`, `Threshold: 0.2`,
    /// `p95 latency exceeds 300 ms`, `at least 90%`.
    static func containsThreshold(_ text: String) -> Bool {
        let list = tokens(text)
        for (index, token) in list.enumerated() {
            let isComparator = token.kind == .word ? comparatorWords.contains(token.text)
                : token.kind == .symbol && comparatorSymbols.contains(token.text) && token.text != "="
            guard isComparator else { continue }
            if list[(index + 1)...].prefix(4).contains(where: { $0.kind == .number }) { return true }
        }
        return false
    }

    /// How often something happens: `daily`, `every 6 hours`, `per release`, `twice a week`.
    static func containsCadence(_ text: String) -> Bool {
        let list = tokens(text).filter { $0.kind != .symbol }
        for (index, token) in list.enumerated() {
            if cadenceWords.contains(token.text) { return true }
            if token.text == "real", index + 1 < list.count, list[index + 1].text == "time" { return true }
            if ["every", "per", "each", "once", "twice", "weekly", "after"].contains(token.text) {
                let next = list[(index + 1)...].prefix(3)
                if next.contains(where: { periodUnits.contains($0.text) || singular(periodUnits, $0.text) }) { return true }
            }
        }
        return false
    }

    static let cadenceWords: Set<String> = [
        "hourly", "daily", "nightly", "weekly", "fortnightly", "biweekly", "monthly", "quarterly", "yearly",
        "annually", "semiannually", "continuously", "continuous", "realtime", "streaming", "cron",
    ]
    static let periodUnits: Set<String> = [
        "minute", "hour", "day", "week", "month", "quarter", "year", "night", "morning", "sprint", "release",
        "deploy", "deployment", "batch", "run", "retrain", "retraining", "request", "min", "h", "d", "shift", "update",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekday", "weekend",
    ]

    /// A length of time: `90 days`, `30d`, `one year`, `12 months`.
    static func containsDuration(_ text: String) -> Bool {
        let list = tokens(text).filter { $0.kind != .symbol }
        let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "ten", "twelve", "a"]
        for (index, token) in list.enumerated() where index + 1 < list.count {
            guard token.kind == .number || numberWords.contains(token.text) else { continue }
            let unit = list[index + 1].text
            if ["day", "week", "month", "year", "d", "w", "y", "yr", "hour", "h"].contains(unit)
                || singular(["day", "week", "month", "year", "yr", "hour"], unit) {
                return true
            }
        }
        return false
    }

    private static func singular(_ set: Set<String>, _ word: String) -> Bool {
        word.hasSuffix("s") && set.contains(String(word.dropLast()))
    }
}

// MARK: - Versions and commits

extension LifecycleText {
    /// A model version or commit: `v3`, `v1.2.0`, `1.4.2`, a 7–40 character hexadecimal commit id
    /// with letters and digits, or a number or code right after "version", "revision", "release",
    /// "checkpoint", "commit" or "tag".
    static func containsVersion(_ text: String) -> Bool {
        if containsCommitID(text) { return true }
        let list = tokens(text)
        for (index, token) in list.enumerated() {
            if token.kind == .word, token.text.count >= 2, token.text.first == "v",
               token.text.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }), token.text.dropFirst().first?.isNumber == true {
                return true
            }
            if token.kind == .number {
                let parts = token.text.split(separator: ".")
                if parts.count == 3, parts.allSatisfy({ $0.count <= 3 }) { return true }
            }
            if ["version", "revision", "release", "checkpoint", "commit", "tag", "build"].contains(token.text) {
                let next = list[(index + 1)...].prefix(3).filter { $0.kind != .symbol }
                if next.contains(where: { $0.text.contains(where: \.isNumber) }) { return true }
            }
        }
        return false
    }

    /// A run of 7 to 40 hexadecimal characters holding at least one letter and one digit.
    static func containsCommitID(_ text: String) -> Bool {
        var run = ""
        func check() -> Bool {
            defer { run = "" }
            guard (7...40).contains(run.count) else { return false }
            return run.contains(where: \.isNumber) && run.contains(where: { "abcdef".contains($0) })
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                run.append(character)
            } else if check() {
                return true
            }
        }
        if check() { return true }
        return false
    }
}

// MARK: - Requirement ids

extension LifecycleText {
    /// Prefixes that read as a requirement id in any document (`REQ-12`, `FR-001`, `NFR-3`).
    static let requirementPrefixes: Set<String> = [
        "REQ", "RQ", "R", "FR", "NFR", "SR", "SYS", "PR", "AC", "QR", "US", "UC", "BR", "TR", "HR", "PERF", "FAIR",
        "ROB", "SEC", "SAFE", "EXP", "DR", "MR", "OR", "UR", "SWR", "HLR", "LLR", "REQT",
    ]
    /// Hyphenated codes that are never requirement ids (`UTF-8`, `SHA-256`, `GPT-4`).
    static let notRequirementPrefixes: Set<String> = [
        "UTF", "SHA", "ISO", "IEC", "GPT", "COVID", "RFC", "CVE", "IEEE", "MD", "AES", "PEP", "HTTP", "TLS", "UTC",
        "GMT", "RSA", "CPU", "GPU", "TPU", "CUDA", "FP", "INT", "BF", "T", "H", "A", "B", "X", "Y", "NIST", "EU", "AI",
    ]

    /// Ids shaped like `REQ-12`, `FR-001`, `PERF-LAT-2` or `R_3`: an upper-case prefix, optional
    /// upper-case or numeric middle parts, and a numeric last part. Known non-ids are left out.
    /// With `knownPrefixesOnly`, only the prefixes in `requirementPrefixes` (or containing "REQ") count.
    static func requirementIDs(in text: String, knownPrefixesOnly: Bool = false) -> [String] {
        var found: [String] = []
        var run = ""
        func flush() {
            defer { run = "" }
            let trimmed = run.trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
            let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
            guard parts.count >= 2, let first = parts.first, let last = parts.last,
                  (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isUppercase }),
                  (1...5).contains(last.count), last.allSatisfy({ $0.isASCII && $0.isNumber }),
                  parts.dropFirst().dropLast().allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) } }),
                  !notRequirementPrefixes.contains(first) else { return }
            if knownPrefixesOnly, !requirementPrefixes.contains(first), !first.contains("REQ") { return }
            found.append(trimmed)
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_") {
                run.append(character)
            } else {
                flush()
            }
        }
        flush()
        return found
    }
}
