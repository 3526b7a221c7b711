#!/usr/bin/env python3
"""Generates the benchmark corpora of SPEC section 9: synthetic repositories with a long history.

Usage: scripts/bench/corpus.py SIZE OUT_DIR        SIZE is small, medium or large
       scripts/bench/corpus.py --key                prints the generator's cache key

| size   | files at HEAD | commits | AI systems |
|--------|---------------|---------|------------|
| small  | 1k            | 200     | 5          |
| medium | 20k           | 5k      | 50         |
| large  | 100k          | 50k     | 200        |

Deterministic: a fixed-seed generator, fixed authors and dates, so the same generator gives the
same commit ids. The history is streamed into `git fast-import` (one pack, no checkout).

What is in it: ordinary files (Python code, CSV data shards, YAML and JSON configuration, LFS
pointers for weights, a few READMEs and guides) that grow from 60% to 100% of the target over
history; per system a model card (a README with Hub front matter for one system in ten), a
datasheet and a Croissant file under `data/NAME`, and life cycle records under `ROOT/docs` or
`docs/ai/NAME`, in three qualities so that some rules pass and some fail. About one commit in
ten touches a governance document: one appears, is edited, moves or disappears, or
`.aims/config.yml` declares a system or moves it to a later life cycle stage. Every 250 commits a
side branch is merged with --no-ff, so the first-parent line has merges.
"""
import hashlib
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import documents  # noqa: E402

SIZES = {
    "small": dict(files=1_000, commits=200, systems=5),
    "medium": dict(files=20_000, commits=5_000, systems=50),
    "large": dict(files=100_000, commits=50_000, systems=200),
}
SEED = 8
AUTHORS = [("Ada Author", "ada@example.com"), ("Ben Builder", "ben@example.com"), ("Chen Li", "chen@example.com"),
           ("Dana Doe", "dana@example.com"), ("Eve Editor", "eve@example.com")]
START = 1_672_531_200  # 2023-01-01T00:00:00Z
STAGES = ["inception", "design-and-development", "verification-and-validation", "deployment",
          "operation-and-monitoring"]
WORDS_A = ["churn", "fraud", "triage", "search", "ranking", "vision", "speech", "pricing", "demand", "sentiment",
           "routing", "spam", "credit", "support", "forecast", "caption", "ocr", "anomaly", "match", "recommend"]
WORDS_B = ["model", "scorer", "detector", "classifier", "ranker", "tagger", "predictor", "estimator", "filter",
           "planner", "reader", "assistant"]


def cache_key():
    """Changes whenever the generator or its documents change, so cached corpora are rebuilt."""
    digest = hashlib.sha256()
    folder = os.path.dirname(os.path.abspath(__file__))
    for name in ("corpus.py", "documents.py"):
        with open(os.path.join(folder, name), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:12]


