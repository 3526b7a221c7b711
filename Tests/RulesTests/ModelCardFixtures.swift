/// One model card's content written three ways: under the Hugging Face template's headings,
/// under Mitchell et al.'s nine sections, and with bold pseudo-headings. `complete: false` drops
/// the limitations and replaces the results table by an unmeasured claim. Written for aimslint.
enum EquivalentCards {
    static let details = """
        - Developed by: the Acme support tooling team
        - Model date: May 2024
        - Model version: 2.1.0
        - Model type: text classifier fine-tuned from acme/tiny-encoder-v2
        - License: Apache-2.0
        """
    static let use = "Support agents pre-assign each new ticket to one of twelve queues, and an agent confirms every assignment."
    static let outOfScope = "Out-of-scope: ranking customers, deciding refunds, and tickets in languages other than English and German."
    static let factors = "Ticket language (English, German) and ticket length."
    static let metrics = "Accuracy and macro F1 over the twelve queues."
    static let testData = "The held-out test split of acme/support-tickets-2024: 4 800 tickets from December 2023."
    static let trainingData = "[Acme support tickets 2024](https://huggingface.co/datasets/acme/support-tickets-2024), 48 000 anonymised tickets from 2023."
    static let ethics = "Tickets can contain personal data; the router keeps no copy of a ticket after routing it."
    static let caveats = "Tickets that mix several requests are often routed to only one queue; agents should split them first."

    static func results(_ complete: Bool) -> String {
        complete ? """
            | Metric | English | German |
            |---|---|---|
            | Accuracy | 0.92 | 0.88 |
            | Macro F1 | 0.90 | 0.84 |
            """ : "The router performs well on both languages."
    }

    static func hub(complete: Bool) -> String {
        """
        # Model Card for ticket-router

        ## Model Details

        ### Model Description

        \(details)

        ## Uses

        ### Direct Use

        \(use)

        ### Out-of-Scope Use

        \(outOfScope)
        \(complete ? "\n## Bias, Risks, and Limitations\n\n\(ethics)\n\n\(caveats)\n" : "")
        ## Training Details

        ### Training Data

        \(trainingData)

        ## Evaluation

        ### Testing Data, Factors & Metrics

        #### Testing Data

        \(testData)

        #### Factors

        \(factors)

        #### Metrics

        \(metrics)

        ### Results

        \(results(complete))

        """
    }

    static func mitchell(complete: Bool) -> String {
        """
        # Ticket Router Model Card

        ## Model Details

        \(details)

        ## Intended Use

        \(use)

        \(outOfScope)

        ## Factors

        \(factors)

        ## Metrics

        \(metrics)

        ## Evaluation Data

        \(testData)

        ## Training Data

        \(trainingData)

        ## Quantitative Analyses

        \(results(complete))
        \(complete ? "\n## Ethical Considerations\n\n\(ethics)\n\n## Caveats and Recommendations\n\n\(caveats)\n" : "")
        """
    }

    static func bold(complete: Bool) -> String {
        """
        # Ticket Router Model Card

        **Model details**

        \(details)

        **Intended use**

        \(use)

        \(outOfScope)

        **Factors**

        \(factors)

        **Metrics**

        \(metrics)

        **Evaluation data**

        \(testData)

        **Training data**

        \(trainingData)

        **Quantitative analyses**

        \(results(complete))
        \(complete ? "\n**Ethical considerations**\n\n\(ethics)\n\n**Caveats and recommendations**\n\n\(caveats)\n" : "")
        """
    }
}
