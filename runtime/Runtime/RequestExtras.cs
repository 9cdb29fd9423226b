using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>
/// What one endpoint adds to its calls beyond the API's: header parameters of its own, and what its
/// page says of error statuses (quoted in the exception's message) and the bodies it types for some of
/// them. Null header values are left out.
/// </summary>
public sealed class RequestExtras
{
    private static readonly char[] LineBreaks = { '\r', '\n' };

    private readonly Func<int, string?>? _documentedErrors;
    private readonly Func<ApiFailure, object?>? _readErrorBody;
    private List<KeyValuePair<string, string>>? _headers;

    /// <param name="documentedErrors">What the endpoint's page says a status means, or null when it says nothing.</param>
    /// <param name="readErrorBody">Reads an error body as the endpoint's page types it for the status, or null.</param>
    public RequestExtras(Func<int, string?>? documentedErrors = null, Func<ApiFailure, object?>? readErrorBody = null)
    {
        _documentedErrors = documentedErrors;
        _readErrorBody = readErrorBody;
    }

    /// <summary>Adds a header; null adds nothing.</summary>
    public RequestExtras AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Adds an integer header in invariant culture; null adds nothing.</summary>
    public RequestExtras AddHeader(string name, long? value) => AddHeader(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds true or false; null adds nothing.</summary>
    public RequestExtras AddHeader(string name, bool? value) => AddHeader(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a number in invariant culture, round-trippable; null adds nothing.</summary>
    public RequestExtras AddHeader(string name, double? value) => AddHeader(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds an ISO 8601 date-time; null adds nothing.</summary>
    public RequestExtras AddHeader(string name, DateTimeOffset? value) => AddHeader(name, value?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Sets the headers on a request. Values are validated: a line break throws before anything is sent.</summary>
    internal void ApplyTo(HttpRequestMessage request)
    {
        if (_headers is null)
        {
            return;
        }

        foreach (var header in _headers)
        {
            if (header.Value.IndexOfAny(LineBreaks) >= 0)
            {
                throw new ArgumentException($"The value of header '{header.Key}' holds a line break. The request was not sent.", header.Key);
            }

            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>What the endpoint's page says <paramref name="status"/> means, or null.</summary>
    internal string? DescribeError(int status) => _documentedErrors?.Invoke(status);

    /// <summary>The error body as the endpoint's page types it for the failure's status, or null.</summary>
    internal object? ReadErrorBody(ApiFailure failure) => _readErrorBody?.Invoke(failure);
}
