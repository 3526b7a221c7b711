import Documents
import Foundation

/// Decides whether evaluation content reports metric *values* and names the data they were
/// measured on — in a table, in prose ("F1 of 0.91", "91% accuracy") or in `model-index`.
/// "The model did well" has no value; a hyperparameter table has numbers but no metric.
enum MetricFinder {
    /// Metric names as they appear in table headers and row labels (whole words, matched in
    /// `LifecycleText.matchForm`, so `final\_em` and `F1-score` match `em` and `f1 score`).
    static let tableTerms: [String] = proseTerms + [
        "em", "map", "ter", "far", "frr", "eer", "mos", "score", "scores", "error", "acc", "loss", "fad", "kld",
        "kl", "sdr", "pesq", "stoi", "elo", "rmse", "iou", "auc",
    ]

    /// Metric names safe to look for in prose next to a number.
    static let proseTerms: [String] = [
        "accuracy", "balanced accuracy", "top-1", "top-5", "top1", "top5", "precision", "recall", "f1", "f1-score",
        "f-score", "f-measure", "f1 score", "macro f1", "micro f1", "weighted f1", "auc", "roc auc", "roc-auc",
        "auroc", "auprc", "pr auc", "average precision", "map@", "bleu", "sacrebleu", "rouge", "rouge-1",
        "rouge-2", "rouge-l", "rougel", "meteor", "chrf", "wer", "cer", "word error rate", "character error rate",
        "error rate", "perplexity", "ppl", "mae", "mse", "rmse", "mape", "r2", "log loss", "logloss",
        "cross-entropy", "validation loss", "eval loss", "exact match", "iou", "miou", "dice", "sensitivity",
        "specificity", "ndcg", "mrr", "hit rate", "spearman", "pearson", "matthews", "mcc", "kappa", "brier",
        "ece", "calibration error", "pass@1", "pass@10", "pass@k", "win rate", "bertscore", "bleurt", "psnr",
        "ssim", "fid", "inception score", "false positive rate", "false negative rate", "true positive rate",
        "equal error rate", "loss", "frechet audio distance", "fréchet audio distance", "frechet inception distance",
        "fréchet inception distance", "kl divergence", "clap score", "clip score", "text consistency",
        "cosine similarity", "fvd", "success rate", "pass rate", "attack success rate", "refusal rate",
        "recall@1", "recall@5", "recall@10", "top-1 accuracy", "mean opinion score",
    ]

    /// Header words for a column that holds values ("| Metric | Value |").
    static let valueHeaders: Set<String> = ["value", "values", "score", "scores", "result", "results", "mean"]

    /// Header words for a column that names the data ("| Dataset | Split | F1 |").
    static let dataHeaders = ["dataset", "datasets", "data", "benchmark", "benchmarks", "split", "test set", "corpus",
                              "task", "tasks", "eval set", "evaluation set", "subset", "language", "languages",
                              "test data", "evaluation data"]

    /// Header and label words that say nothing about the data: the model, the method, the setting.
    static let genericLabels: Set<String> = [
        "model", "models", "method", "methods", "name", "variant", "size", "params", "parameters", "metric", "metrics",
        "value", "values", "score", "scores", "result", "results", "mean", "average", "avg", "category", "type",
        "setting", "version", "checkpoint", "architecture", "backbone", "ours", "baseline", "notes", "note",
    ]

    /// Phrases that name the test data in prose.
    static let testDataPhrases = [
        "test set", "test sets", "test split", "test splits", "testing set", "test data", "testing data", "test dataset",
        "test datasets", "held-out", "held out", "holdout", "hold-out", "evaluation set", "evaluation sets",
        "evaluation data", "evaluation dataset", "evaluation datasets", "evaluation split", "eval set", "validation set",
        "validation split", "validation data", "dev set", "development set", "evaluated on", "evaluation on",
        "measured on", "benchmark", "benchmarks", "test partition", "test portion", "test subset", "tested on",
        "results on", "performance on",
    ]

    // MARK: Tables

    /// Whether a table reports metric values. In an evaluation section (`inEvaluation`) a table
    /// of labelled numbers is a results table whatever its headers say (benchmarks as columns,
    /// model variants as rows); elsewhere a metric must be named in a header or a row label.
    static func tableHasMetricValue(_ table: Table, inEvaluation: Bool) -> Bool {
        let header = table.header
        for row in table.rows {
            let rowLabel = row.first ?? ""
            let rowNamesMetric = LifecycleText.mentions(rowLabel, tableTerms)
            for (column, cell) in row.enumerated() where column > 0 || inEvaluation && row.count == 1 {
                guard isNumericCell(cell) else { continue }
                if inEvaluation { return true }
                let head = column < header.count ? header[column] : ""
                if LifecycleText.mentions(head, tableTerms) || valueHeaders.contains(LifecycleText.matchForm(head)) {
                    return true
                }
                if rowNamesMetric { return true }
            }
        }
        return false
    }

    /// Whether a table names the data its values were measured on: a column headed "Dataset",
    /// "Benchmark", "Split"…; in an evaluation section also a header naming something other than
    /// a metric or the model (`| Model | MMLU | GSM8K |`), or a row label naming a known dataset or
    /// benchmark.
    static func tableNamesData(_ table: Table, inEvaluation: Bool) -> Bool {
        for (column, head) in table.header.enumerated() where LifecycleText.mentions(head, dataHeaders) {
            if table.rows.contains(where: { column < $0.count && TextChecks.hasContent($0[column]) && !isNumericCell($0[column]) }) {
                return true
            }
        }
        guard inEvaluation, table.rows.contains(where: { $0.dropFirst().contains(where: isNumericCell) }) else { return false }
        for head in table.header.dropFirst() where namesSomethingMeasured(head) { return true }
        return table.rows.contains { row in row.first.map { !DatasetNames.names(in: $0).isEmpty || BenchmarkNames.names($0) } ?? false }
    }

