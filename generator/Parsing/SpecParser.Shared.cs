using SpecClient.Generator.Format;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>A file of shared types: named objects and enums that several endpoint files of one API refer to.</summary>
internal sealed partial class SpecParser
{
    private SharedTypesModel? ParseShared(YamlMappingNode root)
    {
        _reader.CheckKeys(root, "shared types file", SpecFormat.SharedFile.KeyNames);
        if (_reader.AsMapping(YamlSpecReader.Find(root, "shared")!, "shared") is not { } shared)
        {
            return null;
        }

        _reader.CheckKeys(shared, "shared", SpecFormat.Shared.KeyNames);
        var api = _reader.RequiredScalar(shared, "api", "shared", "WeTransform", YamlSpecReader.KeySpan(root, "shared"));
        if (YamlSpecReader.Find(root, "types") is { } typesNode)
        {
            ClaimDeclaredTypeNames(typesNode);
            foreach (var (typeName, key, value) in _reader.NamedEntries(typesNode, "types"))
            {
                ParseNamedType(typeName, key, value);
            }
        }
        else
        {
            _reader.Report(Diagnostics.DiagnosticDescriptors.MissingKey, YamlSpecReader.KeySpan(root, "shared"), "shared types file", "types", "{ Link: { properties: { rel: string, href: string } } }", "missing");
        }

        return api is null
            ? null
            : new SharedTypesModel(api, YamlSpecReader.SpanOf(YamlSpecReader.Find(shared, "api")!), _reader.OptionalScalar(shared, "description", "shared"), _objects.ToEquatableArray(), _enums.ToEquatableArray());
    }

    /// <summary>Declared names come first: an inline type whose derived name one of them takes is qualified.</summary>
    private void ClaimDeclaredTypeNames(YamlNode typesNode)
    {
        if (typesNode is not YamlMappingNode declared)
        {
            return;
        }

        foreach (var entry in declared.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } declaredName })
            {
                _claimedTypeNames.Add(MemberNames.Type(declaredName));
            }
        }
    }
}
