/// The share of a subject's applicable controls that are met, after each commit that changed
/// one of them: the line the html chart draws.
struct CoverageSeries {
    /// One step of the line.
    struct Point: Equatable {
        let sequence: Int
        let date: String
        let commit: String
        let met: Int
        /// Controls that apply (met or not met); 0 means nothing to measure.
        let applicable: Int

        var share: Double? { applicable == 0 ? nil : Double(met) / Double(applicable) }
    }

    let subject: String?
    let points: [Point]

    init(subject: String?, controls: [ControlTimeline]) {
        self.subject = subject
        var events: [Int: CommitStampLite] = [:]
        for control in controls {
            for transition in control.transitions where events[transition.sequence] == nil {
                events[transition.sequence] = CommitStampLite(date: transition.commit.date, commit: transition.commit.commit)
            }
        }
        points = events.keys.sorted().map { sequence in
            var met = 0
            var applicable = 0
            for control in controls {
                switch control.status(at: sequence) {
                case .pass:
                    met += 1
                    applicable += 1
                case .fail: applicable += 1
                case .notApplicable, .absent: break
                }
            }
            let stamp = events[sequence] ?? CommitStampLite(date: "", commit: "")
            return Point(sequence: sequence, date: stamp.date, commit: stamp.commit, met: met, applicable: applicable)
        }
    }

    /// One series per subject, in report order.
    static func all(_ report: HistoryReport) -> [CoverageSeries] {
        report.subjects.map { subject in
            CoverageSeries(subject: subject, controls: report.controls.filter { $0.key.system == subject })
        }
    }

    private struct CommitStampLite {
        let date: String
        let commit: String
    }
}
