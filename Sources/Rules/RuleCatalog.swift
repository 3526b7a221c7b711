import Lint

/// Every rule aimslint ships, in catalog order. A hand-written list: adding a rule means adding
/// its file and one line here (no global mutable registry).
public enum RuleCatalog {
    public static let rules: [any Rule] = [
        // Model cards
        ModelCardPresent(),
        IntendedUseDescribed(),
        OutOfScopeUseStated(),
        TrainingDataIdentified(),
        EvaluationHasMetricValues(),
        LimitationsDescribed(),
        LicenseConsistent(),
        NoTemplatePlaceholders(),
        ModelVersionRecorded(),
        ModelIndexComplete(),
        // Datasets and Croissant
        DatasetDocumented(),
        DatasetProvenanceRecorded(),
        DatasetLicenceStated(),
        DatasetPersonalDataStatement(),
        DatasetPreparationDescribed(),
        DatasetQualityDescribed(),
        DatasetSplitsDefined(),
        DatasetMaintenancePlanned(),
        DatasetVersionPinned(),
        DatasheetComplete(),
        CroissantRequiredProperties(),
        CroissantRAIVocabulary(),
        CroissantStructure(),
        // Life cycle (ISO/IEC 5338 checkpoints)
        PurposeAndWhyAIStated(),
        ImpactAssessmentComplete(),
        RiskAssessmentFollowsProcess(),
        RequirementsMeasurable(),
        DesignRecordsModelChoices(),
        VerificationReportTraceable(),
        DeploymentPlanComplete(),
        HumanOversightDescribed(),
        UserInformationProvided(),
        MonitoringPlanComplete(),
        EventLoggingSpecified(),
        IncidentResponseDefined(),
        ContinuousValidationPlanned(),
        ReviewFollowsChanges(),
        RetirementPlanned(),
        // Git-native
        StaleModelCard(),
        UndocumentedModelChange(),
        LFSPointerArtifact(),
        // Terminology
        NonStandardTerm(),
        RedefinedTerm(),
        StageLabel(),
        // Policy
        ConfigValid(),
        WaiverExpired(),
        SuppressionJustified(),
        SuppressionUsed(),
        ArtifactReadable(),
        PolicyChanged(),
        SystemDeclared(),
    ]

    /// Descriptions in catalog order.
    public static var descriptions: [RuleDescription] { rules.map { type(of: $0).description } }

    /// The description for an id (or a deprecated id it answers to).
    public static func description(for id: String) -> RuleDescription? {
        descriptions.first { $0.id == id || $0.deprecatedIDs.contains(id) }
    }
}
