// Compiled into the end-to-end class libraries: it calls the generated client, so that
// generated code and its use both build with warnings as errors.
using System;
using System.Net.Http;
using System.Threading.Tasks;
using WeTransform.Client;

namespace E2eLibrary
{
    /// <summary>Reads a submission through the generated client.</summary>
    public static class SubmissionReader
    {
        /// <summary>The customer of a submission.</summary>
        public static async Task<string?> CustomerAsync(HttpClient http, Guid submissionId)
        {
            var response = await new WeTransformClient(http).Submissions.ReadAsync(submissionId).ConfigureAwait(false);
            return response.Payload.CustomerName;
        }
    }
}
