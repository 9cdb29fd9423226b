using System;
using System.Collections.Generic;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;

namespace SpecClient.Generator.Binding;

/// <summary>
/// Every endpoint's method and type names, indexed once per change to the set of endpoints, so
/// that binding one endpoint looks its collisions up instead of scanning all the others (which
/// made N endpoints cost N² at 10,000). Equal when the identities are.
/// </summary>
internal sealed class EndpointIndex : IEquatable<EndpointIndex>
{
    private readonly EquatableArray<EndpointIdentity> _identities;
    private readonly Dictionary<(string Api, string GroupClass, string Method), (string Path, string Endpoint)> _firstWithMethod = new();
    private readonly Dictionary<(string Api, string TypeName), string> _firstWithType = new();
    private readonly Dictionary<string, List<string>> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<(string Api, string GroupClass)> _groupClasses = new();

    /// <param name="identities">Sorted by path: the first file to declare a name keeps it.</param>
    public EndpointIndex(EquatableArray<EndpointIdentity> identities)
    {
        _identities = identities;
        foreach (var identity in identities)
        {
            foreach (var method in PublicMethods(identity.Name))
            {
                var key = (identity.Api, MemberNames.Group(identity.Group), method);
                if (!_firstWithMethod.ContainsKey(key))
                {
                    _firstWithMethod[key] = (identity.Path, identity.Name);
                }
            }

            foreach (var typeName in identity.TypeNames)
            {
                if (!_firstWithType.ContainsKey((identity.Api, typeName)))
                {
                    _firstWithType[(identity.Api, typeName)] = identity.Path;
                }
            }

            if (!_groups.TryGetValue(identity.Api, out var groups))
            {
                _groups[identity.Api] = groups = new List<string>();
            }

            // One entry per group, not per endpoint: every type-name check walks this list.
            if (_groupClasses.Add((identity.Api, MemberNames.Group(identity.Group))))
            {
                groups.Add(identity.Group);
            }
        }
    }

    /// <summary>
    /// Another file whose methods take one of this endpoint's method names in its group, and that
    /// name ("Get" has GetWithResponseAsync, so an endpoint "GetWithResponse" cannot be beside it), or null.
    /// </summary>
    public (string Path, string Endpoint, string Method)? ClashingMethod(string api, string group, string name, string path)
    {
        foreach (var method in PublicMethods(name))
        {
            if (_firstWithMethod.TryGetValue((api, MemberNames.Group(group), method), out var first) && first.Path != path)
            {
                return (first.Path, first.Endpoint, method);
            }
        }

        return null;
    }

    /// <summary>Another file's endpoint whose methods include <paramref name="method"/> in the group, or null.</summary>
    public (string Path, string Endpoint)? MethodOwner(string api, string group, string method, string path)
        => _firstWithMethod.TryGetValue((api, MemberNames.Group(group), method), out var first) && first.Path != path ? first : null;

    /// <summary>The public methods an endpoint adds to its group (private ones hold a '_' and cannot clash).</summary>
    private static string[] PublicMethods(string name) => new[] { MemberNames.Method(name), MemberNames.MethodWithResponse(name) };

    /// <summary>The path of the first endpoint file of <paramref name="api"/> that declares the C# type <paramref name="typeName"/>.</summary>
    public string? FirstWithType(string api, string typeName)
        => _firstWithType.TryGetValue((api, typeName), out var path) ? path : null;

    public IReadOnlyList<string> Groups(string api) => _groups.TryGetValue(api, out var groups) ? groups : Array.Empty<string>();

    /// <summary>Whether <paramref name="typeName"/> is a group class of <paramref name="api"/> or its interface.</summary>
    public bool IsGroupType(string api, string typeName)
        => _groupClasses.Contains((api, typeName))
            || (typeName.Length > 1 && typeName[0] == 'I' && _groupClasses.Contains((api, typeName.Substring(1))));

    public bool Equals(EndpointIndex? other) => other is not null && _identities.Equals(other._identities);

    public override bool Equals(object? obj) => Equals(obj as EndpointIndex);

    public override int GetHashCode() => _identities.GetHashCode();
}
