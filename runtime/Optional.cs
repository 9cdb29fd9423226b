using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace SpecClient;

/// <summary>
/// A member that may be absent, and when present may be null: the C# shape of a spec member that
/// is both optional and nullable. <c>default</c> is absent (left out of a request); any value,
/// null included, is present (sent). Assign a value directly: <c>Criteria = null</c> sends null.
/// </summary>
/// <typeparam name="T">The member's type, nullable.</typeparam>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The spec's word; Visual Basic callers write [Optional].")]
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>A present value, which may be null.</summary>
    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Whether the member is present (sent, or received), even as null.</summary>
    public bool HasValue { get; }

    /// <summary>The value; throws when the member is absent.</summary>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional member is absent: check HasValue first.");

    /// <summary>The value, or <paramref name="fallback"/> when the member is absent.</summary>
    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    /// <summary>A present value.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <inheritdoc/>
    public bool Equals(Optional<T> other) => HasValue == other.HasValue && EqualityComparer<T>.Default.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HasValue ? (_value is null ? 1 : _value.GetHashCode()) : 0;

    /// <summary>The value's text, "null", or "(absent)".</summary>
    public override string ToString() => !HasValue ? "(absent)" : _value?.ToString() ?? "null";

    /// <summary>Whether both are absent, or both present with equal values.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>The opposite of ==.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);
}
