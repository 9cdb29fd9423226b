using System;
using System.Globalization;
using System.Threading;
using SpecClient.Runtime;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>The runtime pieces generated code calls, on their own.</summary>
public class RuntimeTests
{
    [Fact]
    public void Query_string_leaves_out_nulls_and_encodes_names_and_values()
    {
        var query = new QueryString()
            .Add("name", "Bob & Alice")
            .Add("missing", (string?)null)
            .Add("page size", 20L)
            .Add("ratio", 0.5)
            .Add("active", true)
            .Add("since", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("?name=Bob%20%26%20Alice&page%20size=20&ratio=0.5&active=true&since=2021-01-01T00%3A00%3A00.0000000%2B00%3A00", query.ToString());
        Assert.Equal(string.Empty, new QueryString().Add("a", (long?)null).ToString());
    }

    [Theory]
    [InlineData(QueryStyle.Form, "?ids=1&ids=2&size=L&note=a%20b")]
    [InlineData(QueryStyle.Comma, "?ids=1,2&filter=size,L,note,a%20b")]
    [InlineData(QueryStyle.Brackets, "?ids[]=1&ids[]=2&filter[size]=L&filter[note]=a%20b")]
    [InlineData(QueryStyle.DeepObject, "?ids=1&ids=2&filter[size]=L&filter[note]=a%20b")]
    public void Lists_and_objects_follow_the_query_style(QueryStyle style, string expected)
    {
        var filter = new System.Collections.Generic.Dictionary<string, string> { ["size"] = "L", ["note"] = "a b" };

        var query = new QueryString()
            .AddList("ids", new long[] { 1, 2 }, ScalarConverters.ForInteger, style)
            .AddList<long>("none", null, ScalarConverters.ForInteger, style)
            .AddObject("filter", filter, new JsonMapConverter<string>(ScalarConverters.ForString), style);

        Assert.Equal(expected, query.ToString());
    }

    [Fact]
    public void An_empty_list_adds_nothing_in_any_style()
    {
        foreach (var style in Enum.GetValues<QueryStyle>())
        {
            Assert.Equal(string.Empty, new QueryString().AddList("ids", Array.Empty<long>(), ScalarConverters.ForInteger, style).ToString());
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task A_multipart_body_sent_twice_sends_the_file_whole_twice()
    {
        using var file = new System.IO.MemoryStream(new byte[] { 1, 2, 3, 4 });
        file.Position = 1;
        using var content = new MultipartBody().Add("f", new FilePart(file, "f.bin")).ToContent();

        using var first = new System.IO.MemoryStream();
        using var second = new System.IO.MemoryStream();
        await content.CopyToAsync(first);
        await content.CopyToAsync(second);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Contains("\x02\x03\x04", System.Text.Encoding.Latin1.GetString(second.ToArray()), StringComparison.Ordinal);
        Assert.Equal(first.Length, content.Headers.ContentLength);
    }

    [Fact]
    public void Brackets_index_lists_of_objects_and_nest_deeper_levels()
    {
        var rows = new[]
        {
            new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<string>> { ["tags"] = new[] { "x", "y" } },
        };
        var converter = new JsonMapConverter<System.Collections.Generic.IReadOnlyList<string>>(new JsonListConverter<string>(ScalarConverters.ForString));

        var query = new QueryString().AddList("rows", rows, converter, QueryStyle.Brackets);

        Assert.Equal("?rows[0][tags][]=x&rows[0][tags][]=y", query.ToString());
    }

    [Fact]
    public void Query_values_do_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("?ratio=1.5", new QueryString().Add("ratio", 1.5).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Route_pattern_rejects_with_parameter_value_and_pattern_in_the_message()
    {
        var pattern = new RoutePattern("callNumber", @"\d+", @"\A(?:[0-9]+)\z");

        pattern.Validate("7750");
        var e = Assert.Throws<ArgumentException>(() => pattern.Validate("77a"));

        Assert.Equal("callNumber", e.ParamName);
        Assert.Contains("\"77a\"", e.Message, StringComparison.Ordinal);
        Assert.Contains(@"\d+", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_pattern_builds_its_regex_once_across_threads()
    {
        var pattern = new RoutePattern("id", "[a-z]+", @"\A(?:[a-z]+)\z");
        var failures = 0;
        var threads = new Thread[4];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(() =>
            {
                for (var n = 0; n < 1000; n++)
                {
                    if (!pattern.IsMatch("abc") || pattern.IsMatch("ab1"))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            });
            threads[i].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(0, failures);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_catastrophic_pattern_ends_with_an_argument_exception_at_its_timeout()
    {
        var pattern = new RoutePattern("id", "(a+)+$", @"\A(?:(a+)+$)\z");
        var value = new string('a', 40) + "!";

        // A watchdog for termination, far above the one-second match timeout; not a speed check.
        var check = System.Threading.Tasks.Task.Run(() => Assert.Throws<ArgumentException>(() => pattern.Validate(value)));
        var e = await check.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("could not be checked", e.Message, StringComparison.Ordinal);
    }
}
