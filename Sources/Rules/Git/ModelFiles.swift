import Lint

/// What counts as a system's model, training code or data (GIT-001, GIT-002, LC-REV-001).
enum ModelFiles {
    /// Weight and model files by ending.
    static let modelSuffixes = [".safetensors", ".onnx", ".pt", ".pth", ".bin", ".gguf", ".ckpt", ".pkl", ".joblib", ".h5", ".keras", ".tflite", ".mlmodel"]
    static let dataFolders = ["data", "dataset", "datasets"]
    /// Data files by ending.
    static let dataSuffixes = [".csv", ".parquet", ".jsonl", ".tsv", ".arrow", ".tfrecord"]
    /// Path endings of the files that define what is trained: the model's configuration and the
    /// usual training entry points.
    static let trainingEntryPoints = ["/config.json", "/params.json", "/train.py", "/training.py", "/finetune.py",
                                      "/fine_tune.py", "/train.ipynb", "/train.yaml", "/train.yml", "/train.sh"]

    /// Whether a path inside `root` is model, training code or data (documents excluded).
    static func isModelOrData(_ path: String, root: String) -> Bool {
        guard PathMath.isInside(path, folder: root) else { return false }
        if ArtifactClassifier.classify(path) != .notAnArtifact, !path.lowercased().hasSuffix(".json") { return false }
        let relative = root.isEmpty ? path : String(path.dropFirst(root.count + 1))
        let lower = relative.lowercased()
        let name = PathMath.name(of: lower)
        if modelSuffixes.contains(where: { lower.hasSuffix($0) }) { return true }
        if name.hasPrefix("train") && (name.hasSuffix(".py") || name.hasSuffix(".ipynb") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")) { return true }
        if name == "config.json" || name == "params.yaml" || name == "hyperparameters.yaml" { return true }
        let first = lower.split(separator: "/").first.map(String.init) ?? ""
        return dataFolders.contains(first) && lower.contains("/")
    }
}
