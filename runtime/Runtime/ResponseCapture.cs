using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// Keeps the status and headers of one successful call for a <c>...WithResponseAsync</c> method.
/// The plain methods pass null, so that they pay nothing for it.
/// </summary>
public sealed class ResponseCapture
{
    private ApiResponse? _response;

    private ResponseCapture()
    {
    }

    /// <summary>Runs a call that returns a value, and gives the value with its status and headers.</summary>
    /// <param name="send">The call, given the capture to pass to the transport.</param>
    public static async Task<ApiResponse<T>> ReadAsync<T>(Func<ResponseCapture, Task<T>> send)
    {
        var capture = new ResponseCapture();
        var value = await (send ?? throw new ArgumentNullException(nameof(send)))(capture).ConfigureAwait(false);
        return new ApiResponse<T>(value, capture.Response);
    }

    /// <summary>Runs a call whose success has no body, and gives its status and headers.</summary>
    /// <param name="send">The call, given the capture to pass to the transport.</param>
    public static async Task<ApiResponse> ReadAsync(Func<ResponseCapture, Task> send)
    {
        var capture = new ResponseCapture();
        await (send ?? throw new ArgumentNullException(nameof(send)))(capture).ConfigureAwait(false);
        return capture.Response;
    }

    private ApiResponse Response => _response ?? throw new InvalidOperationException("The call completed without a response to capture.");

    /// <summary>Keeps the headers (not the message: its body is gone by the time the caller reads them).</summary>
    internal void Capture(HttpResponseMessage response)
        => _response = new ApiResponse(response.StatusCode, response.Headers, response.Content?.Headers);
}