class System:
    """One AI system: where its files live, how good its documents are, what the policy says."""

    def __init__(self, index, rng):
        self.name = "%s-%s" % (WORDS_A[index % len(WORDS_A)], WORDS_B[(index // len(WORDS_A)) % len(WORDS_B)])
        if index >= len(WORDS_A) * len(WORDS_B):
            self.name += "-%d" % index
        self.root = ("services/%s/ml" if index % 7 == 3 else "models/%s") % self.name
        self.data = "data/" + self.name
        self.readme_card = index % 10 == 9
        self.docs = ("docs/ai/" + self.name) if index % 5 == 2 else (self.root + "/docs")
        self.quality = rng.choice([0, 0, 0, 1, 1, 2])
        self.revision = 0
        self.declared = False
        self.stage = rng.randrange(len(STAGES))
        self.risk = rng.choice(["minimal", "limited", "limited", "high"])
        self.continuous = index % 6 == 1
        self.explicit_monitoring = index % 17 == 3
        self.card = None          # current model card path
        self.paths = {}           # document kind -> current path

    def card_path(self, moved=False):
        if self.readme_card:
            return self.root + "/README.md"
        return self.root + ("/docs/MODEL_CARD.md" if moved else "/MODEL_CARD.md")

    def doc_path(self, kind, moved=False):
        if kind == "monitoring-plan.md" and self.explicit_monitoring:
            return "ops/monitoring/%s.md" % self.name
        folder = self.docs
        if moved:
            folder = self.root + "/docs" if folder.startswith("docs/ai/") else "docs/ai/" + self.name
        return folder + "/" + kind

    def card_text(self):
        if self.readme_card:
            return documents.readme_model_card(self.name, self.quality, self.revision)
        return documents.model_card(self.name, self.data, self.quality, self.revision)


class Content:
    """File bodies cut from a fixed pool of code-like text: realistic sizes, cheap to make."""

    def __init__(self, rng):
        verbs = ["load", "score", "split", "merge", "encode", "fetch", "clean", "train", "export", "check"]
        nouns = ["batch", "record", "frame", "feature", "label", "shard", "token", "window", "metric", "row"]
        lines = []
        for number in range(6000):
            verb, noun = rng.choice(verbs), rng.choice(nouns)
            lines.append(rng.choice([
                "def %s_%s(%s, limit=%d):" % (verb, noun, noun, rng.randrange(1, 500)),
                "    %s = %s_%s(%s)  # %d" % (noun, verb, noun, rng.choice(nouns), number),
                "    return [%s for %s in %ss if %s.ok]" % (noun, noun, noun, noun),
                "import %s_%s" % (noun, verb),
                "%d,%s,%s,%.4f,%d" % (number, verb, noun, rng.random(), rng.randrange(1000)),
            ]))
        self.pool = "\n".join(lines)

    def body(self, rng, path, version):
        lower = path.lower()
        if lower.endswith(".safetensors"):
            return ("version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize %d\n"
                    % (hashlib.sha256(("%s %d" % (path, version)).encode()).hexdigest(), rng.randrange(10**6, 10**9)))
        if lower.endswith(".csv"):
            size = rng.randrange(1_000, 16_000)
        elif lower.endswith(".md"):
            size = rng.randrange(400, 3_000)
            return "# %s\n\nNotes for this folder, revision %d.\n\n%s\n" % (path.rsplit("/", 2)[-2], version,
                                                                            self._slice(rng, size))
        elif lower.endswith((".yaml", ".json")):
            size = rng.randrange(150, 1_500)
        else:
            size = int(rng.triangular(300, 9_000, 1_500))
        return "# %s v%d\n%s\n" % (path, version, self._slice(rng, size))

    def _slice(self, rng, size):
        start = rng.randrange(0, len(self.pool) - size)
        return self.pool[start:start + size]


def ordinary_path(rng, number, systems):
    """Where the NUMBER-th ordinary file lives."""
    roll = number % 100
    system = systems[number % len(systems)]
    if roll < 42:
        return "src/module-%02d/pkg-%02d/file_%06d.py" % (number % 40, number % 13, number)
    if roll < 52:
        return "tests/module-%02d/test_%06d.py" % (number % 40, number)
    if roll < 66:
        return "%s/code/layer_%06d.py" % (system.root, number)
    if roll < 81:
        return "%s/shards/part-%06d.csv" % (system.data, number)
    if roll < 86:
        return "%s/weights/shard-%06d.safetensors" % (system.root, number)
    if roll < 94:
        return "config/%s/settings-%06d.%s" % (system.name, number, "yaml" if number % 2 else "json")
    if roll < 96:
        return "src/module-%02d/pkg-%02d/README.md" % (number % 40, number % 13)
    if roll < 98:
        return "docs/guides/guide-%05d.md" % number
    return "tools/scripts/task_%06d.sh" % number


class Stream:
    """Writes `git fast-import` commands."""

    def __init__(self, out):
        self.out = out
        self.mark = 0

    def commit(self, branch, message, changes, parents=(), deletes=(), renames=()):
        self.mark += 1
        name, email = AUTHORS[self.mark % len(AUTHORS)]
        when = START + self.mark * 3600
        write = self.out.write
        write(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), self.mark))
        write(b"author %s <%s> %d +0000\n" % (name.encode(), email.encode(), when))
        write(b"committer %s <%s> %d +0000\n" % (name.encode(), email.encode(), when))
        data = message.encode()
        write(b"data %d\n%s\n" % (len(data), data))
        for index, parent in enumerate(parents):
            write(b"%s :%d\n" % (b"from" if index == 0 else b"merge", parent))
        for old, new in renames:
            write(b"R %s %s\n" % (old.encode(), new.encode()))
        for path in deletes:
            write(b"D %s\n" % path.encode())
        for path, text in changes:
            data = text.encode()
            write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))
        return self.mark


