#!/usr/bin/env python3
"""Times aimslint against git doing the same reading work, in the same run (SPEC section 9).

Usage: scripts/bench/run.py [--sizes small,medium,large] [--runs 5] [--history-runs N] [--bin PATH]
                            [--only NAME,...] [--compare OLD.json]

Generates each corpus once (scripts/bench/corpus.py, cached under .bench/corpora/ and keyed by
the generator's own hash), then for every command runs aimslint and its git floor alternately,
RUNS times each, and reports the median of each side, the ratio of the medians, the spread of
each side (min-max) and the spread of the per-pair ratios, which shows how noisy the machine was.
Results also go to .bench/results-SIZE.json (and --compare prints an older file's medians beside
the new ones). Exit status 0 whatever the ratios: this measures, it does not gate.

Measurements (NAME for --only):
  staged       check --staged (a model card edited and staged)   vs git status --porcelain
               (saved history answers on, as a pre-commit hook runs it again at the same HEAD)
  staged-cold  check --staged --no-cache (the first run at a HEAD)  vs git status --porcelain
  rev          check --rev HEAD --no-blame --no-cache --format json
                                                                  vs git ls-tree -r HEAD | artifact paths | git cat-file --batch
  base         check --rev HEAD --base HEAD~20 --no-blame --no-cache
                                                                  vs that pipeline for both commits
               (rev and base run cold, as in CI on a fresh clone)
  history      history --no-cache --format json (cold)            vs git log --format=%H --name-status -- <artifact globs>
  warm         history --format json, cache at HEAD~1             vs the cold aimslint history above
Peak memory is the largest resident set (GNU time's %M, the "Maximum resident set size" of
`/usr/bin/time -v`) of the cold history runs.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import corpus  # noqa: E402

GOALS = {"staged": 1.0, "staged-cold": 1.0, "rev": 2.0, "base": 3.0, "history": 1.5, "warm": 0.1}
MEMORY_GOAL_MIB = 500
# The paths aimslint reads at a commit (ArtifactClassifier): every Markdown file (front matter may
# declare it), the artifact names that are not Markdown, licences and the policy folder.
ARTIFACT_PATHS = (r"\.(md|markdown)$|[ /](croissant\.jsonld?|[^ /]*\.croissant\.json|model_card\.json|metadata\.json"
                  r"|risk-register\.ya?ml|licen[cs]e[^ /]*|copying)$| \.aims/")
HISTORY_GLOBS = ["*MODEL_CARD.md", "*datasheet*", "*-plan.md", "*-assessment.md"]
ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C", NO_COLOR="1",
           GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com", GIT_COMMITTER_NAME="Bench",
           GIT_COMMITTER_EMAIL="bench@example.com", GIT_AUTHOR_DATE="2030-01-01T00:00:00Z",
           GIT_COMMITTER_DATE="2030-01-01T00:00:00Z")


def time_binary():
    """GNU time, installed with apt when missing (it reports peak memory)."""
    if not os.path.exists("/usr/bin/time"):
        print("installing GNU time (apt-get install time) for peak memory", file=sys.stderr)
        subprocess.run(["sudo", "-n", "apt-get", "install", "-y", "-q", "time"] if os.geteuid() else
                       ["apt-get", "install", "-y", "-q", "time"], check=True, stdout=subprocess.DEVNULL)
    return "/usr/bin/time"


def measure(command, repo, shell=False):
    """Wall seconds and peak RSS (KiB) of one run; output discarded; exit codes above 1 are errors."""
    with tempfile.NamedTemporaryFile("r") as stats:
        argv = [time_binary(), "-f", "%M", "-o", stats.name] + (["sh", "-c", command] if shell else command)
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=repo, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode > 1:
            sys.exit("failed (exit %d): %s\n%s" % (done.returncode, command, done.stderr.decode(errors="replace")[-2000:]))
        lines = [line for line in stats.read().splitlines() if line.strip().isdigit()]
        return elapsed, int(lines[-1]) if lines else 0


def git(repo, *args, capture=False):
    result = subprocess.run(["git", *args], cwd=repo, env=ENV, check=True,
                            stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    return result.stdout.decode().strip() if capture else None


def ensure_corpus(size):
    """The cached corpus of `size`, generated when missing; stale versions are removed."""
    folder = os.path.join(ROOT, ".bench", "corpora")
    os.makedirs(folder, exist_ok=True)
    name = "%s-%s" % (size, corpus.cache_key())
    path = os.path.join(folder, name)
    for other in os.listdir(folder):
        if other.startswith(size + "-") and other != name:
            print("removing stale corpus %s" % other, file=sys.stderr)
            shutil.rmtree(os.path.join(folder, other))
    if not os.path.isdir(path):
        print("generating the %s corpus (once; cached in %s)" % (size, path), file=sys.stderr)
        started = time.perf_counter()
        corpus.generate(size, path + ".tmp")
        os.rename(path + ".tmp", path)
        print("  took %.0f s" % (time.perf_counter() - started), file=sys.stderr)
    return path


class Bench:
    def __init__(self, binary, repo, runs):
        self.binary = binary
        self.repo = repo
        self.runs = runs
        self.results = {}

    def pair(self, name, aims, floor, runs=None, before=None, floor_shell=False, warmup=True):
        """Runs aimslint and its floor alternately; stores both samples. Without `warmup`, only
        the floor runs once beforehand (it reads the same objects, so the page cache is warm)."""
        samples = {"aimslint": [], "git": [], "aimslint_rss_kib": []}
        measure(floor, self.repo, shell=floor_shell)   # warm the page cache for both
        if warmup:
            if before:
                before()
            measure(aims, self.repo)
        for _ in range(runs or self.runs):
            samples["git"].append(measure(floor, self.repo, shell=floor_shell)[0])
            if before:
                before()
            elapsed, rss = measure(aims, self.repo)
            samples["aimslint"].append(elapsed)
            samples["aimslint_rss_kib"].append(rss)
        self.results[name] = summarise(samples, name)
        print(row(name, self.results[name]), file=sys.stderr)

    def staged(self, cold=False):
        card = git(self.repo, "ls-files", "*MODEL_CARD.md", capture=True).split("\n")[0]
        full = os.path.join(self.repo, card)
        with open(full, "a") as handle:
            handle.write("\nReviewed again for the benchmark.\n")
        git(self.repo, "add", card)
        try:
            self.pair("staged-cold" if cold else "staged",
                      [self.binary, "check", "--staged"] + (["--no-cache"] if cold else []),
                      ["git", "status", "--porcelain"])
        finally:
            git(self.repo, "reset", "-q", "--", card)
            git(self.repo, "checkout", "-q", "--", card)

    def rev(self):
        self.pair("rev", [self.binary, "check", "--rev", "HEAD", "--no-blame", "--no-cache", "--format", "json"],
                  pipeline("HEAD"), floor_shell=True)

    def base(self):
        self.pair("base", [self.binary, "check", "--rev", "HEAD", "--base", "HEAD~20", "--no-blame", "--no-cache"],
                  pipeline("HEAD") + "; " + pipeline("HEAD~20"), floor_shell=True)

    def history(self, runs, warmup=True):
        self.pair("history", [self.binary, "history", "--no-cache", "--format", "json"],
                  ["git", "log", "--format=%H", "--name-status", "--"] + HISTORY_GLOBS, runs=runs, warmup=warmup)

    def warm(self, runs):
        """The cache filled at HEAD, then one new commit that edits a model card."""
        cache = os.path.join(self.repo, ".git", "aimslint")
        saved = tempfile.mkdtemp(prefix="aimslint-bench-cache-")
        tip = git(self.repo, "rev-parse", "HEAD", capture=True)
        shutil.rmtree(cache, ignore_errors=True)
        subprocess.run([self.binary, "history", "--format", "json"], cwd=self.repo, env=ENV,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        shutil.copytree(cache, os.path.join(saved, "aimslint"))
        try:
            new_commit(self.repo, tip)

            def restore():
                shutil.rmtree(cache, ignore_errors=True)
                shutil.copytree(os.path.join(saved, "aimslint"), cache)
            samples = {"aimslint": [], "git": self.results["history"]["aimslint"]["samples"], "aimslint_rss_kib": []}
            restore()
            measure([self.binary, "history", "--format", "json"], self.repo)
            for _ in range(runs):
                restore()
                elapsed, rss = measure([self.binary, "history", "--format", "json"], self.repo)
                samples["aimslint"].append(elapsed)
                samples["aimslint_rss_kib"].append(rss)
            self.results["warm"] = summarise(samples, "warm", paired=False)
            print(row("warm", self.results["warm"]), file=sys.stderr)
        finally:
            git(self.repo, "update-ref", "refs/heads/main", tip)
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(saved)


def pipeline(revision):
    return ("git ls-tree -r --format='%%(objectname) %%(path)' %s | grep -iE '%s' "
            "| git cat-file --batch='%%(objectname) %%(objectsize) %%(rest)' > /dev/null" % (revision, ARTIFACT_PATHS))


def new_commit(repo, tip):
    """A commit on top of `tip` that edits one model card, made without touching index or worktree."""
    card = git(repo, "ls-tree", "-r", "--name-only", tip, capture=True)
    card = next(path for path in card.split("\n") if path.endswith("MODEL_CARD.md"))
    text = subprocess.run(["git", "cat-file", "blob", "%s:%s" % (tip, card)], cwd=repo, env=ENV, check=True,
                          stdout=subprocess.PIPE).stdout + b"\nRe-reviewed after the benchmark commit.\n"
    blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=repo, env=ENV, input=text, check=True,
                          stdout=subprocess.PIPE).stdout.decode().strip()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(ENV, GIT_INDEX_FILE=os.path.join(folder, "index"))
        subprocess.run(["git", "read-tree", tip], cwd=repo, env=env, check=True)
        subprocess.run(["git", "update-index", "--cacheinfo", "100644,%s,%s" % (blob, card)], cwd=repo, env=env, check=True)
        tree = subprocess.run(["git", "write-tree"], cwd=repo, env=env, check=True, stdout=subprocess.PIPE).stdout.decode().strip()
    commit = subprocess.run(["git", "commit-tree", tree, "-p", tip, "-m", "Benchmark: one new commit"], cwd=repo,
                            env=ENV, check=True, stdout=subprocess.PIPE).stdout.decode().strip()
    git(repo, "update-ref", "refs/heads/main", commit)


def summarise(samples, name, paired=True):
    def side(values):
        return {"median": statistics.median(values), "min": min(values), "max": max(values),
                "samples": [round(value, 4) for value in values]}
    result = {"aimslint": side(samples["aimslint"]), "git": side(samples["git"]), "goal": GOALS[name]}
    result["ratio"] = result["aimslint"]["median"] / result["git"]["median"]
    if paired:
        ratios = [a / b for a, b in zip(samples["aimslint"], samples["git"])]
        result["pair_ratio_min"], result["pair_ratio_max"] = min(ratios), max(ratios)
    else:
        result["pair_ratio_min"] = result["aimslint"]["min"] / result["git"]["max"]
        result["pair_ratio_max"] = result["aimslint"]["max"] / result["git"]["min"]
    result["peak_rss_mib"] = max(samples["aimslint_rss_kib"]) / 1024
    return result


def row(name, result):
    a, g = result["aimslint"], result["git"]
    verdict = "ok" if result["ratio"] <= result["goal"] else "MISSED"
    return ("%-8s aimslint %8.3fs [%.3f-%.3f]  floor %8.3fs [%.3f-%.3f]  ratio %6.2fx [%.2f-%.2f]  goal <= %.1fx  %s"
            % (name, a["median"], a["min"], a["max"], g["median"], g["min"], g["max"], result["ratio"],
               result["pair_ratio_min"], result["pair_ratio_max"], result["goal"], verdict))


def describe(repo):
    def count(*args):
        return int(git(repo, *args, capture=True))
    return {"files": len(git(repo, "ls-files", capture=True).split("\n")),
            "commits": count("rev-list", "--count", "HEAD"),
            "first_parent_commits": count("rev-list", "--count", "--first-parent", "HEAD")}


def aimslint_version():
    """The commit of the source tree measured (with -dirty when it has uncommitted changes)."""
    commit = git(ROOT, "rev-parse", "--short=12", "HEAD", capture=True)
    dirty = git(ROOT, "status", "--porcelain", "--untracked-files=no", "--", "Sources", "Package.swift", capture=True)
    return commit + ("-dirty" if dirty else "")


def run_size(size, args):
    repo = ensure_corpus(size)
    git(repo, "reset", "-q", "--hard")
    shutil.rmtree(os.path.join(repo, ".git", "aimslint"), ignore_errors=True)
    shape = describe(repo)
    print("== %s: %d files, %d commits (%d first-parent) — %s" % (size, shape["files"], shape["commits"],
          shape["first_parent_commits"], repo), file=sys.stderr)
    bench = Bench(args.bin, repo, args.runs)
    load_before = os.getloadavg()
    only = set(args.only.split(",")) if args.only else set(GOALS)
    # A cold history of the large corpus takes minutes: one measured run, no warm-up run
    # (unless --history-runs says otherwise).
    history_runs = args.history_runs or (1 if size == "large" else args.runs)
    history_warmup = size != "large"
    if "staged" in only:
        bench.staged()
    if "staged-cold" in only:
        bench.staged(cold=True)
    if "rev" in only:
        bench.rev()
    if "base" in only:
        bench.base()
    if "history" in only or "warm" in only:
        bench.history(history_runs, warmup=history_warmup)
    if "warm" in only:
        bench.warm(history_runs)
    report = {"size": size, "corpus": os.path.basename(repo), "shape": shape, "aimslint": aimslint_version(),
              "runs": args.runs, "history_runs": history_runs, "load_average_before": load_before,
              "load_average_after": os.getloadavg(), "results": bench.results}
    if "history" in bench.results:
        peak = bench.results["history"]["peak_rss_mib"]
        report["history_peak_rss_mib"] = peak
        print("history peak memory: %.0f MiB (goal < %d MiB)" % (peak, MEMORY_GOAL_MIB), file=sys.stderr)
    output = os.path.join(ROOT, ".bench", "results-%s.json" % size)
    with open(output, "w") as handle:
        json.dump(report, handle, indent=2, sort_keys=True)
        handle.write("\n")
    return report


def print_table(reports, compare):
    print("| corpus | command | aimslint median [min-max] | git floor median [min-max] | ratio [pair min-max] | goal | |")
    print("|---|---|---|---|---|---|---|")
    for report in reports:
        for name in GOALS:
            result = report["results"].get(name)
            if not result:
                continue
            a, g = result["aimslint"], result["git"]
            floor = "cold aimslint history" if name == "warm" else "%.3f s [%.3f-%.3f]" % (g["median"], g["min"], g["max"])
            verdict = "ok" if result["ratio"] <= result["goal"] else "**missed**"
            print("| %s | %s | %.3f s [%.3f-%.3f] | %s | %.2fx [%.2f-%.2f] | <= %.1fx | %s |"
                  % (report["size"], name, a["median"], a["min"], a["max"], floor, result["ratio"],
                     result["pair_ratio_min"], result["pair_ratio_max"], result["goal"], verdict))
        if "history_peak_rss_mib" in report:
            peak = report["history_peak_rss_mib"]
            print("| %s | history peak memory | %.0f MiB | | | < %d MiB | %s |"
                  % (report["size"], peak, MEMORY_GOAL_MIB, "ok" if peak < MEMORY_GOAL_MIB else "**missed**"))
    for report in reports:
        old = compare.get(report["size"])
        if not old:
            continue
        print("\n%s: %s (was %s)" % (report["size"], report["aimslint"], old.get("aimslint")))
        for name, result in report["results"].items():
            before = old.get("results", {}).get(name)
            if before:
                print("  %-8s %.3f s -> %.3f s   ratio %.2fx -> %.2fx" % (name, before["aimslint"]["median"],
                      result["aimslint"]["median"], before["ratio"], result["ratio"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "aimslint"))
    parser.add_argument("--only", help="comma-separated measurement names")
    parser.add_argument("--history-runs", type=int, help="cold history runs (default: --runs; 1 on the large corpus)")
    parser.add_argument("--compare", action="append", default=[], help="an older results-SIZE.json")
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    unknown = [size for size in sizes if size not in corpus.SIZES]
    if unknown:
        sys.exit("unknown corpus size %s; choose from %s" % (", ".join(unknown), ", ".join(corpus.SIZES)))
    compare = {}
    for path in args.compare:
        with open(path) as handle:
            old = json.load(handle)
        compare[old["size"]] = old
    print("load average at start: %.2f %.2f %.2f (%d CPUs)" % (*os.getloadavg(), os.cpu_count()), file=sys.stderr)
    reports = [run_size(size, args) for size in sizes]
    print_table(reports, compare)


if __name__ == "__main__":
    main()