    /// A label that is not a number, a metric, the model or the setting: what was measured.
    static func namesSomethingMeasured(_ label: String) -> Bool {
        let form = LifecycleText.matchForm(label)
        guard form.unicodeScalars.contains(where: { $0.properties.isAlphabetic }), !isNumericCell(label) else { return false }
        if genericLabels.contains(form) || LifecycleText.mentions(label, proseTerms) && !BenchmarkNames.names(label) { return false }
        return true
    }

    /// "0.91", "91.2 %", "0.91 ± 0.01", "**0.91**", "0.91 (0.89–0.93)", "79.5†", "0.939/0.040",
    /// "4.88 s", "1.2k", "$85.2$", "0.91 $\pm$ 0.01". Not "N/A" or "—": those are values of a kind
    /// (not run, not applicable), but not numbers.
    static func isNumericCell(_ cell: String) -> Bool {
        var text = cell.replacingOccurrences(of: "$\\pm$", with: "±").replacingOccurrences(of: "\\pm", with: "±")
        text = text.filter { !"*_`$†‡§¹²³^".contains($0) }.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("(", ")"), ("[", "]")] {
            if let start = text.firstIndex(of: Character(open)), text.hasSuffix(close), start > text.startIndex {
                text = String(text[..<start]).trimmingCharacters(in: .whitespaces)
            }
        }
        guard !text.isEmpty, text.utf8.count <= 40 else { return false }
        return PatternCache.matches(text, numericCell)
    }

    /// One number (with a comparator, unit or percent, and a ± spread), or several joined by `/`.
    private static let numericCell: String = {
        let number = #"[~≈<>≤≥+\-−]?\s*\d+(?:[.,]\d+)*\s*(?:%|pp|k|K|M|B|x|×|ms|s|dB)?"#
        let spread = #"(?:\s*(?:±|\+/-|\+-)\s*\d+(?:[.,]\d+)?\s*%?)?"#
        return "^" + number + spread + #"(?:\s*/\s*"# + number + spread + ")*$"
    }()

    /// Cells that say "not measured" or "not applicable" (`N/A`, `-`, `—`, `n.a.`): values of a
    /// results table, never template placeholders.
    static func isNotApplicableCell(_ cell: String) -> Bool {
        let text = cell.trimmingCharacters(in: .whitespaces).lowercased()
        return ["n/a", "na", "n.a.", "-", "–", "—", "--", "n/e", "tbd*", "×", "✗", "x"].contains(text)
    }

    // MARK: Prose

    private static let termPattern = proseTerms.sorted { $0.count > $1.count }
        .map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")

    private static let number = #"\d+(?:[.,]\d+)?\s?%?"#
    private static let decimal = #"(?:\d*\.\d+|\d+(?:\.\d+)?\s?%)"#

    /// "F1 of 0.91", "accuracy: 91%", "BLEU 34.2", "WER = 12", "reaches an F1 score of over 0.9".
    private static let termThenNumber = try? NSRegularExpression(
        pattern: "(?<![\\w-])(?:\(termPattern))(?:-\\d+)?(?:\\s+scores?)?(?:\\s*\\([^)]{0,40}\\))?\\s*"
            + "(?::|=|\\bof\\b|\\bis\\b|\\bwas\\b|\\bat\\b|\\breached\\b|\\bwith\\b)?\\s*"
            + "(?:(?:over|above|below|under|nearly|almost|about|around|approximately|roughly|~|≈)\\s*)?"
            + "[<>]?\\s*\(number)",
        options: [.caseInsensitive])

    /// "0.91 F1", "91% accuracy", "34.2 BLEU".
    private static let numberThenTerm = try? NSRegularExpression(
        pattern: "\(decimal)\\s+(?:macro\\s+|micro\\s+|mean\\s+)?(?:\(termPattern))(?![\\w-])",
        options: [.caseInsensitive])

    /// Whether prose states a metric with its value.
    static func proseHasMetricValue(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        for expression in [termThenNumber, numberThenTerm] {
            if expression?.firstMatch(in: text, range: range) != nil { return true }
        }
        return false
    }

    /// Whether prose names the data an evaluation ran on: a test-data phrase, or a dataset or
    /// benchmark named in words.
    static func proseNamesTestData(_ text: String) -> Bool {
        let plain = Placeholders.strip(text)
        return LifecycleText.mentions(plain, testDataPhrases) || !DatasetNames.names(in: plain).isEmpty
            || BenchmarkNames.names(plain)
    }


    // MARK: model-index

    /// What `model-index` front matter reports: any metric with a type and a value, and any
    /// result naming its dataset.
    static func modelIndexSummary(_ front: YAMLNode?) -> (hasValues: Bool, namesData: Bool, present: Bool) {
        var hasValues = false, namesData = false
        for entry in front?["model-index"]?.array ?? [] {
            for result in entry["results"]?.array ?? [] {
                if let dataset = result["dataset"], [dataset["name"], dataset["type"]].contains(where: { TextChecks.hasContent($0?.string ?? "") }) {
                    namesData = true
                }
                for metric in result["metrics"]?.array ?? [] where TextChecks.hasContent(metric["type"]?.string ?? "") {
                    if let value = metric["value"], hasNumber(value) { hasValues = true }
                }
            }
        }
        return (hasValues, namesData, !(front?["model-index"]?.array ?? []).isEmpty)
    }

    private static func hasNumber(_ node: YAMLNode) -> Bool {
        if node.double != nil { return true }
        return node.string.map { $0.contains(where: \.isNumber) } ?? false
    }
}
