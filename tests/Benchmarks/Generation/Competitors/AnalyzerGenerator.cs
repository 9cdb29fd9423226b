using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SpecClient.Benchmarks.Generation.Competitors;

/// <summary>Another tool's incremental generator, loaded from its analyzer assembly as the compiler loads it.</summary>
internal sealed class AnalyzerGenerator(Func<string> path)
{
    private readonly Lazy<Type> _type = new(() => Assembly.LoadFrom(path()).GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract));

    /// <summary>A new instance, as a driver takes it.</summary>
    public ISourceGenerator Create() => ((IIncrementalGenerator)Activator.CreateInstance(_type.Value)!).AsSourceGenerator();
}
