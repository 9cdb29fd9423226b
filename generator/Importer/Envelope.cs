using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace SpecClient.Importer;

/// <summary>
/// The envelope an API wraps its JSON responses in ({ success, payload, ... }), as the API file's
/// envelope: section: the members every success body has, and the one whose type changes.
/// </summary>
/// <param name="Payload">The member that carries each operation's response.</param>
/// <param name="Others">The envelope's other members, as the first body types them.</param>
/// <param name="Types">The declared types, to see into a body that names one.</param>
internal sealed record Envelope(string Payload, YamlMapping Others, YamlMapping Types)
{
    /// <summary>Fewer bodies than this prove nothing: two objects may differ in one member by chance.</summary>
    private const int MinimumBodies = 3;

    /// <summary>
    /// The envelope of these success bodies (type nodes), or null. Found when every body is an object
    /// with the same members, all typed alike but one, whose type differs between at least two bodies.
    /// </summary>
    public static Envelope? Find(IReadOnlyList<YamlOut> bodies, YamlMapping types)
    {
        var members = bodies.Select(b => MembersOf(b, types)).ToList();
        if (members.Count < MinimumBodies || members.Any(m => m is null || m.IsEmpty))
        {
            return null;
        }

        var names = MemberNames(members[0]!);
        if (members.Any(m => !MemberNames(m!).SequenceEqual(names, StringComparer.Ordinal)))
        {
            return null;
        }

        var varying = names.Where(n => members.Select(m => Text(Member(m!, n)!)).Distinct(StringComparer.Ordinal).Count() > 1).ToList();
        if (varying.Count != 1)
        {
            return null;
        }

        // The types as they are now: Declare takes the envelope's own out of them afterwards.
        return new Envelope(varying[0], members[0]!.Where(e => e.Key != varying[0]), types.Where(_ => true));
    }

    /// <summary>
    /// The envelope the success bodies share, written as the API file's envelope: section; the
    /// declared types that are the envelope itself leave types:, since the section says them now.
    /// </summary>
    public static Envelope? Declare(OpenApiDocument document, SchemaMapper schemas, YamlMapping types, string name, SortedDictionary<string, string> declared, YamlMapping api)
    {
        var bodies = DocumentOperations.All(document)
            .Select(o => OperationImporter.Success(o).Response?.Content is { } content ? OperationImporter.JsonMedia(content)?.Schema : null)
            .Where(schema => schema is not null)
            .Select(schema => schemas.Map(schema, new ImportNotes(), "response"))
            .ToList();
        if (Find(bodies, types) is not { } envelope)
        {
            return null;
        }

        var typeName = Names.Unique(name + "Response", new HashSet<string>(declared.Values, StringComparer.OrdinalIgnoreCase));
        api.Add("envelope", new YamlMapping().AddText("typeName", typeName).AddText("payload", envelope.Payload).Add("properties", envelope.Others.IsEmpty ? null : envelope.Others));
        foreach (var shaped in types.Entries.Where(t => envelope.Is(t.Key)).Select(t => t.Key).ToList())
        {
            var others = YamlWriter.Write(new YamlMapping().Add("types", types.Where(t => t.Key != shaped)));
            if (!System.Text.RegularExpressions.Regex.IsMatch(others, @"\b" + System.Text.RegularExpressions.Regex.Escape(shaped) + @"\b"))
            {
                types.Entries.RemoveAll(t => t.Key == shaped);
            }
        }

        return envelope;
    }

    /// <summary>The payload's type node in a body of this envelope, or null when the body is not one.</summary>
    public YamlOut? PayloadOf(YamlOut body)
    {
        if (MembersOf(body, Types) is not { } members || !MemberNames(members).SequenceEqual(MemberNames(Others).Append(Payload).OrderBy(n => n, StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return null;
        }

        var payload = Member(members, Payload)!;
        // A response is there or is not by its status: "optional" belongs to members.
        return payload is YamlMapping mapping ? mapping.Where(e => e.Key != "optional").Simplest() : payload;
    }

    /// <summary>Whether the declared type is the envelope, with or without its payload: the envelope: section says it now.</summary>
    public bool Is(string declared)
        => MembersOf(YamlOut.Text(declared), Types) is { } members
            && (MemberNames(members).SequenceEqual(MemberNames(Others), StringComparer.Ordinal) || PayloadOf(YamlOut.Text(declared)) is not null);

    /// <summary>An object's members: an inline object's properties, or a declared type's.</summary>
    private static YamlMapping? MembersOf(YamlOut body, YamlMapping types)
    {
        var node = body is YamlScalar named ? types.Entries.FirstOrDefault(e => e.Key == named.Value).Value : body;
        return node is YamlMapping mapping ? mapping.Entries.FirstOrDefault(e => e.Key == "properties").Value as YamlMapping : null;
    }

    private static List<string> MemberNames(YamlMapping members) => members.Entries.Select(e => e.Key).OrderBy(n => n, StringComparer.Ordinal).ToList();

    private static YamlOut? Member(YamlMapping members, string name) => members.Entries.FirstOrDefault(e => e.Key == name).Value;

    private static string Text(YamlOut node) => YamlWriter.Write(new YamlMapping().Add("m", node));
}
