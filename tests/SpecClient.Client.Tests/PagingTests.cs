using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using Edge.Client;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>The ...AllAsync methods of paged endpoints against Kestrel: page numbers (WeTransform) and offsets (Edge, as Oracle Commerce pages).</summary>
public class PagingTests
{
    [Fact]
    public async Task Three_pages_are_walked_lazily_and_a_cancel_in_the_middle_of_the_fourth_stops_it()
    {
        await using var server = await LoopbackServer.StartAsync(request =>
        {
            var page = int.Parse(Query(request, "page")!, System.Globalization.CultureInfo.InvariantCulture);
            var response = CustomerPage(page, totalPages: 5, "c" + page + "a", "c" + page + "b");
            return page == 4 ? response with { Delay = TimeSpan.FromSeconds(30) } : response;
        });
        using var http = server.CreateClient();
        var client = new WeTransformClient(http);
        using var cancel = new CancellationTokenSource();
        var seen = new List<string?>();

        var customers = client.Customers.ListAllAsync(perPage: 2, criteria: "acme");
        Assert.Empty(server.Requests);
        var walk = async () =>
        {
            await foreach (var customer in customers.WithCancellation(cancel.Token))
            {
                seen.Add(customer.CustomerId);
                if (seen.Count == 6)
                {
                    // The next item needs the fourth page: cancel while its request waits for the server.
                    cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
                }
            }
        };

        var stopped = await Assert.ThrowsAnyAsync<OperationCanceledException>(walk);
        Assert.Equal(cancel.Token, stopped.CancellationToken);
        Assert.Equal(new[] { "c1a", "c1b", "c2a", "c2b", "c3a", "c3b" }, seen);
        Assert.Equal(new[] { "1", "2", "3", "4" }, server.Requests.Select(r => Query(r, "page")));
        Assert.All(server.Requests, r => Assert.Equal(("2", "acme"), (Query(r, "per_page"), Query(r, "criteria"))));
    }

    [Fact]
    public async Task The_walk_stops_at_the_last_page_the_response_gives()
    {
        await using var server = await LoopbackServer.StartAsync(request =>
            CustomerPage(int.Parse(Query(request, "page")!, System.Globalization.CultureInfo.InvariantCulture), totalPages: 2, "x", "y"));
        using var http = server.CreateClient();

        var all = await ToListAsync(new WeTransformClient(http).Customers.ListAllAsync());

        Assert.Equal(4, all.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Breaking_out_after_the_first_item_sends_one_request()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CustomerPage(1, totalPages: 5, "only"));
        using var http = server.CreateClient();

        await foreach (var customer in new WeTransformClient(http).Customers.ListAllAsync())
        {
            Assert.Equal("only", customer.CustomerId);
            break;
        }

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Offsets_advance_by_the_items_of_each_page_until_the_total()
    {
        var reports = Enumerable.Range(1, 5).Select(i => "r" + i).ToArray();
        await using var server = await LoopbackServer.StartAsync(request => ReportPage(reports, request, total: reports.Length));
        using var http = server.CreateClient();

        var all = await ToListAsync(new EdgeClient(http).Reports.ListAllAsync(limit: 2));

        Assert.Equal(reports, all.Select(r => r.Id));
        Assert.Equal(new[] { "0", "2", "4" }, server.Requests.Select(r => Query(r, "offset")));
        Assert.All(server.Requests, r => Assert.Equal("2", Query(r, "limit")));
    }

    [Fact]
    public async Task Without_a_total_an_empty_page_ends_the_walk()
    {
        var reports = new[] { "a", "b", "c", "d" };
        await using var server = await LoopbackServer.StartAsync(request => ReportPage(reports, request, total: null));
        using var http = server.CreateClient();

        var all = await ToListAsync(new EdgeClient(http).Reports.ListAllAsync(limit: 2));

        Assert.Equal(reports, all.Select(r => r.Id));
        Assert.Equal(new[] { "0", "2", "4" }, server.Requests.Select(r => Query(r, "offset")));
    }

    [Fact]
    public async Task An_error_on_a_later_page_surfaces_as_the_API_exception_after_the_earlier_items()
    {
        await using var server = await LoopbackServer.StartAsync(request => Query(request, "page") == "1"
            ? CustomerPage(1, totalPages: 3, "first")
            : CannedResponse.Documented(403, "forbidden.json"));
        using var http = server.CreateClient();
        var seen = new List<string?>();

        var error = await Assert.ThrowsAsync<WeTransformException>(async () =>
        {
            await foreach (var customer in new WeTransformClient(http).Customers.ListAllAsync())
            {
                seen.Add(customer.CustomerId);
            }
        });

        Assert.Equal(new[] { "first" }, seen);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    private static string? Query(RecordedRequest request, string name) => HttpUtility.ParseQueryString(request.Query)[name];

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static CannedResponse CustomerPage(int page, int totalPages, params string[] ids)
    {
        var entries = string.Join(",", ids.Select(id => $$"""{"customer_id":"{{id}}","templates":[],"external_id":null}"""));
        return new CannedResponse(200, $$"""{"success":true,"payload":{"total_pages":{{totalPages}},"current_page":{{page}},"total_items":{{totalPages * ids.Length}},"items_per_page":{{ids.Length}},"entries":[{{entries}}]},"product":null,"debug":[]}""");
    }

    private static CannedResponse ReportPage(string[] reports, RecordedRequest request, int? total)
    {
        var offset = int.Parse(Query(request, "offset")!, System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(Query(request, "limit")!, System.Globalization.CultureInfo.InvariantCulture);
        var items = string.Join(",", reports.Skip(offset).Take(limit).Select(id => $$"""{"id":"{{id}}"}"""));
        var totalMember = total is null ? string.Empty : "\"totalResults\":" + total + ",";
        return new CannedResponse(200, "{\"ok\":true,\"data\":{" + totalMember + "\"items\":[" + items + "]}}");
    }
}
