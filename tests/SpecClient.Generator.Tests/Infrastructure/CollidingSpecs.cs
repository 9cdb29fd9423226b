using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>
/// Sets of valid-looking spec files whose names are drawn from a small alphabet of words that
/// collide once they become C#: with each other (Id, id, user_id), with what the generated code
/// declares (SendGet, ReadWithResponse, ShopClient, TPayload), with C# itself (nameof, class) and
/// with the framework (Task, Type). File paths collide too (a/b, a.b, A/B, .yml).
/// The same seed gives the same files.
/// </summary>
internal static class CollidingSpecs
{
    private static readonly string[] Words =
    {
        "Get", "SendGet", "GetWithResponse", "Read", "ReadWithResponse", "Id", "id", "user_id", "userId", "Task", "nameof", "Options",
        "Value", "Payload", "payload", "t_payload", "Type", "type", "Client", "Shop", "ShopClient", "ShopException", "ShopFakeHandler",
        "Equals", "Result", "Request", "Error", "capture", "query", "path", "body", "content", "extras", "cancellationToken",
        "OrdersEndpoints", "IOrdersEndpoints", "Orders", "orders", "Data", "items", "class", "x-y", "Get_Send", "AdditionalProperties", "Read_IdPattern",
    };

    private static readonly string[] Paths =
    {
        "specs/a.spec.yaml", "specs/a/b.spec.yaml", "specs/a.b.spec.yaml", "specs/A/B.spec.yaml", "specs/a/b.spec.yml",
        "specs/c.spec.yaml", "specs/shop.spec.yaml", "specs/shop.Fakes.spec.yaml", "SpecClient/Polyfills.spec.yaml", "specs/d/e.spec.yaml",
    };

    public static (string Path, string Text)[] Create(Random random)
    {
        var paths = Paths.OrderBy(_ => random.Next()).Take(2 + random.Next(4)).ToList();
        var files = new List<(string, string)> { (paths[0], Api(random)) };
        foreach (var path in paths.Skip(1))
        {
            files.Add((path, random.Next(5) == 0 ? Shared(random) : Endpoint(random)));
        }

        return files.ToArray();
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Key(string word) => "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Api(Random random)
    {
        var text = new StringBuilder("api:\n  name: Shop\n  namespace: Shop.Client\n  baseUrl: https://shop.example\n");
        if (random.Next(2) == 0)
        {
            text.Append("envelope:\n  typeName: ").Append(random.Next(3) == 0 ? Word(random) : "Reply").Append("\n  payload: ").Append(Key(Word(random))).Append("\n  properties:\n");
            text.Append("    ").Append(Key(Word(random))).Append(": boolean\n");
        }

        if (random.Next(2) == 0)
        {
            text.Append("types:\n");
            for (var i = 0; i < 1 + random.Next(3); i++)
            {
                text.Append("  ").Append(Key(Word(random))).Append(":\n    properties:\n      ").Append(Key(Word(random))).Append(": string\n");
            }
        }

        return text.ToString();
    }

    private static string Shared(Random random)
        => "shared: { api: Shop }\ntypes:\n  " + Key(Word(random)) + ":\n    properties:\n      " + Key(Word(random)) + ": integer\n";

    private static string Endpoint(Random random)
    {
        var placeholder = Word(random);
        var text = new StringBuilder("endpoint:\n  api: Shop\n  group: ").Append(Key(random.Next(2) == 0 ? "Orders" : Word(random)))
            .Append("\n  name: ").Append(Key(Word(random))).Append("\n  method: ").Append(random.Next(2) == 0 ? "GET" : "POST")
            .Append("\n  path: '/x").Append(random.Next(100)).Append("/{").Append(placeholder.Replace("'", "''", StringComparison.Ordinal)).Append("}'\n");
        text.Append("pathParameters:\n  ").Append(Key(random.Next(6) == 0 ? Word(random) : placeholder)).Append(random.Next(2) == 0 ? ": { pattern: '\\d+' }\n" : ": {}\n");
        if (random.Next(2) == 0)
        {
            text.Append("queryParameters:\n");
            for (var i = 0; i < 1 + random.Next(3); i++)
            {
                text.Append("  ").Append(Key(Word(random))).Append(random.Next(2) == 0 ? ": string\n" : ": { type: integer, optional: true }\n");
            }
        }

        if (random.Next(3) == 0)
        {
            text.Append("headerParameters:\n  X-").Append(Word(random).Replace("_", "-", StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal)).Append(": string\n");
        }

        text.Append("response:\n");
        if (random.Next(3) == 0)
        {
            text.Append("  typeName: ").Append(Key(Word(random))).Append('\n');
        }

        text.Append("  properties:\n");
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            var type = random.Next(4) switch { 0 => "string", 1 => "{ properties: { " + Key(Word(random)) + ": string } }", 2 => "{ type: array, items: { properties: { " + Key(Word(random)) + ": integer } } }", _ => Key(Word(random)) };
            text.Append("    ").Append(Key(Word(random))).Append(": ").Append(type).Append('\n');
        }

        return text.ToString();
    }
}
