using SpecClient.Generator.Binding;

namespace SpecClient.Generator.Emitting;

/// <summary>Emits the file of a shared-types spec: its records and enums, in the API's namespace.</summary>
internal static class SharedTypesEmitter
{
    public static string Emit(SharedTypesSource source)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, source.RelativePath, source.Namespace, hasDeprecatedMembers: FileHeader.HasDeprecated(source.Objects), usesDates: FileHeader.UsesDates(FileHeader.PropertyTypes(source.Objects)));
        TypeEmitter.EmitTypes(writer, source.Objects, source.Enums, scope: null);
        return writer.ToString();
    }
}
