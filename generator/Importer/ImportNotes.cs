using System.Collections.Generic;

namespace SpecClient.Importer;

/// <summary>How much of an operation the format expresses.</summary>
internal enum Outcome
{
    /// <summary>Everything the document says of it.</summary>
    Full,

    /// <summary>Written, with some part given the closest documented fallback (say, any).</summary>
    Fallback,

    /// <summary>Not written: the format cannot express something it needs.</summary>
    Skipped,
}

/// <summary>What the importer had to choose for one operation: each fallback's reason, or why it was skipped.</summary>
internal sealed class ImportNotes
{
    private readonly List<string> _fallbacks = new();

    public IReadOnlyList<string> Fallbacks => _fallbacks;

    public string? SkipReason { get; private set; }

    public Outcome Outcome => SkipReason is not null ? Outcome.Skipped : _fallbacks.Count > 0 ? Outcome.Fallback : Outcome.Full;

    /// <summary>Records a fallback; the reason is a short phrase that counts alike across documents ("oneOf/anyOf polymorphism").</summary>
    public void Fallback(string reason, string? where = null)
    {
        var note = where is null ? reason : reason + " (" + where + ")";
        if (!_fallbacks.Contains(note))
        {
            _fallbacks.Add(note);
        }
    }

    public void Skip(string reason) => SkipReason ??= reason;

    /// <summary>The reasons alone, for counting: "oneOf/anyOf polymorphism (pet)" counts as "oneOf/anyOf polymorphism".</summary>
    public IEnumerable<string> Reasons()
    {
        if (SkipReason is not null)
        {
            yield return "skipped: " + SkipReason;
            yield break;
        }

        foreach (var note in _fallbacks)
        {
            var open = note.IndexOf(" (", System.StringComparison.Ordinal);
            yield return open < 0 ? note : note.Substring(0, open);
        }
    }
}
