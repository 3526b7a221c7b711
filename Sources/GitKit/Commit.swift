import CLibGit2

/// Who made a commit and when, with the time zone offset they recorded.
public struct Signature: Sendable, Hashable, Codable {
    public let name: String
    public let email: String
    /// Unix seconds.
    public let time: Int64
    /// The signer's offset from UTC in minutes (east positive), as recorded in the commit.
    public let offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// "2024-01-02T00:00:00+00:00", in the signer's own offset (as `git log --format=%aI` shows it).
    /// Computed by hand: no Foundation formatter, so no locale or time zone database can change it.
    public var iso8601: String {
        let local = time + Int64(offsetMinutes) * 60
        let days = Int64((Double(local) / 86_400).rounded(.down))
        let secondsOfDay = local - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondsOfDay / 3600, 2)):\(pad(secondsOfDay / 60 % 60, 2)):\(pad(secondsOfDay % 60, 2))"
            + "\(sign)\(pad(Int64(offset / 60), 2)):\(pad(Int64(offset % 60), 2))"
    }

    init(_ pointer: UnsafePointer<git_signature>) {
        let signature = pointer.pointee
        name = signature.name.map { String(cString: $0) } ?? ""
        email = signature.email.map { String(cString: $0) } ?? ""
        time = Int64(signature.when.time)
        offsetMinutes = Int(signature.when.offset)
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// Proleptic Gregorian date from days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
private func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = daysSinceEpoch + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
}

/// The metadata of one commit.
public struct CommitInfo: Sendable, Hashable {
    public let id: ObjectID
    public let tree: ObjectID
    /// In the order the commit lists them; the first parent is the line the commit was made on.
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    /// The full message as stored (invalid UTF-8 replaced), usually ending in a newline.
    public let message: String

    public init(id: ObjectID, tree: ObjectID, parents: [ObjectID], author: Signature,
                committer: Signature, message: String) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.message = message
    }

    /// The first paragraph of the message on one line, as git's `%s` shows it.
    public var summary: String {
        var lines: [Substring] = []
        for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if trimmed.isEmpty {
                if lines.isEmpty { continue }
                break
            }
            lines.append(line)
        }
        return lines.map { $0.trimmingCharacters(in: " \t\r") }.joined(separator: " ")
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var text = drop(while: { characters.contains($0) })
        while let last = text.last, characters.contains(last) { text.removeLast() }
        return String(text)
    }
}
