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
        var projectOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ProjectOptions.From(options.GlobalOptions));

        var specFiles = context.AdditionalTextsProvider
            .Where(static text => SpecPaths.IsSpec(text.Path))
            .WithTrackingName(TrackingNames.SpecFiles);

        var parsed = specFiles
            .Combine(projectOptions)
            .Select(static (input, cancellationToken) => SpecParser.Parse(
                input.Left.Path,
                SpecPaths.Relative(input.Left.Path, input.Right.ProjectDirectory),
                input.Left.GetText(cancellationToken)?.ToString(),
                input.Right.Namespace,
                cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var apiInfos = parsed
            .Select(static (file, _) => ApiBinder.Describe(file))
            .Where(static info => info is not null)
            .Collect()
            .Select(static (infos, _) => infos.Select(info => info!).ToEquatableArray())
            .WithTrackingName(TrackingNames.ApiInfos);

        var sharedTypeInfos = parsed
            .Select(static (file, _) => SharedTypesBinder.Describe(file))
            .Where(static info => info is not null)
            .Collect()
            .Select(static (infos, _) => infos.Select(info => info!).OrderBy(info => info.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.SharedTypeInfos);

        var endpointIdentities = parsed
            .Select(static (file, _) => EndpointBinder.Identify(file))
            .Where(static identity => identity is not null)
            .Collect()
            .Select(static (identities, _) => identities.Select(identity => identity!).OrderBy(identity => identity.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.EndpointIdentities);

        var endpointIndex = endpointIdentities
            .Select(static (identities, _) => new EndpointIndex(identities))
            .WithTrackingName(TrackingNames.EndpointIndex);

        var endpointGroups = endpointIdentities
            .Select(static (identities, _) => identities
                .Select(identity => new EndpointGroup(identity.Api, identity.Group))
                .Distinct()
                .OrderBy(g => g.Api, StringComparer.Ordinal)
                .ThenBy(g => g.Group, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.EndpointGroups);

        var boundApis = parsed
            .Where(static file => file.Api is not null)
            .Combine(apiInfos)
            .Combine(endpointGroups)
            .Select(static (input, _) => ApiBinder.Bind(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.BindApi);

        // API files that parsed but did not bind (SPEC014): usually none, so this stays cached.
        var failedApis = boundApis
            .Select(static (bound, _) => bound.FailedPath)
            .Where(static path => path is not null)
            .Collect()
            .Select(static (paths, _) => paths.Select(path => path!).OrderBy(path => path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.FailedApis);

        var boundEndpoints = parsed
            .Where(static file => file.Endpoint is not null)
            .Combine(apiInfos)
            .Combine(sharedTypeInfos)
            .Combine(endpointIndex.Combine(failedApis))
            .Select(static (input, _) => EndpointBinder.Bind(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right.Left, input.Right.Right))
            .WithTrackingName(TrackingNames.BindEndpoint);

        var boundSharedTypes = parsed
            .Where(static file => file.Shared is not null)
            .Combine(apiInfos)
            .Combine(sharedTypeInfos)
            .Combine(endpointGroups.Combine(failedApis))
            .Select(static (input, _) => SharedTypesBinder.Bind(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right.Left, input.Right.Right))
            .WithTrackingName(TrackingNames.BindSharedTypes);

        // Not from CompilationProvider, which changes on every keystroke: references and the few
        // declarations named like a polyfill change rarely, so an unrelated C# edit reruns nothing here.
        var referencedTypes = context.MetadataReferencesProvider
            .Select(static (reference, _) => KnownTypeScanner.InReference(reference))
            .Collect()
            .Select(static (found, _) => KnownTypeScanner.DefinedOnce(found))
            .WithTrackingName(TrackingNames.ReferencedTypes);

        var declaredTypes = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => KnownTypeScanner.IsCandidate(node), static (syntax, _) => KnownTypeScanner.InDeclaration(syntax.Node))
            .Collect()
            .Select(static (found, _) => found.Aggregate(KnownTypes.None, static (all, one) => all | one))
            .WithTrackingName(TrackingNames.DeclaredTypes);

        var facts = context.ParseOptionsProvider
            .Combine(referencedTypes.Combine(declaredTypes))
            .Select(static (input, _) => CompilationFacts.From(input.Left, input.Right.Left | input.Right.Right))
            .WithTrackingName(TrackingNames.CompilationFacts);

        // Test fakes only when the project asks for them: the branch is empty otherwise.
        var fakes = boundApis
            .Select(static (bound, _) => bound.Source)
            .Where(static source => source is not null)
            .Combine(boundEndpoints.Select(static (bound, _) => FakeBinder.Describe(bound)).Where(static e => e is not null).Collect()
                .Select(static (endpoints, _) => endpoints.Select(e => e!).ToEquatableArray()))
            .Combine(projectOptions.Select(static (options, _) => options.Fakes))
            .Where(static input => input.Right)
            .Select(static (input, _) => FakeBinder.Bind(input.Left.Left!, input.Left.Right))
            .WithTrackingName(TrackingNames.BindFakes);

        // Generated file names are claimed once for all specs; the table changes only when a spec
        // file is added, removed or renamed.
        var hintNames = parsed
            .Select(static (file, _) => new SpecOutputs(file.Path, file.RelativePath, file.Api is not null))
            .Collect()
            .Select(static (files, _) => HintNameTable.Claim(files))
            .WithTrackingName(TrackingNames.HintNames);
        var emitInputs = facts.Combine(hintNames);

        context.RegisterSourceOutput(parsed.Select(static (file, _) => file.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(fakes.Combine(emitInputs), static (output, input) =>
        {
            if (input.Right.Left.CanGenerate)
            {
                AddSource(output, input.Right.Right, input.Left.SpecPath, input.Left.HintName, FakeEmitter.Emit(input.Left));
            }
        });
        context.RegisterSourceOutput(boundApis.Combine(emitInputs), static (output, input) =>
        {
            ReportDiagnostics(output, input.Left.Diagnostics);
            if (input.Left.Source is { } source && input.Right.Left.CanGenerate)
            {
                AddSource(output, input.Right.Right, source.SpecPath, source.HintName, ApiEmitter.Emit(source, input.Right.Left.HasHttpClientFactory));
            }
        });
        context.RegisterSourceOutput(boundEndpoints.Combine(emitInputs), static (output, input) =>
        {
            ReportDiagnostics(output, input.Left.Diagnostics);
            if (input.Left.Source is { } source && input.Right.Left.CanGenerate)
            {
                AddSource(output, input.Right.Right, source.SpecPath, source.HintName, EndpointEmitter.Emit(source));
            }
        });
        context.RegisterSourceOutput(boundSharedTypes.Combine(emitInputs), static (output, input) =>
        {
            ReportDiagnostics(output, input.Left.Diagnostics);
            if (input.Left.Source is { } source && input.Right.Left.CanGenerate)
            {
                AddSource(output, input.Right.Right, source.SpecPath, source.HintName, SharedTypesEmitter.Emit(source));
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

    /// <summary>
    /// Adds a generated file under the name the table gives it: its own, or, when another spec's
    /// path gives the same one ("a/b.spec.yaml" and "a.b.spec.yaml"), that name with a hash of its
    /// path, and SPEC017 at its spec.
    /// </summary>
    private static void AddSource(SourceProductionContext output, HintNameTable hintNames, string specPath, string hintName, string source)
    {
        if (hintNames.Find(specPath, hintName) is { } clash)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HintNameCollision, Location.Create(specPath, default, default), hintName, clash.ClaimedBy, clash.Given));
            hintName = clash.Given;
        }

        output.AddSource(hintName, source);
    }

    private static void ReportDiagnostics(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
