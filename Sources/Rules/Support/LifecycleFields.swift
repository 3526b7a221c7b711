import Catalog
import Documents
import Lint

/// Fields several life cycle rules ask for, with the names real documents give them.
enum LifecycleFields {
    /// Who answers for the document or the activity: a person, a team or a handle.
    static let owner = EvidenceField(
        "owner", keys: [.owner],
        labels: ["owner", "owners", "owned by", "accountable", "accountable party", "responsible party", "responsible team",
                 "responsible person", "responsibility", "maintainer", "maintained by", "dri", "on call"],
        phrases: ["owned by", "maintained by", "is accountable"], test: .value)

    /// Who approved or signed off.
    static let approval = EvidenceField(
        "approval", keys: [.approval, .signOff],
        labels: ["approval", "approvals", "approved by", "approver", "approvers", "sign off", "signoff", "signed off by",
                 "signed by", "signature", "signatures", "go no go", "validated by", "verified by", "accepted by"],
        phrases: ["approved by", "signed off by", "validated by", "accepted by"], test: .value)

    /// When the document was written or last revised.
    static let date = EvidenceField(
        "date", labels: ["date", "dated", "assessed", "assessment date", "last updated", "last reviewed", "updated",
                         "as of", "revision date", "reviewed on", "prepared on"],
        test: .text(LifecycleText.containsDate))

    /// A date on any line (or in a date field): "the document is dated".
    static let dated = LifecycleRequirement.field(
        date, orLine: LifecycleText.containsDate, headings: true, missing: "carries no date",
        hint: "say when it was made or last revised (e.g. 'Date: 2024-03-01')")

    static func ownerRequirement(_ what: String) -> LifecycleRequirement {
        .field(owner, missing: "names no owner", hint: "add an 'Owner:' line naming the person or team who answers for \(what)")
    }
}

/// The config and paths the life cycle rules' examples share.
enum LifecycleExamples {
    static let configPath = Policy.configPath
    static let root = "services/triage"

    /// `.aims/config.yml` declaring the example system "triage" at `stage`; `marked` puts the
    /// failing-example marker on the stage line (where findings about missing things go).
    static func config(_ stage: LifecycleStage, risk: String = "limited", continuousLearning: Bool = false,
                       marked: Bool = false) -> String {
        """
        version: 1
        systems:
          - id: triage
            root: services/triage
        \(marked ? "↓" : "")    stage: \(stage.rawValue)
            risk: \(risk)
            continuous_learning: \(continuousLearning)
            owner: "@support-ml"

        """
    }
}
