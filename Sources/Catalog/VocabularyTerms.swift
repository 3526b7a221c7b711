// ISO/IEC 22989:2022 clause-3 terms. Clause numbers and designations are facts from secondary
// sources; `inferred: true` marks numbers not corroborated (cite those terms by name only).
// Every gloss is our own plain-language wording, not the standard's definition.
// 3.4.3 is not listed: no source we consulted names it.

extension Vocabulary {
    struct Row: Sendable {
        let clause: String
        let name: String
        let alternatives: [String]
        let inferred: Bool
        let gloss: String
    }

    // `c` = clause corroborated, `i` = clause inferred; each with or without alternatives.
    private static func c(_ clause: String, _ name: String, _ alternatives: [String], _ gloss: String) -> Row {
        Row(clause: clause, name: name, alternatives: alternatives, inferred: false, gloss: gloss)
    }

    private static func c(_ clause: String, _ name: String, _ gloss: String) -> Row {
        c(clause, name, [], gloss)
    }

    private static func i(_ clause: String, _ name: String, _ alternatives: [String], _ gloss: String) -> Row {
        Row(clause: clause, name: name, alternatives: alternatives, inferred: true, gloss: gloss)
    }

    private static func i(_ clause: String, _ name: String, _ gloss: String) -> Row {
        i(clause, name, [], gloss)
    }

    static let termTable: [Row] = aiTerms + dataTerms + learningTerms + networkTerms + trustTerms + languageAndVisionTerms

    private static let aiTerms: [Row] = [
        c("3.1.1", "AI agent", "software or robotic entity that perceives its surroundings and acts toward its goals without step-by-step human control"),
        c("3.1.2", "AI component", "one of the working parts an AI system is made of"),
        c("3.1.3", "artificial intelligence", ["AI"], "the scientific and engineering field concerned with creating AI systems and putting them to use"),
        c("3.1.4", "artificial intelligence system", ["AI system"], "a system people build that, working toward goals people set, turns inputs into results like predictions, generated content, recommendations or decisions"),
        c("3.1.5", "autonomy", ["autonomous"], "the system can, by itself, alter what it is for or where it operates, with nobody outside steering it"),
        c("3.1.6", "application specific integrated circuit", ["ASIC"], "a chip designed for one particular job"),
        c("3.1.7", "automatic", ["automation", "automated"], "works by itself once conditions are set, with no person in the loop; does not imply it can change its goals (unlike autonomy)"),
        c("3.1.8", "cognitive computing", "a family of AI systems meant to make working with machines feel natural to people"),
        i("3.1.9", "connectionism", ["connectionist paradigm", "connectionist model", "connectionist approach"], "an AI approach built from networks of simple interconnected units"),
        i("3.1.10", "continuous learning", ["continual learning", "lifelong learning"], "the model keeps updating from new data while in operation"),
        i("3.1.11", "data mining", "extracting patterns or knowledge from large amounts of data"),
        i("3.1.12", "declarative knowledge", "knowledge of facts: knowing that something is so"),
        c("3.1.13", "expert system", "a system that reasons over encoded expert knowledge to solve problems in a domain"),
        c("3.1.14", "general AI", ["AGI", "artificial general intelligence"], "AI meant to do well across many different kinds of tasks, not just one"),
        c("3.1.15", "genetic algorithm", "a search method that breeds and selects candidate solutions over generations, imitating evolution"),
        i("3.1.16", "heteronomy", ["heteronomous"], "goals and behaviour set from outside; the opposite of autonomy"),
        i("3.1.17", "inference", "reaching a conclusion or output by reasoning from what is already known, or by running a model"),
        i("3.1.18", "internet of things", ["IoT"], "a network of connected devices and services that sense or act on the physical world"),
        i("3.1.19", "IoT device", "a single networked thing that senses or actuates"),
        c("3.1.20", "IoT system", "a system built from interacting IoT devices and services"),
        c("3.1.21", "knowledge", "organised know-how (facts, rules, relationships) prepared so a system can use it toward goals"),
        i("3.1.22", "life cycle", "the whole span of a system's existence, from first idea until it is taken out of service"),
        c("3.1.23", "model", "a simplified stand-in (mathematical, logical or physical) for something real: a system, process, phenomenon or body of data"),
        c("3.1.24", "narrow AI", "AI built for one problem area or a small set of tasks"),
        i("3.1.25", "performance", "a measurable result of a system or process"),
        i("3.1.26", "planning", "the AI activity of working out a sequence of actions to reach a goal"),
        c("3.1.27", "prediction", "what the AI system hands back for an input: its chief result"),
        i("3.1.28", "procedural knowledge", "knowledge of how to do things: knowing how"),
        c("3.1.29", "robot", "a programmed, actuated mechanism that moves or acts in its environment with some autonomy"),
        i("3.1.30", "robotics", "the science and practice of designing and building robots"),
        i("3.1.31", "semantic computing", "computing that works with the meaning of data or content"),
        i("3.1.32", "soft computing", "approaches that tolerate imprecision and uncertainty, such as fuzzy logic, neural networks and evolutionary methods"),
        i("3.1.33", "sub-symbolic AI", "AI whose knowledge is encoded implicitly (for example in weights), not as readable symbols"),
        i("3.1.34", "symbolic AI", "AI that manipulates explicit symbols, rules and logic"),
        c("3.1.35", "task", "a piece of work that has to be done to reach a particular goal"),
    ]

