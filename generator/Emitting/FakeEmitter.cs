using System.Linq;
using SpecClient.Generator.Binding;
using SpecClient.Generator.Naming;

namespace SpecClient.Generator.Emitting;

/// <summary>Emits an API's in-memory fake: an HttpMessageHandler answering each endpoint with its documented example.</summary>
internal static class FakeEmitter
{
    private static readonly string[] ReservedNames = { "Endpoints" };

    public static string Emit(FakeSource source)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, source.RelativePath, source.Namespace);
        var name = MemberNames.FakeHandler(source.Api);
        writer.Doc("summary", "The " + source.Api + " API in memory, for tests: each endpoint answers with the example its spec documents, or with what a test sets through Respond.");
        writer.RawDoc("<example><code>var fake = new " + name + "(); var client = new " + MemberNames.Client(source.Api) + "(new HttpClient(fake) { BaseAddress = new Uri(\"http://fake/\") });</code></example>");
        writer.Open("public sealed class " + name + " : global::SpecClient.Testing.FakeApiHandler");
        writer.RawDoc("<summary>The names of the endpoints, for Respond.</summary>");
        writer.Open("public static class Endpoints");
        // Group + name can coincide ("Order" + "ItemsRead", "OrderItems" + "Read"): names are made unique.
        var constants = MemberNames.UniqueLocals(source.Endpoints.Select(e => Identifiers.ToPascalCase(e.Group) + Identifiers.ToPascalCase(e.Name)).ToList(), ReservedNames, "Endpoint");
        for (var i = 0; i < source.Endpoints.Count; i++)
        {
            var endpoint = source.Endpoints[i];
            writer.Doc("summary", endpoint.Method + " " + endpoint.Path);
            writer.Line("public const string " + constants[i] + " = " + CSharpText.Literal(endpoint.Group + "." + endpoint.Name) + ";");
        }

        writer.Close();
        writer.BlankLine();
        writer.RawDoc("<summary>Creates the fake, every endpoint answering with its documented example.</summary>");
        writer.Open("public " + name + "()");
        for (var i = 0; i < source.Endpoints.Count; i++)
        {
            var endpoint = source.Endpoints[i];
            var examples = endpoint.Examples.Count == 0
                ? "new Dictionary<int, string>()"
                : "new Dictionary<int, string> { " + string.Join(", ", endpoint.Examples.Select(e => "[" + e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) + "] = " + CSharpText.Literal(e.Body))) + " }";
            writer.Line("Add(Endpoints." + constants[i] + ", " + CSharpText.Literal(endpoint.Method) + ", " + CSharpText.Literal(endpoint.Path) + ", " + examples + ");");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
