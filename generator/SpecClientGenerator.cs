using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Binding;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Emitting;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator;

/// <summary>
/// Generates typed HTTP clients from YAML endpoint specs (*.spec.yaml additional files).
/// This class only wires the pipeline: parsing, binding and emitting live in their own folders.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var dir) ? dir : null);

        var specFiles = context.AdditionalTextsProvider
            .Where(static text => SpecPaths.IsSpec(text.Path))
            .WithTrackingName(TrackingNames.SpecFiles);

        var parsed = specFiles
            .Combine(projectDirectory)
            .Select(static (input, cancellationToken) => SpecParser.Parse(
                input.Left.Path,
                SpecPaths.Relative(input.Left.Path, input.Right),
                input.Left.GetText(cancellationToken)?.ToString(),
                cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var apiInfos = parsed
            .Select(static (file, _) => ApiBinder.Describe(file))
            .Where(static info => info is not null)
            .Collect()
            .Select(static (infos, _) => infos.Select(info => info!).ToEquatableArray())
            .WithTrackingName(TrackingNames.ApiInfos);

        var endpointGroups = parsed
            .Where(static file => file.Endpoint is not null && !file.HasErrors)
            .Select(static (file, _) => new EndpointGroup(file.Endpoint!.Api, file.Endpoint.Group))
            .Collect()
            .Select(static (groups, _) => groups.Distinct().OrderBy(g => g.Api, StringComparer.Ordinal).ThenBy(g => g.Group, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.EndpointGroups);

        var boundApis = parsed
            .Where(static file => file.Api is not null)
            .Combine(apiInfos)
            .Combine(endpointGroups)
            .Select(static (input, _) => ApiBinder.Bind(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.BindApi);

        var boundEndpoints = parsed
            .Where(static file => file.Endpoint is not null)
            .Combine(apiInfos)
            .Select(static (input, _) => EndpointBinder.Bind(input.Left, input.Right))
            .WithTrackingName(TrackingNames.BindEndpoint);

        var facts = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (input, _) => CompilationFacts.From(input.Left, input.Right))
            .WithTrackingName(TrackingNames.CompilationFacts);

        context.RegisterSourceOutput(parsed.Select(static (file, _) => file.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(boundApis.Combine(facts), static (output, input) =>
        {
            ReportDiagnostics(output, input.Left.Diagnostics);
            if (input.Left.Source is { } source && input.Right.CanGenerate)
            {
                output.AddSource(source.HintName, ApiEmitter.Emit(source));
            }
        });
        context.RegisterSourceOutput(boundEndpoints.Combine(facts), static (output, input) =>
        {
            ReportDiagnostics(output, input.Left.Diagnostics);
            if (input.Left.Source is { } source && input.Right.CanGenerate)
            {
                output.AddSource(source.HintName, EndpointEmitter.Emit(source));
            }
        });
        context.RegisterSourceOutput(facts.Combine(specFiles.Collect().Select(static (files, _) => files.Length > 0)), static (output, input) =>
        {
            var (compilationFacts, hasSpecs) = input;
            if (!hasSpecs)
            {
                return;
            }

            if (!compilationFacts.CanGenerate)
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, CompilationFacts.DisplayVersion(compilationFacts.LanguageVersion)));
                return;
            }

            if (PolyfillEmitter.Emit(compilationFacts) is { } polyfills)
            {
                output.AddSource(PolyfillEmitter.HintName, polyfills);
            }
        });
    }

    private static void ReportDiagnostics(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