    private static let dataTerms: [Row] = [
        i("3.2.1", "data annotation", "marking up data with labels or descriptions for later use"),
        i("3.2.2", "data augmentation", "making extra training examples by transforming existing ones"),
        i("3.2.3", "data quality checking", "inspecting data to see whether gaps, skews or other problems make it unfit for the AI purpose"),
        i("3.2.4", "data sampling", "selecting a subset of data for a purpose"),
        i("3.2.5", "dataset", "a structured collection of data"),
        i("3.2.6", "exploratory data analysis", ["EDA"], "a first-pass analysis to understand what the data is like"),
        i("3.2.7", "ground truth", "the value accepted as correct and used as the reference"),
        i("3.2.8", "imputation", "filling in missing values"),
        c("3.2.9", "input data", "whatever is fed into the system so that it can produce a result"),
        i("3.2.10", "label", "the answer or category a sample is tagged with so a model can learn from it"),
        c("3.2.11", "personally identifiable information", ["PII", "personal data"], "anything that points to, or can be tied back to, a specific living individual"),
        c("3.2.12", "production data", "the real-world inputs the live, deployed system receives and acts on"),
        i("3.2.13", "sample", "a single record or instance of data"),
        c("3.2.14", "test data", ["evaluation data"], "held-back data reserved for the last check of how well the finished model performs"),
        c("3.2.15", "validation data", ["development data"], "data set aside during development for choosing between model variants and settings"),
    ]

    private static let learningTerms: [Row] = [
        c("3.3.1", "Bayesian network", "a probabilistic graph of variables and their conditional dependencies"),
        c("3.3.2", "decision tree", "a model that predicts by following a tree of tests on features"),
        i("3.3.3", "feature", "a measurable property of the thing being modelled"),
        i("3.3.4", "hyperparameter", "a setting of the learning algorithm chosen before or outside training"),
        c("3.3.5", "machine learning", ["ML"], "getting a model to behave better by adjusting it automatically from data or experience"),
        c("3.3.6", "machine learning algorithm", "the recipe used to learn a model's internal values from data"),
        c("3.3.7", "machine learning model", "the learned artefact that turns inputs into predictions or other inferences"),
        i("3.3.8", "parameter", ["model parameter"], "one of the values inside a model (a weight, say) that training sets and that shapes its outputs"),
        c("3.3.9", "reinforcement learning", "learning by trial and error which actions pay off, guided by reward signals"),
        i("3.3.10", "retraining", "training an existing model again so that it reflects new or changed data"),
        // Both terms are corroborated; which of the two numbers each has is inferred.
        i("3.3.11", "semi-supervised learning", "learning from data of which only part is labelled"),
        i("3.3.12", "supervised learning", "learning from data in which every sample carries a label"),
        c("3.3.13", "support vector machine", "a method that separates classes with the widest possible gap between them"),
        c("3.3.14", "trained model", "the model as it stands once training has finished"),
        i("3.3.15", "training", "the process of fitting a model to data"),
        c("3.3.16", "training data", "the examples the learning algorithm fits the model to"),
        c("3.3.17", "unsupervised learning", "learning structure from data that carries no labels"),
    ]

