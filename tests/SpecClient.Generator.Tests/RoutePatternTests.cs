using System;
using System.Text.RegularExpressions;
using SpecClient.Generator.Patterns;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>The regex derived from a documented pattern matches whole values of ASCII digits only.</summary>
public class RoutePatternTests
{
    private const string Uuid = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";

    private static bool Matches(string documented, string value)
        => new Regex(RoutePatterns.Anchor(documented), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).IsMatch(value);

    [Theory]
    [InlineData("0", true)]
    [InlineData("7750", true)]
    [InlineData("12abc", false)]
    [InlineData("abc12", false)]
    [InlineData("12\n", false)]
    [InlineData("\u0663", false)]
    [InlineData("1\u0663", false)]
    [InlineData("", false)]
    [InlineData(" 12", false)]
    public void Digits_pattern_accepts_whole_ascii_digit_strings_only(string value, bool expected)
        => Assert.Equal(expected, Matches(@"\d+", value));

    [Theory]
    [InlineData("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d", true)]
    [InlineData("CBE6D17E-9C19-4AC3-BAF5-8E7E4BB53E3D", true)]
    [InlineData("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d\n", false)]
    [InlineData("xcbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d", false)]
    [InlineData("cbe6d17e9c194ac3baf58e7e4bb53e3d", false)]
    public void Uuid_pattern_matches_whole_values(string value, bool expected)
        => Assert.Equal(expected, Matches(Uuid, value));

    [Fact]
    public void Digit_classes_inside_brackets_become_ascii_too()
    {
        Assert.Equal(@"\A(?:[0-9a-f]+)\z", RoutePatterns.Anchor(@"[\da-f]+"));
        Assert.Equal(@"\A(?:[^0-9]x)\z", RoutePatterns.Anchor(@"\Dx"));
        Assert.Equal(@"\A(?:[]\d]x)\z".Replace(@"\d", "0-9", StringComparison.Ordinal), RoutePatterns.Anchor(@"[]\d]x"));
        Assert.Equal(@"\A(?:\\d)\z", RoutePatterns.Anchor(@"\\d"));
    }

    [Fact]
    public void Alternations_stay_inside_the_anchors()
    {
        Assert.False(Matches("a|b", "ab"));
        Assert.True(Matches("a|b", "b"));
    }

    [Theory]
    [InlineData(Uuid, true)]
    [InlineData("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", true)]
    [InlineData("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", false)]
    [InlineData(@"\d+", false)]
    public void Only_patterns_that_every_guid_matches_get_a_guid_overload(string pattern, bool expected)
        => Assert.Equal(expected, RoutePatterns.IsUuid(pattern));
}
