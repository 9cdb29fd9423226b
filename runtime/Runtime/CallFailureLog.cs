using System;

namespace SpecClient.Runtime;

/// <summary>
/// Receives each failed call of a client: an error status, a malformed response, a broken
/// connection or a timeout. A call cancelled by its caller's token is not passed here. The generated
/// dependency-injection registration passes one that writes to the client's ILogger.
/// </summary>
/// <param name="operation">The endpoint that was called.</param>
/// <param name="statusCode">The status the server answered with, or null when no response arrived.</param>
/// <param name="elapsed">From the start of the call to the failure.</param>
/// <param name="exception">What the caller receives.</param>
public delegate void CallFailureLog(ApiOperation operation, int? statusCode, TimeSpan elapsed, Exception exception);
