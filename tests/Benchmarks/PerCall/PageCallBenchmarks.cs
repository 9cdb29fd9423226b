using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OracleCommerce.Admin;
using WeTransform.Client;

namespace SpecClient.Benchmarks;

/// <summary>
/// Calls that the pages beyond the seeds need, over an in-memory handler answering with a
/// page-like response: a list of objects in the query string (WeTransform's customer list, PHP
/// brackets) and a multipart upload with a file part (Oracle Commerce's server extensions), each
/// beside a careful hand-written client, the baseline of its category.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PageCallBenchmarks
{
    private static readonly byte[] FileBytes = Encoding.ASCII.GetBytes(new string('x', 4096));

    private static readonly CustomersList.UserMetadataFilter[] Filters =
    {
        new() { Name = "type", Values = "human_resources,finance" },
        new() { Name = "region", Values = "emea" },
    };

    private static readonly PageBaseline.MetadataFilter[] BaselineFilters =
    {
        new() { Name = "type", Values = "human_resources,finance" },
        new() { Name = "region", Values = "emea" },
    };

    private (WeTransformClient Generated, PageBaseline.Client HandWritten) _customers;
    private (OracleCommerceAdminClient Generated, PageBaseline.Client HandWritten) _upload;

    [GlobalSetup]
    public void Setup()
    {
        var customers = CallBenchmarks.Http(HttpStatusCode.OK, "customer-list.json");
        _customers = (new WeTransformClient(customers), new PageBaseline.Client(customers));
        var upload = CallBenchmarks.Http(HttpStatusCode.OK, "server-extensions-upload.json");
        _upload = (new OracleCommerceAdminClient(upload), new PageBaseline.Client(upload));
    }

    [Benchmark(Baseline = true), BenchmarkCategory("customer list (query list of objects)")]
    public Task<PageBaseline.Envelope<PageBaseline.CustomerPage>> CustomersHandWritten() => _customers.HandWritten.ListCustomersAsync(BaselineFilters, 1, 25);

    [Benchmark, BenchmarkCategory("customer list (query list of objects)")]
    public Task<WeTransformResponse<CustomersList.CustomerPage>> CustomersGenerated() => _customers.Generated.Customers.ListAsync(Filters, page: 1, perPage: 25);

    [Benchmark(Baseline = true), BenchmarkCategory("server extension upload (multipart)")]
    public Task<PageBaseline.UploadResult> UploadHandWritten()
        => _upload.HandWritten.UploadAsync(new MemoryStream(FileBytes, writable: false), "ext.zip", force: true);

    [Benchmark, BenchmarkCategory("server extension upload (multipart)")]
    public Task<ServerExtensionsUpload.UploadResult> UploadGenerated()
        => _upload.Generated.ServerExtensions.UploadAsync(new FilePart(new MemoryStream(FileBytes, writable: false), "ext.zip", "application/zip"), "ext.zip", force: true);
}
