#!/usr/bin/env python3
"""Generates a synthetic repository with a long history, for benchmarking `aimslint history`.

Usage: scripts/generate-history-repo.py OUT_DIR [--commits 5000] [--files 20000] [--systems 50] [--seed 7]

Deterministic: a fixed-seed generator, fixed authors and dates, so the same arguments always give
the same commit ids. The history is streamed into `git fast-import` (one pack, no checkout).
Most commits edit ordinary files (code, data, weights); about one in twelve touches a governance
document of one system: a model card added, edited, emptied or restored, a datasheet, a risk or
impact assessment, a deployment or monitoring plan, the .aims/config.yml policy. Every 250
commits a side branch is merged back with --no-ff, so the first-parent line has merges.
Artifact names match the globs of the `git log` floor in SPEC section 9.
"""
import argparse
import random
import subprocess
import sys

AUTHORS = [("Ada Author", "ada@example.com"), ("Ben Builder", "ben@example.com"), ("Chen Li", "chen@example.com"),
           ("Dana Doe", "dana@example.com"), ("Eve Editor", "eve@example.com")]
START = 1_672_531_200  # 2023-01-01T00:00:00Z

CARD = """---
license: apache-2.0
library_name: transformers
---
# {name}

## Model details

Version {revision}. A classifier built for the {name} service.

## Intended use

Scores incoming requests for the {name} team; a person reviews every low-confidence answer.

## Out-of-scope use

Not for decisions about individuals without human review.

## Training data

Trained on data/{name}, documented in its datasheet.

## Evaluation

| metric | value | test data |
|---|---|---|
| accuracy | 0.{score} | data/{name} held-out split |

## Bias, risks, and limitations

Accuracy drops on short inputs; see the risk assessment.
"""

DATASHEET = """# Datasheet: {name}

## Motivation
Collected to train the {name} model (revision {revision}).

## Composition
Text records with labels; no personal information is kept.

## Collection process
Exported from the support system between 2022 and 2023.

## Preprocessing
Deduplicated and lower-cased.

## Uses
Training and evaluation of the {name} model only.

## Distribution
Internal only.

## Maintenance
Refreshed every quarter by the data team.
"""

DOCS = {
    "risk-assessment.md": "# Risk assessment: {name}\n\nScope, criteria and treatment, revision {revision}. Owner: ml-risk.\n",
    "impact-assessment.md": "# Impact assessment: {name}\n\nIndividuals and society, revision {revision}. Owner: ml-risk.\n",
    "deployment-plan.md": "# Deployment plan: {name}\n\nVersion {revision} to production; rollback by redeploying the previous tag.\n",
    "monitoring-plan.md": "# Monitoring plan: {name}\n\nAccuracy and drift weekly, threshold 0.8, owner ml-ops (revision {revision}).\n",
}


def blob(text):
    data = text.encode()
    return b"data %d\n" % len(data) + data + b"\n"


class Stream:
    def __init__(self, out):
        self.out = out
        self.mark = 0
        self.tick = 0

    def commit(self, branch, message, changes, parents=(), deletes=()):
        self.mark += 1
        self.tick += 1
        name, email = AUTHORS[self.mark % len(AUTHORS)]
        when = START + self.tick * 3600
        self.out.write(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), self.mark))
        self.out.write(b"author %s <%s> %d +0000\n" % (name.encode(), email.encode(), when))
        self.out.write(b"committer %s <%s> %d +0000\n" % (name.encode(), email.encode(), when))
        self.out.write(blob(message))
        for index, parent in enumerate(parents):
            self.out.write(b"%s :%d\n" % (b"from" if index == 0 else b"merge", parent))
        for path in deletes:
            self.out.write(b"D %s\n" % path.encode())
        for path, text in changes:
            self.out.write(b"M 100644 inline %s\n" % path.encode())
            self.out.write(blob(text))
        return self.mark


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--systems", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    subprocess.run(["git", "init", "-q", "--initial-branch=main", args.out], check=True)
    names = ["system-%02d" % index for index in range(args.systems)]
    ordinary = []
    for index in range(args.files):
        kind = index % 10
        if kind < 5:
            ordinary.append("src/module-%02d/pkg-%02d/file-%05d.py" % (index % 40, index % 13, index))
        elif kind < 7:
            ordinary.append("models/%s/code/layer-%05d.py" % (names[index % len(names)], index))
        elif kind < 9:
            ordinary.append("data/%s/shards/part-%05d.csv" % (names[index % len(names)], index))
        else:
            ordinary.append("models/%s/weights-%05d.bin" % (names[index % len(names)], index))
    process = subprocess.Popen(["git", "-C", args.out, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    stream = Stream(process.stdin)
    revisions = {}
    cards = set()
    head = stream.commit("main", "initial import\n", [(path, "v0 %s\n" % path) for path in ordinary])
    count = 1
    while count < args.commits:
        if count % 250 == 0 and count + 2 <= args.commits:
            side = stream.commit("side", "side work\n", [(rng.choice(ordinary), "side %d\n" % count)], parents=[head])
            head = stream.commit("main", "merge side\n", [], parents=[head, side])
            count += 2
            continue
        changes, deletes = [], []
        if rng.random() < 1 / 12:
            name = rng.choice(names)
            revision = revisions.get(name, 0) + 1
            revisions[name] = revision
            values = dict(name=name, revision=revision, score=80 + revision % 19)
            roll = rng.random()
            card = "models/%s/MODEL_CARD.md" % name
            if name not in cards or roll < 0.35:
                cards.add(name)
                changes.append((card, CARD.format(**values)))
            elif roll < 0.42:
                changes.append((card, ""))
            elif roll < 0.6:
                changes.append(("data/%s/datasheet.md" % name, DATASHEET.format(**values)))
            elif roll < 0.95:
                document = rng.choice(sorted(DOCS))
                changes.append(("models/%s/%s" % (name, document), DOCS[document].format(**values)))
            else:
                declared = sorted(cards)[: 1 + revision % max(1, len(cards))]
                config = "version: 1\nsystems:\n" + "".join(
                    "  - id: %s\n    root: models/%s\n    stage: deployment\n" % (system, system) for system in declared)
                changes.append((".aims/config.yml", config))
        for _ in range(rng.randint(1, 4)):
            path = rng.choice(ordinary)
            changes.append((path, "v%d %s\n" % (count, path)))
        head = stream.commit("main", "change %d\n" % count, changes, parents=[head], deletes=deletes)
        count += 1
    process.stdin.close()
    if process.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", args.out, "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
    print("generated %d commits, %d files, %d systems in %s" % (count, args.files, args.systems, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
