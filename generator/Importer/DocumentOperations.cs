using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace SpecClient.Importer;

/// <summary>The walks over a document that several parts of the import make.</summary>
internal static class DocumentOperations
{
    /// <summary>Every operation of every path.</summary>
    public static IEnumerable<OpenApiOperation> All(OpenApiDocument document)
        => (document.Paths ?? new OpenApiPaths()).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());

    /// <summary>The schemas an operation names directly: its parameters', its request body's and its responses'.</summary>
    public static IEnumerable<IOpenApiSchema?> Schemas(OpenApiOperation operation)
        => (operation.Parameters ?? new List<IOpenApiParameter>()).Select(p => p.Schema)
            .Concat(operation.RequestBody?.Content?.Values.Select(c => c.Schema) ?? Enumerable.Empty<IOpenApiSchema?>())
            .Concat(operation.Responses?.Values.SelectMany(r => r.Content?.Values.Select(c => c.Schema) ?? Enumerable.Empty<IOpenApiSchema?>()) ?? Enumerable.Empty<IOpenApiSchema?>());
}
