namespace SpecClient.Generator;

/// <summary>Names of the pipeline steps, so that tests can check which steps ran and which were cached.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string Parse = nameof(Parse);
    public const string ApiInfos = nameof(ApiInfos);
    public const string EndpointIdentities = nameof(EndpointIdentities);
    public const string EndpointIndex = nameof(EndpointIndex);
    public const string EndpointGroups = nameof(EndpointGroups);
    public const string BindApi = nameof(BindApi);
    public const string BindEndpoint = nameof(BindEndpoint);
    public const string SharedTypeInfos = nameof(SharedTypeInfos);
    public const string BindSharedTypes = nameof(BindSharedTypes);
    public const string ReferencedTypes = nameof(ReferencedTypes);
    public const string DeclaredTypes = nameof(DeclaredTypes);
    public const string CompilationFacts = nameof(CompilationFacts);
    public const string BindFakes = nameof(BindFakes);
    public const string HintNames = nameof(HintNames);
    public const string FailedApis = nameof(FailedApis);
}
