/// Example documents shared by the model card rules' passing and failing examples: a complete
/// Hugging Face style card, a complete Mitchell et al. style card, and the policy that puts the
/// example system at a stage where every MC rule applies. All written for aimslint.
enum ModelCardExamples {
    /// A policy declaring system `router` rooted at `models/router`.
    static func config(stage: String, root: String = "models/router") -> String {
        """
        version: 1
        systems:
          - id: router
            root: \(root)
            stage: \(stage)

        """
    }

    /// Hugging Face style: metadata in front matter, template headings.
    static let hubCard = """
        ---
        license: apache-2.0
        library_name: transformers
        pipeline_tag: text-classification
        datasets:
          - acme/support-tickets-2024
        base_model: acme/tiny-encoder-v2
        model-index:
          - name: ticket-router
            results:
              - task:
                  type: text-classification
                  name: Ticket routing
                dataset:
                  type: acme/support-tickets-2024
                  name: Acme support tickets 2024
                  split: test
                metrics:
                  - type: accuracy
                    value: 0.914
                  - type: f1
                    value: 0.887
        ---
        # Model Card for ticket-router

        ticket-router sends incoming support tickets to the team that can answer them.

        ## Model Details

        ### Model Description

        - **Developed by:** Acme support tooling team
        - **Model type:** text classifier
        - **Language(s) (NLP):** English, German
        - **License:** apache-2.0
        - **Finetuned from model:** acme/tiny-encoder-v2
        - **Model version:** 2.1.0, released 2024-05-14

        ## Uses

        ### Direct Use

        Support agents use the router to pre-assign each new ticket to one of twelve queues; an agent \
        confirms every assignment before it takes effect.

        ### Out-of-Scope Use

        Do not use the router to rank customers, to decide refunds, or on tickets written in languages \
        other than English and German.

        ## Bias, Risks, and Limitations

        Tickets that mix several requests are often routed to only one queue. Accuracy is lower for \
        German tickets, which were a fifth of the training data.

        ## Training Details

        ### Training Data

        We fine-tuned on [Acme support tickets 2024](https://huggingface.co/datasets/acme/support-tickets-2024), \
        48 000 anonymised tickets from January to December 2023.

        ## Evaluation

        ### Testing Data, Factors & Metrics

        #### Testing Data

        The held-out test split of acme/support-tickets-2024: 4 800 tickets from December 2023.

        #### Metrics

        Accuracy and macro F1 over the twelve queues.

        ### Results

        | Metric | Value |
        |---|---|
        | Accuracy | 0.914 |
        | Macro F1 | 0.887 |

        """

    /// Mitchell et al. style: nine sections, fields as bullets, no front matter.
    static let mitchellCard = """
        # Ticket Router Model Card

        ## Model Details

        - Developed by: the Acme support tooling team
        - Model date: May 2024
        - Model version: 2.1.0
        - Model type: text classifier fine-tuned from acme/tiny-encoder-v2
        - License: Apache-2.0

        ## Intended Use

        - Primary intended uses: support agents pre-assign each new ticket to one of twelve queues, and an agent confirms every assignment.
        - Primary intended users: the support desk.
        - Out-of-scope use cases: ranking customers, deciding refunds, tickets in languages other than English and German.

        ## Factors

        Ticket language (English, German) and ticket length.

        ## Metrics

        Accuracy and macro F1 over the twelve queues.

        ## Evaluation Data

        The held-out test split of acme/support-tickets-2024: 4 800 tickets from December 2023.

        ## Training Data

        [Acme support tickets 2024](https://huggingface.co/datasets/acme/support-tickets-2024), 48 000 anonymised tickets from 2023.

        ## Quantitative Analyses

        | Metric | English | German |
        |---|---|---|
        | Accuracy | 0.92 | 0.88 |
        | Macro F1 | 0.90 | 0.84 |

        ## Ethical Considerations

        Tickets can contain personal data; the router keeps no copy of a ticket after routing it.

        ## Caveats and Recommendations

        Tickets that mix several requests are often routed to only one queue; agents should split them first.

        """

    /// A licence file that names its licence with an SPDX line (the full text is left out).
    static let apacheLicenseFile = """
        SPDX-License-Identifier: Apache-2.0

        Licensed under the Apache License, Version 2.0 (full text omitted from this example).

        """
}
