"""Governance documents for the benchmark corpora, in three qualities.

Quality 0 is a document a careful team would write (most rules pass), 1 is a half-finished one
(placeholders, a missing section, metrics without values), 2 is a stub or a broken file (empty
sections, malformed front matter or JSON). The text is ours; sizes are those of real documents
(model cards of 3-6 KB, life cycle records of 1-2 KB). Everything depends only on the arguments,
so the corpora are deterministic.
"""
import json

TODO = "[More Information Needed]"

LICENSES = ["apache-2.0", "mit", "cc-by-4.0", "other"]
TASKS = ["text-classification", "token-classification", "image-classification", "tabular-regression",
         "summarization", "object-detection"]
METRICS = [("accuracy", "Accuracy"), ("f1", "Macro F1"), ("recall", "Recall"), ("auc", "ROC AUC")]


def _version(revision):
    return "%d.%d.0" % (1 + revision // 7, revision % 7)


def _date(revision):
    return "2024-%02d-%02d" % (1 + revision % 12, 1 + (revision * 7) % 28)


def model_card(name, data_root, quality, revision):
    """A Hugging Face style model card; quality 2 alternates between a stub and broken front matter."""
    score = 0.70 + (revision * 37 % 29) / 100
    task = TASKS[len(name) % len(TASKS)]
    metric, label = METRICS[revision % len(METRICS)]
    if quality >= 2:
        if revision % 2:
            return "---\nlicense: [apache-2.0\nlibrary_name: sklearn\n---\n# %s\n\nModel card to follow.\n" % name
        return "# %s\n\n## Intended use\n\nTODO\n\n## Evaluation\n\n%s\n\n## Limitations\n\nTBD\n" % (name, TODO)
    front = ["---", "license: %s" % LICENSES[revision % len(LICENSES)], "library_name: transformers",
             "pipeline_tag: %s" % task, "datasets:", "  - %s" % name]
    if quality == 0:
        front += ["base_model: distilroberta-base", "model-index:", "  - name: %s-v%s" % (name, _version(revision)),
                  "    results:", "      - task:", "          type: %s" % task,
                  "        dataset:", "          type: %s" % name, "          name: %s held-out test data" % name,
                  "        metrics:", "          - type: %s" % metric, "            value: %.3f" % score]
    front.append("---")
    parts = ["\n".join(front), "", "# Model card: %s" % name, "",
             "A %s model that the %s team runs inside its request pipeline." % (task.replace("-", " "), name), "",
             "## Model details", "",
             "- **Developed by:** the %s team" % name,
             "- **Model type:** fine-tuned transformer encoder",
             "- **Version:** %s, released %s" % (_version(revision), _date(revision)),
             "- **Finetuned from model:** distilroberta-base", ""]
    parts += ["## Intended use", "",
              "Scores incoming requests for the %s service so that staff see the urgent ones first. " % name
              + "Every low-confidence answer goes to a person, who makes the final call.", ""]
    if quality == 0:
        parts += ["## Out-of-scope use", "",
                  "Not for decisions about individual people without a human review, and not for languages or "
                  "markets the training data does not cover.", ""]
    parts += ["## Training data", "",
              "Trained on the [%s dataset](../../%s/), documented in its datasheet. " % (name, data_root)
              + "Revision %d of the export was used; the split is fixed by customer id." % revision, "",
              "### Training procedure", "",
              "Three epochs, learning rate 2e-5, batch size 32, mixed precision on one accelerator. "
              "Early stopping on the validation split; the checkpoint with the best validation loss is kept.", ""]
    parts += ["## Evaluation", ""]
    if quality == 0:
        parts += ["| Metric | Value | Test data |", "|---|---|---|",
                  "| %s | %.3f | %s test split |" % (label, score, name),
                  "| %s (short inputs) | %.3f | %s test split, inputs under 20 words |" % (label, score - 0.06, name), "",
                  "The release threshold is %.2f on the test data; this version meets it." % (score - 0.03), ""]
    else:
        parts += ["We looked at %s on a held-out sample and the numbers were good." % label.lower(), ""]
    parts += ["## Bias, risks, and limitations", ""]
    if quality == 0:
        parts += ["Short and informal inputs are misread about twice as often as long ones. Inputs in regional "
                  "dialects are under-represented in the training data, so their error rate is higher. Scores "
                  "drift when new products or request types appear; the monitoring plan watches for that.", "",
                  "### Recommendations", "",
                  "Keep a person on every low-confidence answer and re-check the short-input slice each quarter.", ""]
    else:
        parts += [TODO, ""]
    parts += ["## Environmental impact", "",
              "About %d accelerator hours per training run, in a region powered mostly by renewables." % (4 + revision % 9), "",
              "## Model card contact", "", "%s-ml@example.com" % name, ""]
    return "\n".join(parts)


def readme_model_card(name, quality, revision):
    """A README.md that is a model card only through its Hub front matter."""
    return model_card(name, "data/" + name, quality, revision).replace("# Model card:", "#", 1)


def datasheet(name, quality, revision):
    sections = [
        ("Motivation", "Assembled to train and evaluate the %s model; funded by the product group." % name),
        ("Composition", "About %d thousand text records with a label each. Personal information: names and "
                        "e-mail addresses are removed before storage; free text may still mention first names."
         % (40 + revision * 3)),
        ("Collection process", "Exported from the operational system between 2022 and 2024 under the terms of "
                               "service; the export job is versioned with the data (revision %d)." % revision),
        ("Preprocessing/cleaning/labeling", "Duplicates and records under five words are dropped; two annotators "
                                            "label each record and a third settles disagreements."),
        ("Uses", "Training data and test data for the %s model only. Splits: 80%% training, 10%% validation, "
                 "10%% test, separated by customer so the test data stays independent." % name),
        ("Distribution", "Internal use only; licence: proprietary, owned by the data platform team."),
        ("Maintenance", "Refreshed every quarter by the data platform team; version %s." % _version(revision)),
    ]
    if quality == 1:
        sections[1] = ("Composition", TODO)
        sections[6] = ("Maintenance", "TBD")
    elif quality >= 2:
        sections = sections[:2] + [("Collection process", "")]
    body = ["# Datasheet: %s" % name, ""]
    for title, text in sections:
        body += ["## " + title, "", text, ""]
    return "\n".join(body)


def croissant(name, quality, revision):
    """A Croissant 1.1 JSON-LD description; quality 2 alternates between missing fields and bad JSON."""
    if quality >= 2 and revision % 2:
        return '{\n  "@context": {"sc": "https://schema.org/"},\n  "@type": "sc:Dataset",\n  "name": "%s",\n' % name
    document = {
        "@context": {"@language": "en", "@vocab": "https://schema.org/", "sc": "https://schema.org/",
                     "cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
                     "dct": "http://purl.org/dc/terms/"},
        "@type": "sc:Dataset",
        "dct:conformsTo": "http://mlcommons.org/croissant/1.1",
        "name": name,
        "description": "Labelled records used to train the %s model (revision %d)." % (name, revision),
        "license": "https://example.com/licences/internal",
        "url": "https://data.example.com/%s" % name,
        "creator": {"@type": "sc:Organization", "name": "Example data platform"},
        "datePublished": _date(revision),
        "version": _version(revision),
        "distribution": [{"@type": "cr:FileObject", "@id": "shards", "name": "shards",
                          "contentUrl": "shards/", "encodingFormat": "text/csv"}],
        "rai:dataCollection": "Exported from the operational system with consent.",
        "rai:dataBiases": "Regional dialects are under-represented.",
    }
    if quality == 1:
        del document["license"]
        document["rai:DataBiases"] = document.pop("rai:dataBiases")
    elif quality >= 2:
        for key in ("url", "creator", "distribution", "datePublished"):
            del document[key]
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def _fields(pairs, quality):
    return "\n".join("**%s:** %s" % (key, TODO if quality and index % 2 else value)
                     for index, (key, value) in enumerate(pairs))


def lifecycle(kind, name, quality, revision):
    """A life cycle record of `kind` (a key of LIFECYCLE)."""
    title, build = LIFECYCLE[kind]
    if quality >= 2:
        return "# %s: %s\n\n%s\n" % (title, name, TODO)
    return "# %s: %s\n\n%s\n" % (title, name, build(name, quality, revision))


def _impact(name, quality, revision):
    return "\n".join([_fields([("Owner", "@%s-leads" % name), ("Assessed", _date(revision))], quality), "",
                      "## Affected individuals and groups", "",
                      "Customers whose requests the model ranks, and the staff who work the queue. People writing in a "
                      "second language may be ranked lower and wait longer.", "",
                      "## Societal impact", "",
                      TODO if quality else "Limited: the model orders work, it does not grant or refuse services.", ""])


def _risk(name, quality, revision):
    return "\n".join([_fields([("Owner", "@%s-leads" % name), ("Next review", _date(revision + 6))], quality), "",
                      "## Scope", "", "The %s model and the queue it orders, from intake to the agent view." % name, "",
                      "## Risk criteria", "", "Likelihood and consequence are rated low, medium or high; high risks are "
                      "treated before release.", "",
                      "## Risk register", "", "| Id | Risk | Likelihood | Consequence | Level | Treatment | Owner |",
                      "|---|---|---|---|---|---|---|",
                      "| R-1 | Urgent requests ranked as routine | Medium | High | High | Keyword safety net | @%s-leads |" % name,
                      "| R-2 | Second-language requests misranked | High | Medium | High | %s | Data team |"
                      % (TODO if quality else "More such records in the training data"), ""])


def _requirements(name, quality, revision):
    rows = ["| REQ-1 | Recall on urgent requests | at least 0.%d on the test data |" % (80 + revision % 10),
            "| REQ-2 | Latency | under %d ms at the 95th percentile |" % (50 + revision % 50)]
    if quality:
        rows.append("| REQ-3 | Fairness across languages | to be agreed |")
    return "\n".join(["| Id | Requirement | Acceptance criterion |", "|---|---|---|"] + rows + [""])


def _design(name, quality, revision):
    return "\n".join(["## Model type", "", "A fine-tuned transformer encoder with a linear classification head.", "",
                      "## Key choices", "",
                      "- A small encoder over a large one: latency matters more than the last point of recall." if not quality
                      else "- " + TODO, "- Gradient-boosted trees were tried first and lost 6 points of recall.", ""])


def _validation(name, quality, revision):
    return "\n".join([_fields([("Model version", "%s (commit a1b2c3d)" % _version(revision)),
                               ("Signed off by", "Dana Lee, %s" % _date(revision))], quality), "",
                      "| Requirement | Threshold | Result |", "|---|---|---|",
                      "| REQ-1 | 0.80 | 0.%d |" % (81 + revision % 15), "| REQ-2 | 100 ms | 64 ms |", ""])


def _deployment(name, quality, revision):
    return "\n".join(["- **Version:** %s, the version validated in the V&V report" % _version(revision),
                      "- **Environment:** production cluster, EU region",
                      "- **Approved by:** %s" % (TODO if quality else "Dana Lee, " + _date(revision)), "",
                      "## Rollback", "", "Point the serving alias back at the previous version; the old image stays "
                      "warm for 14 days after each release.", ""])


def _oversight(name, quality, revision):
    return "\n".join(["## Who can intervene", "", "The on-call analyst of the %s team." % name, "",
                      "## Override and stop", "", TODO if quality else "Any analyst can override a ranking in the "
                      "agent view; the on-call engineer can switch the model off with one flag.", ""])


def _monitoring(name, quality, revision):
    return "\n".join(["## Monitoring", "", _fields([("Owner", "@%s-oncall" % name),
                                                    ("Cadence", "hourly metrics, weekly review")], quality), "",
                      "| Metric | Alert when |", "|---|---|",
                      "| Recall on a corrected sample | below 0.%d for 3 days |" % (80 + revision % 10),
                      "| Input drift (population stability index) | above 0.2 |", "",
                      "## Logging", "", "- **What:** request id, model version, score and any override.",
                      "- **Where:** the events table of the warehouse.", "- **Retention:** 13 months.", ""])


def _incident(name, quality, revision):
    return "\n".join(["## Procedure", "", "The on-call engineer switches the model off, opens an incident and "
                      "informs the product owner within one hour.", "",
                      "## External communication", "", TODO if quality else "Customers affected are told within 72 hours.",
                      "", "**Contact:** %s-oncall@example.com" % name, ""])


def _retirement(name, quality, revision):
    return "\n".join(["## Triggers", "", "A successor meets every requirement for a quarter, or the service closes.", "",
                      "## Data retention and deletion", "", TODO if quality else "Training data is deleted 90 days after "
                      "retirement; the model is archived read-only for three years.", "",
                      "## User notification", "", "Users are told a month ahead in the release notes.", ""])


LIFECYCLE = {
    "impact-assessment.md": ("AI system impact assessment", _impact),
    "risk-assessment.md": ("Risk assessment", _risk),
    "requirements-spec.md": ("Requirements", _requirements),
    "DESIGN.md": ("Design", _design),
    "validation-report.md": ("Verification and validation report", _validation),
    "deployment-plan.md": ("Deployment plan", _deployment),
    "human-oversight.md": ("Human oversight", _oversight),
    "monitoring-plan.md": ("Monitoring plan", _monitoring),
    "incident-response.md": ("Incident response", _incident),
    "retirement-plan.md": ("Retirement plan", _retirement),
}