    private static let networkTerms: [Row] = [
        i("3.4.1", "activation function", "the, usually non-linear, step each unit applies before passing its signal on"),
        c("3.4.2", "convolutional neural network", ["CNN"], "a network built from convolution layers, typical for images"),
        c("3.4.4", "deep learning", ["deep neural network learning"], "machine learning with neural networks of many layers"),
        i("3.4.5", "exploding gradient", "a training instability in which gradients grow out of control"),
        c("3.4.6", "feed forward neural network", "a network in which information flows one way, without loops"),
        c("3.4.7", "long short-term memory", ["LSTM"], "a recurrent network cell designed to keep long-range context"),
        c("3.4.8", "neural network", ["NN", "artificial neural network"], "a model of layered, interconnected units with trainable weights"),
        i("3.4.9", "neuron", "the basic unit that computes an activation from weighted inputs"),
        c("3.4.10", "recurrent neural network", ["RNN"], "a network with feedback loops, suited to sequences"),
        i("3.4.11", "vanishing gradient", "a training problem in which gradients shrink toward zero"),
    ]

    private static let trustTerms: [Row] = [
        i("3.5.1", "accountable", "can be called to account for what it did, decided or achieved"),
        i("3.5.2", "accountability", "being answerable, including being able to trace actions back to who or what took them"),
        i("3.5.3", "availability", "ready for authorised use whenever it is needed"),
        i("3.5.4", "bias", "a consistent skew in outcomes or treatment that favours or disfavours some items, people or groups relative to others"),
        c("3.5.5", "control", "deliberately steering a process so that it achieves what it is supposed to"),
        i("3.5.6", "controllability", "how far a person or other outside party can step in and change what the system is doing"),
        i("3.5.7", "explainability", "how well the system can show people, in terms they grasp, what drove a particular result"),
        i("3.5.8", "predictability", "people can count on knowing roughly what the system will do or output"),
        i("3.5.9", "reliability", "gives the intended results time after time"),
        i("3.5.10", "resilience", "bounces back to normal working quickly after something goes wrong"),
        i("3.5.11", "risk", "how uncertainty could push outcomes away from what was intended, for better or worse"),
        i("3.5.12", "robustness", "performance stays acceptable when conditions change or inputs are unusual"),
        c("3.5.13", "stakeholder", "anyone with an interest in the outcome: those who influence it, those touched by it, and those who think they are touched by it"),
        i("3.5.14", "transparency ‹organization›", "the organisation tells relevant people about its AI-related activities and decisions, understandably"),
        i("3.5.15", "transparency ‹system›", "relevant people can get the information they need about the system"),
        i("3.5.16", "trustworthiness", "how far it can be shown, with evidence, that the system lives up to what stakeholders expect of it"),
        i("3.5.17", "verification", "checking that the thing was built right, that is, that it matches its specification"),
        i("3.5.18", "validation", "checking that the right thing was built, that is, that it fits its intended use"),
    ]

    private static let languageAndVisionTerms: [Row] = [
        c("3.6.1", "automatic summarization", "producing a shorter version of a text that keeps its key content"),
        c("3.6.2", "dialogue management", "deciding the next step in a conversation"),
        c("3.6.3", "emotion recognition", "inferring an emotional state from text, speech or other signals"),
        c("3.6.4", "information retrieval", "finding the relevant items in a collection"),
        c("3.6.5", "machine translation", "automatic translation between natural languages"),
        c("3.6.6", "named entity recognition", ["NER"], "finding names of people, places and the like in text, and saying what kind each is"),
        i("3.6.7", "natural language", "language as people use it"),
        c("3.6.8", "natural language generation", ["NLG"], "producing human-language text from data"),
        c("3.6.9", "natural language processing ‹system›", "a system that processes natural language"),
        i("3.6.10", "natural language processing ‹discipline›", "the field that studies how computers process language"),
        i("3.6.11", "natural language understanding", ["NLU"], "extracting meaning from natural language"),
        i("3.6.12", "optical character recognition", ["OCR"], "turning images of text into text"),
        c("3.6.13", "part-of-speech tagging", "assigning grammatical categories to words"),
        c("3.6.14", "question answering", "answering questions asked in natural language"),
        c("3.6.15", "relationship extraction", "finding the relations between entities in a text"),
        c("3.6.16", "sentiment analysis", "working out the opinion or polarity a text expresses"),
        c("3.6.17", "speech recognition", "turning speech into text"),
        c("3.6.18", "speech synthesis", "producing speech from text"),
        c("3.7.1", "computer vision", "machines making sense of pictures and video"),
        c("3.7.2", "face recognition", "identifying or verifying a person from facial features"),
        i("3.7.3", "image", "a visual representation, such as an array of pixels"),
        c("3.7.4", "image recognition", ["image classification"], "assigning labels or identities to what an image shows"),
    ]
}
