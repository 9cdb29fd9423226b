using System;
using System.Collections.Generic;

namespace SpecClient.Generator.Naming;

/// <summary>The C# names the emitter gives to spec members. The binder checks collisions with the same rules.</summary>
internal static class MemberNames
{
    /// <summary>Members every record already has, plus the one holding undeclared JSON properties.</summary>
    private static readonly HashSet<string> ReservedRecordMembers = new(StringComparer.Ordinal)
    {
        "AdditionalProperties", "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
    };

    private static readonly HashSet<string> ReservedEnumMembers = new(StringComparer.Ordinal)
    {
        "Value", "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>The envelope record's type parameter: the payload's type.</summary>
    public const string EnvelopeTypeParameter = "TPayload";

    /// <summary>The property name for a wire name: PascalCase, and never the name of its record or a member every record has.</summary>
    public static string Property(string wireName, string typeName)
    {
        var name = Identifiers.ToPascalCase(wireName);
        return name == typeName || ReservedRecordMembers.Contains(name) ? name + "Value" : name;
    }

    public static string EnumMember(string value, string typeName)
    {
        var name = Identifiers.ToPascalCaseWords(value);
        return name == typeName || ReservedEnumMembers.Contains(name) ? name + "Value" : name;
    }

    /// <summary>
    /// Names the generated code uses unqualified (through its usings), and names no record may
    /// have: a spec type of one of these names gets a "Model" suffix.
    /// </summary>
    private static readonly HashSet<string> FrameworkTypeNames = new(StringComparer.Ordinal)
    {
        "Action", "ApiException", "ApiResponse", "ResponseCapture", "ApiOperation", "ApiTelemetry", "CallFailureLog", "AuthenticationHeaderValue", "HttpRequestMessage", "IHttpClientBuilder", "IOptions", "IServiceCollection", "OptionsBuilder", "Uri", "ValueTask", "ApiFailure", "ApiTransport", "ArgumentException", "ArgumentNullException", "Attribute", "CancellationToken",
        "CultureInfo", "DateTimeOffset", "Dictionary", "Exception", "Func", "Guid", "HttpClient", "HttpContent", "HttpMethod", "IDictionary",
        "IReadOnlyDictionary", "IReadOnlyList", "JsonBody", "Optional", "JsonMapConverter", "FilePart", "MultipartBody", "QueryStyle", "CalendarDate", "DateText", "RequestExtras", "ObsoleteAttribute", "Obsolete", "JsonConverter", "JsonConverterAttribute", "JsonElement", "JsonException", "JsonExtensionData",
        "JsonExtensionDataAttribute", "JsonListConverter", "JsonPropertyName", "JsonPropertyNameAttribute", "JsonReading",
        "JsonSerializerOptions", "JsonWriting", "List", "Nullable", "Object", "QueryString", "RoutePattern", "ScalarConverters", "String",
        "System", "SpecClient", "Task", "Type", "UriPath", "Utf8JsonReader", "Utf8JsonWriter",

        // Members every record (and every enum's Value) declares: a type of that name would hold a member named like itself.
        "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "EqualityContract", "GetType", "MemberwiseClone", "Finalize", "Value", "AdditionalProperties", "TPayload",
    };

    public static string Type(string specName)
    {
        var name = Identifiers.ToPascalCase(specName);
        return FrameworkTypeNames.Contains(name) ? name + "Model" : name;
    }

    /// <summary>The type names an API's own generated code takes in its namespace.</summary>
    public static IEnumerable<string> ApiTypeNames(string apiName, string? envelopeTypeName, IEnumerable<string> groups)
    {
        yield return Client(apiName);
        yield return "I" + Client(apiName);
        yield return Exception(apiName);
        yield return Options(apiName);
        yield return ServiceCollectionExtensions(apiName);
        // Taken whether or not the project asks for fakes, so that turning them on breaks nothing.
        yield return FakeHandler(apiName);
        if (envelopeTypeName is not null)
        {
            yield return Type(envelopeTypeName);
            yield return Converter(Type(envelopeTypeName));
        }

        foreach (var group in groups)
        {
            yield return Group(group);
            yield return "I" + Group(group);
        }
    }

    /// <summary>The static class that nests an endpoint's own types: group Customers, name List → CustomersList.</summary>
    public static string EndpointTypes(string group, string name) => Type(Identifiers.ToPascalCase(group) + Identifiers.ToPascalCase(name));

    public static string Client(string apiName) => Identifiers.ToPascalCase(apiName) + "Client";

    /// <summary>The API's test fake, generated when the project sets SpecClientFakes.</summary>
    public static string FakeHandler(string apiName) => Identifiers.ToPascalCase(apiName) + "FakeHandler";

    public static string Exception(string apiName) => Identifiers.ToPascalCase(apiName) + "Exception";

    public static string Options(string apiName) => Client(apiName) + "Options";

    public static string ServiceCollectionExtensions(string apiName) => Identifiers.ToPascalCase(apiName) + "ServiceCollectionExtensions";

    public static string Group(string group) => Identifiers.ToPascalCase(group) + "Endpoints";

    /// <summary>
    /// Whether a group's class is another group's interface: "IOrders" has the class IOrdersEndpoints,
    /// which "Orders" has as its interface. Such a group gets SPEC014 and is left out.
    /// </summary>
    public static bool ClassIsAnInterface(string group, IEnumerable<string> groups)
    {
        var groupClass = Group(group);
        return groupClass.Length > 1 && groupClass[0] == 'I' && System.Linq.Enumerable.Any(groups, other => "I" + Group(other) == groupClass);
    }

    /// <summary>Members of the generated client besides its groups: a group of one of these names gets a "Group" suffix.</summary>
    private static readonly HashSet<string> ClientMembers = new(StringComparer.Ordinal)
    {
        "Options", "WithOptions", "DefaultBaseUrl", "TelemetrySourceName", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>
    /// The client's property for a group: client.Submissions. Inside the client class a property
    /// would hide a type of its name, so one named like a member, a framework type the client
    /// uses, the client itself or a type the API generates (ShopException, OrdersEndpoints) gets a
    /// "Group" suffix.
    /// </summary>
    public static string GroupProperty(string group, string apiName, IEnumerable<string> groups)
    {
        var name = Identifiers.ToPascalCase(group);
        var taken = ClientMembers.Contains(name) || FrameworkTypeNames.Contains(name)
            || name == Client(apiName) || name == "I" + Client(apiName) || name == Exception(apiName) || name == Options(apiName)
            || System.Linq.Enumerable.Any(groups, g => name == Group(g) || name == "I" + Group(g));
        return taken ? name + "Group" : name;
    }

    /// <summary>Whether a header's option may take this name on the options record.</summary>
    public static bool IsFreeOptionName(string name, string? apiName)
        => !ReservedRecordMembers.Contains(name) && name is not ("BaseAddress" or "AccessTokenProvider" or "Locale")
            && (apiName is null || name != Options(apiName));

    public static string Method(string endpointName) => Identifiers.ToPascalCase(endpointName) + "Async";

    /// <summary>The twin of <see cref="Method"/> that returns the status and headers beside the result.</summary>
    public static string MethodWithResponse(string endpointName) => Identifiers.ToPascalCase(endpointName) + "WithResponseAsync";

    /// <summary>The method of a paged endpoint that walks every page: ListAllAsync.</summary>
    public static string MethodAll(string endpointName) => Identifiers.ToPascalCase(endpointName) + "AllAsync";

    public static string Converter(string typeName) => typeName + "JsonConverter";

    /// <summary>A parameter name for a header: "X-CCOrganization" → ccOrganization.</summary>
    public static string HeaderLocal(string headerName)
        => Local(headerName.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && headerName.Length > 2 ? headerName.Substring(2) : headerName);

    /// <summary>A local or parameter name for a wire name: camelCase, keywords escaped with '@'.</summary>
    public static string Local(string wireName) => Identifiers.ToCamelCase(wireName);

    /// <summary>
    /// Distinct local or parameter names for <paramref name="names"/>, in order: a name that the
    /// generated code uses itself (<paramref name="reserved"/>) or that is taken already gets a
    /// suffix, so that wire names such as "reader" and "reader_value" never collide.
    /// </summary>
    public static string[] UniqueLocals(IReadOnlyList<string> names, ICollection<string> reserved, string suffix = "Value")
    {
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        var result = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (!taken.Add(name.TrimStart('@')))
            {
                var candidate = name.TrimStart('@') + suffix;
                for (var n = 2; !taken.Add(candidate); n++)
                {
                    candidate = name.TrimStart('@') + suffix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                name = candidate;
            }

            result[i] = name;
        }

        return result;
    }

    /// <summary>The hint name of a generated file, from the spec's relative path: "specs/a/read.spec.yaml" → "specs.a.read.g.cs".</summary>
    public static string HintName(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        foreach (var suffix in new[] { ".spec.yaml", ".spec.yml" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - suffix.Length);
                break;
            }
        }

        var builder = new System.Text.StringBuilder(path.Length + 5);
        foreach (var c in path)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '.');
        }

        return builder.ToString().Trim('.') + ".g.cs";
    }
}
