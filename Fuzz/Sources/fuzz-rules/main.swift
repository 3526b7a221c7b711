import Catalog
import Documents
import Foundation
import FuzzDriver
import FuzzSupport
import Lint
import Rules

/// The whole rule catalog on a one-system project holding one artifact. The first input byte
/// picks the artifact's file name (model card, datasheet, Croissant, life cycle documents), the
/// second the system's stage and risk; the rest is the file's content.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let name = names[Int(data[0]) % names.count]
    let stages = LifecycleStage.allCases
    let stage = stages[Int(data[1]) % stages.count]
    let risk = RiskLevel.allCases[Int(data[1] >> 4) % RiskLevel.allCases.count]
    let bytes = Data(bytes: data + 2, count: size - 2)
    let path = "models/a/" + name
    guard case .kind(let kind) = ArtifactClassifier.classify(path) else { return 0 }
    let artifact = Artifact(path: path, kind: kind, blob: nil, content: ArtifactReader.parse(bytes, path: path))
    let system = AISystem(id: "a", root: "models/a", stage: stage, risk: risk, continuousLearning: data[1] & 1 == 1)
    let datasets = kind.documentsDataset ? [Dataset(id: "a-data", root: "models/a", system: "a")] : []
    let project = Project(sourceName: "HEAD", policy: .defaults, systems: [system], datasets: datasets,
                          artifacts: [artifact], licenseFiles: [:], paths: [path, "models/a/model.safetensors"].sorted())
    let result = engine.run(project, today: "2025-06-30")
    let lineCount = FuzzCheck.lineCount(of: String(decoding: bytes, as: UTF8.self))
    for finding in result.findings {
        FuzzCheck.require(finding.location.path == path, "\(finding.ruleID) points at \(finding.location.path)")
        FuzzCheck.requireInside(finding.location.range.start, lineCount: lineCount, "\(finding.ruleID) finding")
        FuzzCheck.require(!finding.message.isEmpty, "\(finding.ruleID) has an empty message")
    }
    return 0
}

private let engine = Engine(rules: RuleCatalog.rules)

private let names = [
    "MODEL_CARD.md", "README.md", "DATASHEET.md", "dataset_card.md", "croissant.json", "model_card.json",
    "risk-register.yml", "risk-assessment.md", "impact-assessment.md", "requirements.md", "design.md",
    "evaluation.md", "deployment-plan.md", "monitoring-plan.md", "human-oversight.md", "incident-response.md",
    "continuous-validation.md", "review.md", "retirement-plan.md",
]

exit(aimslint_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzz(data, size)
})
