using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// Walks the pages of a list endpoint for its generated <c>...AllAsync</c> method: one request per
/// page, sent when the enumeration reaches it, stopping at an empty page or at the total the
/// response gives.
/// </summary>
public static class Pages
{
    /// <summary>The items of pages numbered from <paramref name="firstPage"/>.</summary>
    /// <param name="firstPage">The number of the first page, 0 or 1.</param>
    /// <param name="fetch">Sends the request for one page number.</param>
    /// <param name="items">The items of a page; null or empty ends the walk.</param>
    /// <param name="pageCount">The number of pages a response gives, or null when it gives none.</param>
    /// <param name="cancellationToken">Cancels the walk, with the token passed to WithCancellation.</param>
    public static IAsyncEnumerable<TItem> ByPageNumberAsync<TPage, TItem>(
        long firstPage,
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, long?> pageCount,
        CancellationToken cancellationToken = default)
        => WalkAsync(firstPage, byItems: false, fetch ?? throw new ArgumentNullException(nameof(fetch)), items ?? throw new ArgumentNullException(nameof(items)), pageCount ?? throw new ArgumentNullException(nameof(pageCount)), cancellationToken);

    /// <summary>The items of pages that start at an offset, from 0, each after the last item of the one before.</summary>
    /// <param name="fetch">Sends the request for one offset.</param>
    /// <param name="items">The items of a page; null or empty ends the walk.</param>
    /// <param name="total">The number of items a response gives, or null when it gives none.</param>
    /// <param name="cancellationToken">Cancels the walk, with the token passed to WithCancellation.</param>
    public static IAsyncEnumerable<TItem> ByOffsetAsync<TPage, TItem>(
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, long?> total,
        CancellationToken cancellationToken = default)
        => WalkAsync(0, byItems: true, fetch ?? throw new ArgumentNullException(nameof(fetch)), items ?? throw new ArgumentNullException(nameof(items)), total ?? throw new ArgumentNullException(nameof(total)), cancellationToken);

    /// <summary>
    /// Fetches from <paramref name="start"/>, moving on by one page or by the items of the page,
    /// until a page is empty or the position reaches the total a response gives (counted from the start).
    /// </summary>
    private static async IAsyncEnumerable<TItem> WalkAsync<TPage, TItem>(
        long start,
        bool byItems,
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, long?> total,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var position = start; ;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await fetch(position, cancellationToken).ConfigureAwait(false);
            var list = items(response);
            if (list is null || list.Count == 0)
            {
                yield break;
            }

            foreach (var item in list)
            {
                yield return item;
            }

            position += byItems ? list.Count : 1;
            if (total(response) is { } count && position - start >= count)
            {
                yield break;
            }
        }
    }
}