def config_text(systems):
    lines = ["# Governance policy for the benchmark monorepo.", "version: 1", "systems:"]
    declared = [system for system in systems if system.declared]
    for system in declared:
        lines += ["  - id: %s" % system.name, "    root: %s" % system.root, "    stage: %s" % STAGES[system.stage],
                  "    risk: %s" % system.risk, '    owner: "@%s-leads"' % system.name]
        if system.continuous:
            lines.append("    continuous_learning: true")
        if system.explicit_monitoring:
            lines += ["    artifacts:", "      monitoring-plan: ops/monitoring/%s.md" % system.name]
    if not declared:
        lines[-1] = "systems: []"
    with_data = [system for system in declared if "datasheet" in system.paths]
    if with_data:
        lines.append("datasets:")
        for system in with_data:
            lines += ["  - id: %s-data" % system.name, "    root: %s" % system.data]
    lines += ["rules:", "  TERM-001: off", "paths:", '  exclude: ["vendor/**"]', "review_period_days: 365", ""]
    return "\n".join(lines)


class Generator:
    """The whole history of one corpus, as fast-import commands."""

    def __init__(self, size, stream):
        params = SIZES[size]
        self.rng = random.Random("%s-%d" % (size, SEED))
        self.systems = [System(index, self.rng) for index in range(params["systems"])]
        self.content = Content(self.rng)
        self.stream = stream
        self.target = params["files"]
        self.commits = params["commits"]
        self.files = []          # ordinary paths, for O(1) random choice and removal
        self.position = {}
        self.numbered = 0
        self.versions = {}

    def run(self):
        head = self.initial()
        count = 1
        while count < self.commits:
            if count % 250 == 0 and count + 2 <= self.commits:
                change = [self.modify(self.rng.choice(self.files), count)]
                side = self.stream.commit("side", "Side work %d\n" % count, change, parents=[head])
                head = self.stream.commit("main", "Merge branch 'side'\n", change, parents=[head, side])
                count += 2
                continue
            head = self.ordinary_commit(count, head)
            count += 1
        return count

    def initial(self):
        changes = [self.add_file() for _ in range(int(self.target * 0.6))]
        changes += [("LICENSE", "Copyright 2023 Example Corp. Licensed under the Apache License, Version 2.0.\n"),
                    ("README.md", "# Example monorepo\n\nServices, models and data of the ML platform.\n"),
                    (".gitattributes", "*.safetensors filter=lfs diff=lfs merge=lfs -text\n")]
        for system in self.systems[:max(1, len(self.systems) * 3 // 10)]:
            system.declared = True
            system.card = system.card_path()
            changes.append((system.card, system.card_text()))
            system.paths["datasheet"] = system.data + "/datasheet.md"
            changes.append((system.paths["datasheet"], documents.datasheet(system.name, system.quality, 0)))
            for kind in ("impact-assessment.md", "risk-assessment.md"):
                system.paths[kind] = system.doc_path(kind)
                changes.append((system.paths[kind], documents.lifecycle(kind, system.name, system.quality, 0)))
        changes.append((".aims/config.yml", config_text(self.systems)))
        return self.stream.commit("main", "Initial import\n", changes)

    def ordinary_commit(self, count, head):
        changes, deletes, renames = [], [], []
        subject = "Change %d" % count
        if self.rng.random() < 0.05 and len(self.files) > 10:
            deletes.append(self.remove_file(self.rng.choice(self.files)))
        expected = int(self.target * (0.6 + 0.4 * count / self.commits))
        while len(self.files) < expected:
            changes.append(self.add_file())
        for _ in range(self.rng.randint(1, 4)):
            path = self.rng.choice(self.files)
            if path not in deletes:
                changes.append(self.modify(path, count))
        if self.rng.random() < 0.1:
            system = self.rng.choice(self.systems)
            subject = self.governance(system, changes, deletes, renames)
        return self.stream.commit("main", subject + "\n", changes, parents=[head], deletes=deletes, renames=renames)

    def add_file(self):
        while True:
            path = ordinary_path(self.rng, self.numbered, self.systems)
            self.numbered += 1
            if path not in self.position:
                break
        self.position[path] = len(self.files)
        self.files.append(path)
        return self.modify(path, 0)

    def remove_file(self, path):
        index = self.position.pop(path)
        last = self.files.pop()
        if last != path:
            self.files[index] = last
            self.position[last] = index
        return path

    def modify(self, path, count):
        version = self.versions.get(path, 0) + 1
        self.versions[path] = version
        return path, self.content.body(self.rng, path, version + count)

    def governance(self, system, changes, deletes, renames):
        """One governance event for `system`; returns the commit subject."""
        rng = self.rng
        system.revision += 1
        if rng.random() < 0.15:
            system.quality = rng.choice([0, 0, 1, 2])
        name = system.name
        if system.card is None:
            system.card = system.card_path()
            changes.append((system.card, system.card_text()))
            return "Add the model card of %s" % name
        roll = rng.random()
        if roll < 0.30:
            changes.append((system.card, system.card_text()))
            return "Update the model card of %s" % name
        if roll < 0.36 and not system.readme_card:
            moved = system.card_path(moved=system.card == system.card_path())
            renames.append((system.card, moved))
            system.card = moved
            return "Move the model card of %s" % name
        if roll < 0.40:
            deletes.append(system.card)
            system.card = None
            return "Remove the outdated model card of %s" % name
        if roll < 0.54:
            return self.document(system, "datasheet", system.data + "/datasheet.md",
                                 documents.datasheet(name, system.quality, system.revision), changes, deletes)
        if roll < 0.60:
            return self.document(system, "croissant", system.data + "/croissant.json",
                                 documents.croissant(name, system.quality, system.revision), changes, deletes)
        if roll < 0.86:
            kind = rng.choice(sorted(documents.LIFECYCLE))
            return self.document(system, kind, system.doc_path(kind),
                                 documents.lifecycle(kind, name, system.quality, system.revision), changes, deletes)
        if roll < 0.90:
            movable = sorted(kind for kind in system.paths if kind in documents.LIFECYCLE
                             and not (kind == "monitoring-plan.md" and system.explicit_monitoring))
            if movable:
                kind = rng.choice(movable)
                moved = system.doc_path(kind, moved=system.paths[kind] == system.doc_path(kind))
                renames.append((system.paths[kind], moved))
                system.paths[kind] = moved
                return "Move %s of %s" % (kind, name)
        if not system.declared:
            system.declared = True
        elif system.stage + 1 < len(STAGES):
            system.stage += 1
        else:
            system.risk = "high" if system.risk != "high" else "limited"
        changes.append((".aims/config.yml", config_text(self.systems)))
        return "Policy: %s at %s" % (name, STAGES[system.stage])

    def document(self, system, kind, path, text, changes, deletes):
        """Adds or edits a document; one time in seven an existing one disappears instead."""
        current = system.paths.get(kind)
        if current is not None and self.rng.random() < 1 / 7:
            deletes.append(current)
            del system.paths[kind]
            return "Remove %s of %s" % (kind, system.name)
        system.paths[kind] = current or path
        changes.append((system.paths[kind], text))
        return "%s %s of %s" % ("Update" if current else "Add", kind, system.name)


def git(*args, cwd=None, **kwargs):
    return subprocess.run(["git", *args], cwd=cwd, check=True, **kwargs)


def generate(size, out):
    """Writes the corpus into OUT (which must not exist), checked out with a refreshed index."""
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C")
    git("init", "-q", "--initial-branch=main", out, env=env)
    process = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=out, stdin=subprocess.PIPE, env=env)
    generator = Generator(size, Stream(process.stdin))
    count = generator.run()
    process.stdin.close()
    if process.wait() != 0:
        sys.exit("git fast-import failed")
    git("checkout", "-q", "-f", "main", cwd=out, env=env)
    # Files written in the same second as the index are "racily clean" and git would hash them
    # on every status; a refresh one second later records them as clean, as in a long-lived clone.
    subprocess.run(["sleep", "1.1"], check=True)
    git("update-index", "-q", "--really-refresh", cwd=out, env=env)
    print("generated %s: %d commits, %d ordinary files, %d systems in %s"
          % (size, count, len(generator.files), len(generator.systems), out), file=sys.stderr)


def main():
    if sys.argv[1:] == ["--key"]:
        print(cache_key())
        return
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        sys.exit(__doc__)
    generate(sys.argv[1], sys.argv[2])


if __name__ == "__main__":
    main()
