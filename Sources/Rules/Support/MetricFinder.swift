import Documents
import Foundation

/// Decides whether evaluation content reports metric *values* and names the data they were
/// measured on — in a table, in prose ("F1 of 0.91", "91% accuracy") or in `model-index`.
/// "The model did well" has no value; a hyperparameter table has numbers but no metric.
enum MetricFinder {
    /// Metric names as they appear in table headers and row labels (lowercased, whole words).
    static let tableTerms: [String] = proseTerms + [
        "em", "map", "ter", "far", "frr", "eer", "mos", "score", "scores", "error", "acc", "loss",
    ]

    /// Metric names safe to look for in prose next to a number.
    static let proseTerms: [String] = [
        "accuracy", "balanced accuracy", "top-1", "top-5", "top1", "top5", "precision", "recall", "f1", "f1-score",
        "f-score", "f-measure", "f1 score", "macro f1", "micro f1", "weighted f1", "auc", "roc auc", "roc-auc",
        "auroc", "auprc", "pr auc", "average precision", "map@", "bleu", "sacrebleu", "rouge", "rouge-1",
        "rouge-2", "rouge-l", "rougel", "meteor", "chrf", "wer", "cer", "word error rate", "character error rate",
        "error rate", "perplexity", "ppl", "mae", "mse", "rmse", "mape", "r2", "r²", "log loss", "logloss",
        "cross-entropy", "validation loss", "eval loss", "exact match", "iou", "miou", "dice", "sensitivity",
        "specificity", "ndcg", "mrr", "hit rate", "spearman", "pearson", "matthews", "mcc", "kappa", "brier",
        "ece", "calibration error", "pass@1", "pass@10", "pass@k", "win rate", "bertscore", "bleurt", "psnr",
        "ssim", "fid", "inception score", "false positive rate", "false negative rate", "true positive rate",
        "equal error rate", "loss",
    ]

    /// Header words for a column that holds values ("| Metric | Value |").
    static let valueHeaders: Set<String> = ["value", "values", "score", "scores", "result", "results", "mean"]

    /// Header words for a column that names the data ("| Dataset | Split | F1 |").
    static let dataHeaders = ["dataset", "data", "benchmark", "split", "test set", "corpus", "task", "eval set",
                              "evaluation set", "subset", "language"]

    /// Phrases that name the test data in prose.
    static let testDataPhrases = [
        "test set", "test split", "testing set", "test data", "testing data", "test dataset", "held-out",
        "held out", "holdout", "hold-out", "evaluation set", "evaluation data", "evaluation dataset",
        "evaluation split", "eval set", "validation set", "validation split", "validation data", "dev set",
        "development set", "evaluated on", "evaluation on", "benchmark", "test partition", "test portion",
        "test subset", "tested on",
    ]

    // MARK: Tables

    /// A numeric cell in a column headed by a metric (or "Value"), or on a row labelled with one.
    static func tableHasMetricValue(_ table: Table) -> Bool {
        let header = table.header.map { $0.lowercased() }
        for row in table.rows {
            let rowLabel = row.first?.lowercased() ?? ""
            let rowNamesMetric = mentionsTerm(rowLabel, terms: tableTerms)
            for (column, cell) in row.enumerated() where isNumericCell(cell) {
                let head = column < header.count ? header[column] : ""
                if mentionsTerm(head, terms: tableTerms) || valueHeaders.contains(head.trimmingCharacters(in: .whitespaces)) {
                    return true
                }
                if column > 0 && rowNamesMetric { return true }
            }
        }
        return false
    }

    /// A column headed "Dataset", "Benchmark", "Split"… with a word in it.
    static func tableNamesData(_ table: Table) -> Bool {
        let header = table.header.map { $0.lowercased() }
        for (column, head) in header.enumerated() where dataHeaders.contains(where: { TextChecks.containsWord($0, in: head) }) {
            if table.rows.contains(where: { column < $0.count && TextChecks.hasContent($0[column]) && !isNumericCell($0[column]) }) {
                return true
            }
        }
        return false
    }

    /// "0.91", "91.2 %", "0.91 ± 0.01", "**0.91**", "0.91 (0.89–0.93)".
    static func isNumericCell(_ cell: String) -> Bool {
        var text = cell.trimmingCharacters(in: .whitespaces)
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") { text = String(text[..<open]) }
        text = text.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
        return PatternCache.matches(text, #"^[~≈<>+\-−]?\s*\d+(?:[.,]\d+)?\s*%?(?:\s*(?:±|\+/-|\+-)\s*\d+(?:[.,]\d+)?\s*%?)?$"#)
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

    /// Whether prose names the data an evaluation ran on.
    static func proseNamesTestData(_ text: String) -> Bool {
        let lower = Placeholders.strip(text).lowercased()
        return testDataPhrases.contains { TextChecks.containsWord($0, in: lower) }
    }

    static func mentionsTerm(_ text: String, terms: [String]) -> Bool {
        terms.contains { TextChecks.containsWord($0, in: text) }
    }

    // MARK: model-index

    /// What `model-index` front matter reports: any metric with a type and a value, and any
    /// result naming its dataset.
    static func modelIndexSummary(_ front: YAMLNode?) -> (hasValues: Bool, namesData: Bool) {
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
        return (hasValues, namesData)
    }

    private static func hasNumber(_ node: YAMLNode) -> Bool {
        if node.double != nil { return true }
        return node.string.map { $0.contains(where: \.isNumber) } ?? false
    }
}
