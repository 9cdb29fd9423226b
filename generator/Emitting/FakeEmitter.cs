using System.Linq;
using SpecClient.Generator.Binding;
using SpecClient.Generator.Naming;

namespace SpecClient.Generator.Emitting;

/// <summary>Emits an API's in-memory fake: an HttpMessageHandler answering each endpoint with its documented example.</summary>
internal static class FakeEmitter
{
    public static string Emit(FakeSource source)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, source.RelativePath, source.Namespace);
        var name = Identifiers.ToPascalCase(source.Api) + "FakeHandler";
        writer.Doc("summary", "The " + source.Api + " API in memory, for tests: each endpoint answers with the example its spec documents, or with what a test sets through Respond.");
        writer.RawDoc("<example><code>var fake = new " + name + "(); var client = new " + MemberNames.Client(source.Api) + "(new HttpClient(fake) { BaseAddress = new Uri(\"http://fake/\") });</code></example>");
        writer.Open("public sealed class " + name + " : SpecClient.Testing.FakeApiHandler");
        writer.RawDoc("<summary>The names of the endpoints, for Respond.</summary>");
        writer.Open("public static class Endpoints");
        foreach (var endpoint in source.Endpoints)
        {
            var id = endpoint.Group + "." + endpoint.Name;
            writer.Doc("summary", endpoint.Method + " " + endpoint.Path);
            writer.Line("public const string " + Identifiers.ToPascalCase(endpoint.Group) + Identifiers.ToPascalCase(endpoint.Name) + " = " + CSharpText.Literal(id) + ";");
        }

        writer.Close();
        writer.BlankLine();
        writer.RawDoc("<summary>Creates the fake, every endpoint answering with its documented example.</summary>");
        writer.Open("public " + name + "()");
        foreach (var endpoint in source.Endpoints)
        {
            var examples = endpoint.Examples.Count == 0
                ? "new Dictionary<int, string>()"
                : "new Dictionary<int, string> { " + string.Join(", ", endpoint.Examples.Select(e => "[" + e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) + "] = " + CSharpText.Literal(e.Body))) + " }";
            writer.Line("Add(Endpoints." + Identifiers.ToPascalCase(endpoint.Group) + Identifiers.ToPascalCase(endpoint.Name) + ", " + CSharpText.Literal(endpoint.Method) + ", " + CSharpText.Literal(endpoint.Path) + ", " + examples + ");");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
