using System.Linq;
using SpecClient.Generator.Binding;

namespace SpecClient.Generator.Emitting;

/// <summary>Emits the paged twin of a list endpoint, ListAllAsync: the plain method called once per page by the runtime's Pages.</summary>
internal static class PagingEmitter
{
    public static void EmitInterfaceMethod(SourceWriter writer, MethodShape method, PagingSource paging, bool deprecated)
    {
        var parameter = method.PagingParameter(paging);
        var plain = method.Name + "(" + string.Join(", ", method.CrefParameterTypes()) + ")";
        writer.RawDoc("<summary>Every item of <see cref=\"" + plain + "\"/>'s pages, one request per page, sent when the enumeration reaches it.</summary>");
        writer.RawDoc("<remarks>" + (paging.ByOffset
            ? "The <c>" + string.Join(" ", CSharpText.XmlLines(paging.Parameter)) + "</c> query parameter goes from 0 by the number of items of each page"
            : "The <c>" + string.Join(" ", CSharpText.XmlLines(paging.Parameter)) + "</c> query parameter goes from " + paging.FirstPage.ToString(System.Globalization.CultureInfo.InvariantCulture) + " up")
            + "; the walk stops at an empty page" + (paging.TotalWireName is null ? "." : " or when the response's <c>" + string.Join(" ", CSharpText.XmlLines(paging.TotalWireName)) + "</c> is reached.") + "</remarks>");
        writer.RawDoc("<inheritdoc cref=\"" + plain + "\" path=\"/param[not(@name='" + parameter.Name.TrimStart('@') + "')]\"/>");
        writer.RawDoc("<returns>The items, page after page. Pass a token to <c>WithCancellation</c> or to this method to stop between or during pages.</returns>");
        EndpointEmitter.WriteObsolete(writer, deprecated);
        writer.Line(method.AllSignature(paging) + ";");
    }

    public static void EmitMethod(SourceWriter writer, MethodShape method, PagingSource paging, bool deprecated)
    {
        var page = method.PagingParameter(paging).Name;
        var arguments = method.SendArguments(typed: false).ToList();
        arguments[arguments.Count - 1] = "cancellation";
        var payload = paging.PayloadProperty is null ? string.Empty : "." + paging.PayloadProperty;
        writer.RawDoc("<inheritdoc/>");
        EndpointEmitter.WriteObsolete(writer, deprecated);
        writer.Line("public " + method.AllSignature(paging));
        writer.Line("    => global::SpecClient.Runtime.Pages." + (paging.ByOffset ? "ByOffsetAsync(" : "ByPageNumberAsync("));
        if (!paging.ByOffset)
        {
            writer.Line("        " + paging.FirstPage.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
        }

        writer.Line("        (" + page + ", cancellation) => " + method.Name + "(" + string.Join(", ", arguments) + "),");
        writer.Line("        response => response" + payload + "." + paging.ItemsAccess + ",");
        writer.Line("        response => " + (paging.TotalAccess is null ? "(long?)null" : "response" + payload + "." + paging.TotalAccess) + ",");
        writer.Line("        cancellationToken);");
        writer.BlankLine();
    }
}
