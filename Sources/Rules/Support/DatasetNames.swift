import Foundation

/// Recognises datasets named in words, the way published cards name what a model learned from:
/// public corpora a reader can look up by name ("ImageNet", "Common Crawl", "LibriSpeech"), and
/// the shape collection names take — a capitalised name with a size suffix ("LAION-5B",
/// "LVD-142M", "YFCC100M", "ImageNet-22k"). A count of tokens or GPUs ("15T tokens", "A100") is
/// not a name: sizes need a letter-led name before them, and hardware has no size suffix.
enum DatasetNames {
    /// Public datasets and corpora known by name, lowercased, in `LifecycleText.matchForm`.
    static let known: [String] = [
        // Text
        "common crawl", "commoncrawl", "c4", "mc4", "the pile", "wikipedia", "bookcorpus", "books3", "openwebtext",
        "webtext", "redpajama", "slimpajama", "refinedweb", "fineweb", "dolma", "the stack", "starcoderdata", "oscar",
        "cc 100", "cc100", "project gutenberg", "arxiv", "pubmed", "stack exchange", "s2orc", "openassistant",
        "oasst1", "dolly", "alpaca", "sharegpt", "ultrachat", "flan", "natural instructions", "squad", "glue",
        "superglue", "mnli", "multinli", "snli", "xnli", "natural questions", "triviaqa", "hotpotqa", "ms marco",
        "msmarco", "wmt", "paracrawl", "europarl", "gsm8k", "mmlu", "imdb", "sst 2", "yelp", "amazon reviews",
        // Speech and audio
        "librispeech", "libri light", "librilight", "common voice", "voxpopuli", "gigaspeech", "fleurs", "voxceleb",
        "audioset", "musiccaps", "freesound", "vctk", "ljspeech", "tedlium", "switchboard",
        // Images and video
        "imagenet", "coco", "ms coco", "mscoco", "laion", "open images", "openimages", "visual genome", "cc3m",
        "cc12m", "conceptual captions", "yfcc100m", "sbu captions", "flickr30k", "mnist", "cifar 10", "cifar 100",
        "cifar10", "cifar100", "ade20k", "cityscapes", "kinetics", "howto100m", "webvid", "ego4d", "sa 1b", "datacomp",
        "objects365", "places365", "celeba", "ffhq", "lvis", "pascal voc", "fairface", "food101", "sun397",
        "caltech101", "flowers102", "svhn", "stl 10", "kitti", "ucf101", "clevr",
    ]

    /// Names found in the text: known corpora (whole words), size-suffixed collection names, and
    /// a name before the word "dataset" or "corpus" ("the hh-rlhf dataset", "the FairFace
    /// dataset") when it is written as a name — with a capital, a digit or a joining mark.
    static func names(in text: String) -> [String] {
        let form = LifecycleText.matchForm(text)
        var found = known.filter { LifecycleText.containsPhrase(form, $0) }
        let tokens = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        for (index, token) in tokens.enumerated() {
            if isSizedName(Substring(token)) { found.append(token) }
            guard index + 1 < tokens.count, ["dataset", "datasets", "corpus", "corpora"].contains(tokens[index + 1].lowercased()),
                  isWrittenAsName(token) else { continue }
            // A lowercase compound ("hh-rlhf") is a name only as "the … dataset"; without the
            // article it is a description ("application-specific datasets").
            let lowercaseCompound = token == token.lowercased() && !token.unicodeScalars.contains(where: LifecycleText.isDigit)
            if lowercaseCompound, index == 0 || tokens[index - 1].lowercased() != "the" { continue }
            found.append(token)
        }
        return found
    }

    /// Words before "dataset" that describe a dataset rather than name it.
    static let describingWords: Set<String> = [
        "the", "this", "that", "a", "an", "our", "their", "its", "training", "evaluation", "test", "validation", "public",
        "internal", "private", "proprietary", "new", "same", "large", "small", "synthetic", "custom", "original", "final",
        "curated", "cleaned", "filtered", "full", "entire", "whole", "main", "base", "benchmark", "labeled", "labelled",
        "annotated", "multilingual", "english", "image", "text", "audio", "video", "code", "safety", "instruction",
        "preference", "human", "open", "source", "each", "every", "any", "one", "two", "which", "following",
    ]

