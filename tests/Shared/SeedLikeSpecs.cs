using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpecClient.SeedLike;

/// <summary>
/// Synthesised spec sets shaped like the seed endpoints: a GET with a UUID and a <c>\d+</c> path
/// parameter and a ten-property payload, with a list of three-property parts, inside the
/// WeTransform-like envelope. Shared by the caching
/// tests and the benchmarks, so that both speak of the same N endpoints.
/// </summary>
internal static class SeedLikeSpecs
{
    public const string Uuid = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";

    /// <summary>Endpoints are spread over this many groups, as a real API spreads them over resources.</summary>
    public const int Groups = 50;

    public const string ApiPath = "specs/api.spec.yaml";

    /// <summary>The payload's properties: JSON name and spec type.</summary>
    public static readonly (string Name, string Type)[] Properties =
    {
        ("id", "string"), ("name", "string"), ("count", "integer"), ("ratio", "number"), ("enabled", "boolean"),
        ("created_at", "date-time"), ("owner", "string"), ("size", "integer"), ("url", "string"), ("note", "string"),
    };

    /// <summary>The properties of each item of the payload's list of parts, as real pages nest small objects in lists.</summary>
    public static readonly (string Name, string Type)[] PartProperties = { ("id", "string"), ("label", "string"), ("quantity", "integer") };

    public const string ApiSpec = """
        api:
          name: Bench
          namespace: Bench.Client
          baseUrl: https://bench.example
        envelope:
          typeName: BenchResponse
          payload: payload
          properties:
            success: boolean
            debug: { type: array, items: any }
        """;

    /// <summary>The API file and <paramref name="count"/> endpoint files, as (path, text).</summary>
    public static IEnumerable<(string Path, string Text)> All(int count)
    {
        yield return (ApiPath, ApiSpec);
        for (var i = 0; i < count; i++)
        {
            yield return Endpoint(i);
        }
    }

    public static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    public static string EndpointPath(int i) => "specs/endpoint" + Number(i) + ".spec.yaml";

    /// <summary>The route endpoint <paramref name="i"/> calls, with its two placeholders.</summary>
    public static string Route(int i) => "/things/{thingId}/parts/{partNumber}/" + Number(i);

    public static (string Path, string Text) Endpoint(int i)
    {
        var n = Number(i);
        var text = new StringBuilder();
        text.Append("endpoint:\n  api: Bench\n  group: Group").Append(i % Groups).Append("\n  name: Read").Append(n)
            .Append("\n  method: GET\n  path: ").Append(Route(i)).Append("\n  summary: Endpoint ").Append(n).Append('\n')
            .Append("pathParameters:\n  thingId: { description: The thing, pattern: '").Append(Uuid).Append("' }\n  partNumber: { description: The part, pattern: '\\d+' }\n")
            .Append("response:\n  typeName: Thing").Append(n).Append("\n  properties:\n");
        foreach (var (name, type) in Properties)
        {
            text.Append("    ").Append(name).Append(": { type: ").Append(type).Append(", nullable: true, description: The ").Append(name).Append(" of the thing. }\n");
        }

        text.Append("    parts:\n      type: array\n      nullable: true\n      description: The parts of the thing.\n      items:\n        typeName: Part\n        properties:\n");
        foreach (var (name, type) in PartProperties)
        {
            text.Append("          ").Append(name).Append(": { type: ").Append(type).Append(", nullable: true, description: The ").Append(name).Append(" of the part. }\n");
        }

        return (EndpointPath(i), text.ToString());
    }

    /// <summary>Endpoint <paramref name="i"/> with its summary changed: a typical one-spec edit.</summary>
    public static (string Path, string Text) EditedEndpoint(int i)
    {
        var (path, text) = Endpoint(i);
        return (path, text.Replace("summary: Endpoint ", "summary: Edited endpoint ", System.StringComparison.Ordinal));
    }
}
