using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Emitting;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The generated clients plus a consumer that calls every method compile with no warning at all,
/// nullable enabled and warnings reported as errors, for a net8.0 and a netstandard2.0 consumer.
/// </summary>
public class CompileTests
{
    private const string ConsumerSource = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using OracleCommerce.Admin;
        using WeTransform.Client;

        /// <summary>Calls every generated method.</summary>
        public static class CallsEveryMethod
        {
            /// <summary>Runs them all.</summary>
            public static async Task<List<string>> RunAsync(HttpClient http, CancellationToken cancellationToken)
            {
                var seen = new List<string>();
                IWeTransformClient weTransform = new WeTransformClient(http);

                WeTransformResponse<SubmissionsRead.Submission> submission = await weTransform.Submissions.ReadAsync("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d", cancellationToken);
                submission = await weTransform.Submissions.ReadAsync(Guid.NewGuid(), cancellationToken);
                string? customer = submission.Payload.CustomerName;
                long columns = submission.Payload.MaximumNumberOfColumns;
                DateTimeOffset? created = submission.Payload.CreatedAt;
                bool failed = submission.Payload.Failed;
                seen.Add(customer + columns + created + failed);

                WeTransformResponse<PowerFunctionsAbort.PowerFunctionAbort> abort = await weTransform.PowerFunctions.AbortAsync("8d049772-c9f8-4fe2-a988-ecf926022c51", "1", cancellationToken);
                abort = await weTransform.PowerFunctions.AbortAsync(Guid.Empty, 7UL, cancellationToken);
                long? rows = abort.Payload.ImpactedRows;
                IDictionary<string, JsonElement>? extra = abort.Payload.AdditionalProperties;
                seen.Add(rows + " " + extra?.Count);

                WeTransformResponse<TemplatesRead.Template> template = await weTransform.Templates.ReadAsync("my-template", cancellationToken);
                foreach (TemplatesRead.UserMetadata metadata in template.Payload.UserMetadata)
                {
                    string name = metadata.Name;
                    string? value = metadata.Value;
                    seen.Add(name + value);
                }

                WeTransformResponse<DemoReceiverHello.Greeting> hello = await weTransform.DemoReceiver.HelloAsync("Bob", cancellationToken);
                string greeting = hello.Payload.Hello;
                bool success = hello.Success;
                ProductRequirement? requirement = hello.Product?.Requirement;
                string? permission = hello.Product?.Permission?.Name;
                IReadOnlyList<JsonElement> debug = hello.Debug;
                seen.Add(greeting + success + (requirement == ProductRequirement.Permission) + permission + debug.Count);

                IOracleCommerceAdminClient oracle = new OracleCommerceAdminClient(http);
                ImportProcessAbort.AbortImportProcessResponse aborted = await oracle.ImportProcess.AbortAsync("ezzPxcPRmJIlXYCyOTQNT9HMacA_10000", cancellationToken: cancellationToken);
                aborted = await oracle.ImportProcess.AbortAsync("token", new ImportProcessAbort.AbortImportProcessRequest(), cancellationToken);
                seen.Add(aborted.Success + "");

                try
                {
                    await weTransform.DemoReceiver.HelloAsync(string.Empty, cancellationToken);
                }
                catch (WeTransformException e)
                {
                    foreach (Violation violation in e.Error?.Payload.Violations ?? (IReadOnlyList<Violation>)Array.Empty<Violation>())
                    {
                        seen.Add(violation.PropertyPath + violation.Message + violation.InvalidValue?.GetRawText());
                    }

                    seen.Add((int)e.StatusCode + e.ResponseBody + e.Error?.Payload.Error?.Code);
                }
                catch (OracleCommerceAdminException e)
                {
                    ErrorModel? error = e.Error;
                    seen.Add(error?.Message + error?.OErrorPath + error?.Errors?.Count);
                }

                return seen;
            }
        }
        """;

    [Theory]
    [InlineData(Consumer.Net80)]
    [InlineData(Consumer.NetStandard20)]
    public void Generated_clients_and_their_consumer_compile_without_a_warning(Consumer consumer)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs(), consumer, null, ConsumerSource);

        Assert.Empty(result.Diagnostics);
        // Checked with nullable flow analysis on, which the generated files leave off.
        Assert.All(output.SyntaxTrees.Skip(1).Where(tree => !tree.FilePath.EndsWith(Emitting.PolyfillEmitter.HintName, System.StringComparison.Ordinal)), tree => Assert.Contains("#nullable enable\n", tree.ToString(), System.StringComparison.Ordinal));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Without Microsoft.Extensions.Http there is nothing DI-related (SpecClient.Client.Tests has it, and the registration).
        Assert.Null(output.GetTypeByMetadataName("WeTransform.Client.WeTransformServiceCollectionExtensions"));
    }

    [Fact]
    public void Netstandard20_gets_the_compiler_attributes_it_lacks_and_net80_does_not()
    {
        var (netStandard, _) = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs(), Consumer.NetStandard20);
        var (net80, _) = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs(), Consumer.Net80);

        var polyfills = GeneratorHarness.Polyfills(netStandard);
        Assert.Contains("class IsExternalInit", polyfills, System.StringComparison.Ordinal);
        Assert.Contains("class RequiredMemberAttribute", polyfills, System.StringComparison.Ordinal);
        Assert.DoesNotContain(net80.Results[0].GeneratedSources, s => s.HintName == PolyfillEmitter.HintName);
    }

    [Fact]
    public void SpecClientNamespace_puts_every_api_into_one_namespace()
    {
        var compilation = GeneratorHarness.Compilation(Consumer.Net80);
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.RepositorySpecs(), properties: new System.Collections.Generic.Dictionary<string, string> { ["SpecClientNamespace"] = "Acme.Clients" });

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        output = GeneratorHarness.WithNullableFlowAnalysis(output);

        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("Acme.Clients.WeTransformClient"));
        Assert.NotNull(output.GetTypeByMetadataName("Acme.Clients.OracleCommerceAdminClient"));
        Assert.Null(output.GetTypeByMetadataName("WeTransform.Client.WeTransformClient"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData(Consumer.Net80)]
    [InlineData(Consumer.NetStandard20)]
    public void Test_fakes_are_emitted_on_request_and_compile_without_a_warning(Consumer consumer)
    {
        var compilation = GeneratorHarness.Compilation(consumer);
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.RepositorySpecs(), consumer, properties: new System.Collections.Generic.Dictionary<string, string> { ["SpecClientFakes"] = "true" });

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        output = GeneratorHarness.WithNullableFlowAnalysis(output);

        var fakes = driver.GetRunResult().Results[0].GeneratedSources.Where(s => s.HintName.EndsWith(".Fakes.g.cs", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "specs.oracle-commerce.oracle-commerce-admin.Fakes.g.cs", "specs.wetransform.wetransform.Fakes.g.cs" }, fakes.Select(f => f.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        if (consumer == Consumer.Net80)
        {
            Snapshot.Verify("specs.wetransform.wetransform.Fakes", fakes.Single(f => f.HintName.StartsWith("specs.wetransform", System.StringComparison.Ordinal)).SourceText.ToString());
        }
    }

    [Fact]
    public void No_fakes_unless_asked()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs());
        Assert.DoesNotContain(result.Results[0].GeneratedSources, s => s.HintName.EndsWith(".Fakes.g.cs", System.StringComparison.Ordinal));
    }
}
