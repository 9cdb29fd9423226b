using System;
using System.IO;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Every descriptor is documented, released, and links to its own section of the docs.</summary>
public class DiagnosticCatalogueTests
{
    [Fact]
    public void Every_diagnostic_has_a_docs_section_a_release_entry_and_a_help_link()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md"));
        var releases = File.ReadAllText(Path.Combine(Repository.Root, "generator", "AnalyzerReleases.Unshipped.md"));
        var catalogue = DiagnosticDescriptors.Catalogue.ToList();

        Assert.Equal(19, catalogue.Count);
        foreach (var descriptor in catalogue)
        {
            Assert.Contains("## " + descriptor.Id + "\n", docs, StringComparison.Ordinal);
            Assert.Contains(descriptor.Id + " | SpecClient | " + descriptor.DefaultSeverity + " |", releases, StringComparison.Ordinal);
            Assert.EndsWith("#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }
}
