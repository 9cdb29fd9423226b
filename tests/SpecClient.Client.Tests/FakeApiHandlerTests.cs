using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Testing;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>The fake's routing and recording, on a handler with overlapping routes.</summary>
public class FakeApiHandlerTests
{
    private sealed class Overlapping : FakeApiHandler
    {
        public Overlapping()
        {
            Add("Items.Read", "GET", "/items/{id}", new Dictionary<int, string> { [200] = "\"item\"" });
            Add("Shops.ReadItem", "GET", "/shops/{shopId}/items/{id}", new Dictionary<int, string> { [200] = "\"shop item\"" });
            Add("Items.Create", "POST", "/items", new Dictionary<int, string> { [201] = "\"created\"", [409] = "\"conflict\"" });
            Add("Files.Read", "GET", "/files/a%20b", new Dictionary<int, string> { [200] = "\"file\"" });
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(Overlapping fake, HttpMethod method, string path, HttpContent? content = null)
    {
        using var http = new HttpClient(fake) { BaseAddress = new Uri("http://fake.test/base/") };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_most_specific_route_wins()
    {
        using var fake = new Overlapping();

        Assert.Equal((HttpStatusCode.OK, "\"shop item\""), await SendAsync(fake, HttpMethod.Get, "shops/1/items/2"));
        Assert.Equal((HttpStatusCode.OK, "\"item\""), await SendAsync(fake, HttpMethod.Get, "items/3"));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(fake, HttpMethod.Delete, "items/3")).Status);
    }

    [Fact]
    public async Task Without_a_200_example_the_documented_2xx_answers()
    {
        using var fake = new Overlapping();
        Assert.Equal((HttpStatusCode.Created, "\"created\""), await SendAsync(fake, HttpMethod.Post, "items", new StringContent("{\"name\":\"x\"}")));
    }

    [Fact]
    public async Task Escaped_template_segments_match_escaped_requests()
    {
        using var fake = new Overlapping();
        Assert.Equal((HttpStatusCode.OK, "\"file\""), await SendAsync(fake, HttpMethod.Get, "files/a%20b"));
    }

    [Fact]
    public async Task Recorded_requests_stay_readable_after_the_client_disposed_them()
    {
        using var fake = new Overlapping();
        await SendAsync(fake, HttpMethod.Post, "items", new StringContent("{\"name\":\"x\"}"));

        var request = Assert.Single(fake.Requests);
        Assert.Equal(("POST", "{\"name\":\"x\"}"), (request.Method, request.Body));
    }
}
