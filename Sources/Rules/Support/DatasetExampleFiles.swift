/// Complete dataset documents (written for aimslint, describing a made-up dataset of grocery
/// receipts) that the dataset and Croissant rules' passing examples share, so each rule's file
/// shows only what its own failing examples change.
enum DatasetExampleFiles {
    /// A datasheet with all seven sections answered.
    static let datasheet = """
        # Datasheet for pantry-receipts

        Version: 2.1.0 (released 2024-05-14)

        ## Motivation

        We built the dataset to train and test a model that sorts grocery receipt lines into
        expense categories for a household budgeting app.

        ## Composition

        Each instance is one photographed receipt with its line items transcribed and labelled
        with one of 14 expense categories; 18,400 receipts in total. Card numbers, loyalty ids
        and cashier names were blurred in the photos and removed from the transcriptions, so the
        data holds no personal information about shoppers or staff. Receipts from corner shops
        are under-represented, and about 3% of photos are too blurred to read every line; those
        lines are marked as missing rather than guessed.

        ## Collection Process

        Volunteers from our beta programme uploaded receipts through the app between March 2023
        and January 2024, after agreeing to donate them for research. Nothing was bought or scraped.

        ## Preprocessing/cleaning/labeling

        Photos were deskewed and cropped; an OCR pass produced draft transcriptions that two
        trained annotators corrected, and a third resolved disagreements on the category labels.

        ## Uses

        The data is split by uploader into training data (80%), validation data (10%) and test
        data (10%), so no uploader appears in more than one split and the test data stays independent.

        ## Distribution

        Shared with research partners under the CC BY-NC 4.0 licence; the photos stay on our servers.

        ## Maintenance

        The data team maintains the dataset and publishes a corrected release every six months;
        errata are tracked in the project's issue tracker.

        """

    /// A Hugging Face style dataset card whose sections are filled in.
    static let datasetCard = """
        ---
        license: cc-by-nc-4.0
        pretty_name: Pantry receipts
        version: 2.1.0
        task_categories:
          - text-classification
        size_categories:
          - 10K<n<100K
        configs:
          - config_name: default
            data_files:
              - split: train
                path: data/train.jsonl
              - split: test
                path: data/test.jsonl
        ---

        # Dataset Card for Pantry receipts

        Receipt lines from grocery shops labelled with expense categories.

        ## Dataset Structure

        One JSON object per receipt line. The train and test splits are drawn from different
        uploaders, so the test data is independent of the training data.

        ## Dataset Creation

        ### Source Data

        #### Data Collection and Processing

        Beta-programme volunteers uploaded the receipts between March 2023 and January 2024. Lines
        were transcribed by OCR and corrected by two annotators.

        #### Personal and Sensitive Information

        Card numbers, loyalty ids and cashier names were removed before release.

        ## Bias, Risks, and Limitations

        Corner shops are under-represented, and discount lines are often missing from old receipts.

        ## Maintenance

        The data team publishes a corrected release every six months.

        """

    /// A Croissant 1.1 file with every required property and the core RAI properties.
    static let croissant = """
        {
          "@context": {
            "@language": "en",
            "@vocab": "http://schema.org/",
            "sc": "http://schema.org/",
            "cr": "http://mlcommons.org/croissant/",
            "rai": "http://mlcommons.org/croissant/RAI/",
            "dct": "http://purl.org/dc/terms/",
            "prov": "http://www.w3.org/ns/prov#"
          },
          "@type": "sc:Dataset",
          "dct:conformsTo": "http://mlcommons.org/croissant/1.1",
          "name": "pantry-receipts",
          "description": "Photographed grocery receipts with line items labelled by expense category.",
          "license": "https://creativecommons.org/licenses/by-nc/4.0/",
          "url": "https://data.example.org/pantry-receipts",
          "creator": { "@type": "sc:Organization", "name": "Example Budgeting Labs" },
          "datePublished": "2024-05-14",
          "version": "2.1.0",
          "distribution": [
            {
              "@type": "cr:FileObject",
              "@id": "receipts.jsonl",
              "contentUrl": "data/receipts.jsonl",
              "encodingFormat": "application/jsonlines",
              "sha256": "6f1c0d2b4c7e9a8f3b5d1e2c4a6b8d0f1e3c5a7b9d1f3e5c7a9b1d3f5e7c9a1b"
            }
          ],
          "rai:dataCollection": "Uploaded by beta-programme volunteers between March 2023 and January 2024.",
          "rai:dataBiases": "Corner shops are under-represented.",
          "rai:personalSensitiveInformation": "Card numbers, loyalty ids and cashier names were removed.",
          "prov:wasDerivedFrom": { "@id": "https://data.example.org/receipt-uploads-raw" }
        }

        """

    /// A policy with one system at `stage` whose root holds the dataset folder `models/budget/receipts`.
    static func config(stage: String) -> String {
        """
        version: 1
        systems:
          - id: budget
            root: models/budget
            stage: \(stage)

        """
    }
}
