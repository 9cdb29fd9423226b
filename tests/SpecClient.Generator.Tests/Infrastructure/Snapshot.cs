using System;
using System.IO;
using Xunit.Sdk;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with a committed Snapshots/NAME.verified.cs. On a mismatch it writes
/// NAME.received.cs beside it and fails; with SPECCLIENT_ACCEPT_SNAPSHOTS=1 it accepts the new text.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "SPECCLIENT_ACCEPT_SNAPSHOTS";

    /// <summary>Found from the repository root: CI builds map source paths (ContinuousIntegrationBuild), so [CallerFilePath] would not do.</summary>
    private static readonly string Directory = Path.Combine(Repository.Root, "tests", "SpecClient.Generator.Tests", "Snapshots");

    public static void Verify(string name, string actual)
    {
        var directory = Directory;
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;

        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        throw new XunitException(expected is null
            ? $"No snapshot {verified} yet. Review {received}, then run the tests with {AcceptVariable}=1 to accept it."
            : $"Generated source differs from {verified} at {FirstDifference(expected, actual)}. Review {received}; run with {AcceptVariable}=1 to accept it.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var line = 1;
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            if (expected[i] != actual[i])
            {
                return $"line {line}";
            }

            if (expected[i] == '\n')
            {
                line++;
            }
        }

        return $"line {line} (one text is longer)";
    }
}