    /// First parts of hyphenated descriptions ("fine-tuning", "open-source", "human-annotated").
    static let describingPrefixes: Set<String> = [
        "fine", "pre", "post", "open", "multi", "in", "third", "human", "high", "low", "large", "small", "web", "real",
        "self", "semi", "non", "cross", "well", "de", "co", "re", "publicly", "instruction", "domain", "task", "long",
        "short", "machine", "hand", "crowd", "user", "safety", "red", "closed", "general", "single", "mixed", "out",
        "off", "on", "state", "first", "second", "application", "text", "image", "code", "audio", "video",
    ]

    /// "hh-rlhf", "FairFace", "WebText", "C4": not a describing word, and carrying a capital after
    /// its first letter, a digit, or a joining mark — the marks of a proper name.
    static func isWrittenAsName(_ token: String) -> Bool {
        guard token.count >= 2, !describingWords.contains(token.lowercased()) else { return false }
        // "fine-tuning datasets", "open-source corpora": a compound of plain words describes.
        if let first = token.lowercased().split(separator: "-").first, token.contains("-"),
           describingPrefixes.contains(String(first)) { return false }
        let scalars = Array(token.unicodeScalars)
        if scalars.contains(where: { $0 == "-" || $0 == "_" || $0 == "." || LifecycleText.isDigit($0) }) { return true }
        return scalars.dropFirst().contains { $0.properties.isUppercase }
    }

    /// "LAION-5B", "LVD-142M", "YFCC100M", "ImageNet-22k", "WIT-400M": a capitalised name of at
    /// least two letters, then digits, then one size letter (k, K, M, B) closing the token.
    static func isSizedName(_ token: Substring) -> Bool {
        let scalars = Array(token.unicodeScalars)
        guard scalars.count >= 4, let first = scalars.first, first.properties.isUppercase,
              let last = scalars.last, "kKMB".unicodeScalars.contains(last) else { return false }
        var index = 0
        while index < scalars.count, scalars[index].properties.isAlphabetic { index += 1 }
        guard index >= 2 else { return false }
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "_" { index += 1 }
        let digitsStart = index
        while index < scalars.count, LifecycleText.isDigit(scalars[index]) { index += 1 }
        return index > digitsStart && index == scalars.count - 1
    }
}

/// Recognises evaluation benchmarks named in words ("MMLU (5-shot)", "HumanEval", "GSM8K"), the
/// way results tables label their rows and columns.
enum BenchmarkNames {
    /// Benchmarks known by name, in `LifecycleText.matchForm`.
    static let known: [String] = [
        "mmlu", "mmlu pro", "gsm8k", "gsm 8k", "humaneval", "human eval", "mbpp", "arc c", "arc e", "arc challenge",
        "hellaswag", "truthfulqa", "winogrande", "bbh", "big bench", "bigbench", "gpqa", "ifeval", "mt bench",
        "alpacaeval", "boolq", "piqa", "siqa", "openbookqa", "commonsenseqa", "agieval", "quac",
        "lambada", "musr", "mgsm", "xstest", "toxigen", "bbq", "crows pairs", "realtoxicityprompts", "vqav2",
        "textvqa", "docvqa", "chartqa", "mmmu", "mathvista", "ai2d", "covost", "audiocaps", "musiccaps", "fairface",
        "nyu depth", "sun rgbd", "inaturalist", "nocaps", "livecodebench", "swe bench", "aime", "arena hard",
        "cyberseceval", "bfcl", "zeroscrolls", "infinitebench", "needle in a haystack", "multipl e",
    ]

    /// Whether the text names a known benchmark, or carries a few-shot setting ("(5-shot)", "0-shot").
    static func names(_ text: String) -> Bool {
        let form = LifecycleText.matchForm(text)
        if known.contains(where: { LifecycleText.containsPhrase(form, $0) }) { return true }
        return LifecycleText.containsPhrase(form, "shot") && form.unicodeScalars.contains(where: LifecycleText.isDigit)
    }
}
