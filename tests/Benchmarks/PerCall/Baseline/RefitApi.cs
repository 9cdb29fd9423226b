using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace SpecClient.Benchmarks.Baseline;

/// <summary>The same endpoints through Refit 16.4, with the hand-written DTOs and their System.Text.Json context.</summary>
public interface IRefitWeTransform
{
    [Get("/sender/submission/{submissionId}")]
    Task<Envelope<Submission>> ReadSubmissionAsync(string submissionId, CancellationToken cancellationToken = default);

    [Post("/power-functions/{callId}/{callNumber}/abort")]
    Task<Envelope<PowerFunctionAbort>> AbortAsync(string callId, string callNumber, CancellationToken cancellationToken = default);

    [Get("/template/{templateHandle}")]
    Task<Envelope<Template>> ReadTemplateAsync(string templateHandle, CancellationToken cancellationToken = default);

    [Get("/en/hello")]
    Task<Envelope<Greeting>> HelloAsync(string name, CancellationToken cancellationToken = default);

    [Post("/ccadmin/v1/importProcess/{token}/abort")]
    Task<AbortImportProcess> AbortImportProcessAsync(string token, [Body] object body, CancellationToken cancellationToken = default);
}
