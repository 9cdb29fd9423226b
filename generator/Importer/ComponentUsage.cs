using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace SpecClient.Importer;

/// <summary>
/// Which component schemas one operation alone uses, once: those go into its endpoint file, as a
/// careful person writes them (the types an endpoint alone reads live beside it), and a change to
/// one stays in that file. Every other component is shared, in the API file.
/// </summary>
internal static class ComponentUsage
{
    /// <summary>The ids of the component schemas that only one operation refers to, once, and no shared component does.</summary>
    public static HashSet<string> OwnedByOneOperation(OpenApiDocument document)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var operationsUsing = new Dictionary<string, int>(StringComparer.Ordinal);
        var timesUsed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in DocumentOperations.All(document))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var schema in DocumentOperations.Schemas(operation))
            {
                Walk(schema, counts, followReferences: true);
            }

            foreach (var (id, count) in counts)
            {
                operationsUsing[id] = operationsUsing.TryGetValue(id, out var n) ? n + 1 : 1;
                timesUsed[id] = timesUsed.TryGetValue(id, out var t) ? t + count : count;
            }
        }

        var owned = new HashSet<string>(components.Keys.Where(id => operationsUsing.GetValueOrDefault(id) == 1 && timesUsed[id] == 1), StringComparer.Ordinal);

        // A shared component refers to its types by name, so they are shared too.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var shared in components.Where(c => !owned.Contains(c.Key)).ToList())
            {
                var direct = new Dictionary<string, int>(StringComparer.Ordinal);
                Walk(shared.Value, direct, followReferences: false);
                changed |= direct.Keys.Where(owned.Remove).Any();
            }
        }

        return owned;
    }

    /// <summary>Counts the component references in a schema; follows each into its component the first time only.</summary>
    private static void Walk(IOpenApiSchema? schema, Dictionary<string, int> counts, bool followReferences, int depth = 0)
    {
        if (schema is null || depth > 64)
        {
            return;
        }

        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            var seen = counts.ContainsKey(id);
            counts[id] = counts.GetValueOrDefault(id) + 1;
            if (seen || !followReferences)
            {
                return;
            }

            schema = reference.Target;
            if (schema is null)
            {
                return;
            }
        }

        foreach (var child in Children(schema))
        {
            Walk(child, counts, followReferences, depth + 1);
        }
    }

    private static IEnumerable<IOpenApiSchema?> Children(IOpenApiSchema schema)
        => (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
            .Concat(schema.AllOf ?? Enumerable.Empty<IOpenApiSchema>())
            .Concat(schema.OneOf ?? Enumerable.Empty<IOpenApiSchema>())
            .Concat(schema.AnyOf ?? Enumerable.Empty<IOpenApiSchema>())
            .Append(schema.Items)
            .Append(schema.AdditionalProperties);
}
