using System;
using System.Text.RegularExpressions;
using System.Threading;

namespace SpecClient.Runtime;

/// <summary>
/// The documented pattern of one route parameter. The regex is built on first use and cached; it
/// must match the whole value, and a match timeout bounds any pattern's cost.
/// </summary>
public sealed class RoutePattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly string _parameterName;
    private readonly string _anchoredPattern;
    private Regex? _regex;

    /// <param name="parameterName">The C# parameter name, for the exception.</param>
    /// <param name="documentedPattern">The pattern as the documentation writes it, for the exception message.</param>
    /// <param name="anchoredPattern">The pattern the generator derived: anchored with \A(?:...)\z and with \d limited to ASCII digits.</param>
    public RoutePattern(string parameterName, string documentedPattern, string anchoredPattern)
    {
        _parameterName = parameterName;
        DocumentedPattern = documentedPattern;
        _anchoredPattern = anchoredPattern;
    }

    /// <summary>The pattern as the documentation writes it.</summary>
    public string DocumentedPattern { get; }

    private Regex Regex
    {
        get
        {
            var regex = Volatile.Read(ref _regex);
            if (regex is null)
            {
                regex = new Regex(_anchoredPattern, RegexOptions.CultureInvariant, MatchTimeout);
                regex = Interlocked.CompareExchange(ref _regex, regex, null) ?? regex;
            }

            return regex;
        }
    }

    /// <summary>True when the whole value matches; a match that times out counts as no match.</summary>
    public bool IsMatch(string value) => Match(value) == true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the parameter, the value and the pattern unless the whole value matches.</summary>
    public void Validate(string value)
    {
        UriPath.CheckSegment(value, _parameterName);
        switch (Match(value))
        {
            case true:
                return;
            case false:
                throw new ArgumentException(
                    $"The value {UriPath.Quote(value)} of route parameter '{_parameterName}' does not match its documented pattern {DocumentedPattern}. The request was not sent.",
                    _parameterName);
            default:
                throw new ArgumentException(
                    $"The value of route parameter '{_parameterName}' could not be checked against its documented pattern {DocumentedPattern} within {MatchTimeout.TotalSeconds:0.#} s. The request was not sent.",
                    _parameterName);
        }
    }

    /// <summary>Whether the whole value matches; null when matching timed out.</summary>
    private bool? Match(string value)
    {
        try
        {
            return Regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
