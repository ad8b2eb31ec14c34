namespace CivilAffairs.ServiceDefaults.Documents;

public enum Comparison { Equal, In, AtLeast, After, AtMost, Before, NotEqual }

/// <summary>One condition on a declared field; values are normalised as <see cref="FieldValue"/> says.</summary>
public sealed record Condition(string Field, Comparison Comparison, IReadOnlyList<object?> Values);

public sealed record Ordering(string Field, bool Descending);

/// <summary>
/// A query over a collection's declared fields: equality, sets and ranges, an order (the id breaks ties, so pages are
/// stable), and a page (skip, limit). Immutable: each call gives a new query.
/// </summary>
public sealed record DocumentQuery
{
    public static readonly DocumentQuery All = new();

    public IReadOnlyList<Condition> Conditions { get; private init; } = [];
    public IReadOnlyList<Ordering> Order { get; private init; } = [];
    public int Skip { get; private init; }
    public int? Limit { get; private init; }

    public static DocumentQuery Where(string field, object? value) => All.And(field, value);

    public DocumentQuery And(string field, object? value) => With(new Condition(field, Comparison.Equal, [FieldValue.Normalize(value)]));

    public DocumentQuery AndNot(string field, object? value) => With(new Condition(field, Comparison.NotEqual, [FieldValue.Normalize(value)]));

    public DocumentQuery AndIn(string field, IEnumerable<object?> values) =>
        With(new Condition(field, Comparison.In, values.Select(FieldValue.Normalize).Distinct().ToArray()));

    /// <summary>From <paramref name="from"/> to <paramref name="to"/>, both included; a null end is open.</summary>
    public DocumentQuery AndBetween(string field, object? from, object? to)
    {
        var query = this;
        if (from is not null) query = query.With(new Condition(field, Comparison.AtLeast, [FieldValue.Normalize(from)]));
        if (to is not null) query = query.With(new Condition(field, Comparison.AtMost, [FieldValue.Normalize(to)]));
        return query;
    }

    public DocumentQuery AndAtLeast(string field, object value) => With(new Condition(field, Comparison.AtLeast, [FieldValue.Normalize(value)]));
    public DocumentQuery AndAfter(string field, object value) => With(new Condition(field, Comparison.After, [FieldValue.Normalize(value)]));
    public DocumentQuery AndAtMost(string field, object value) => With(new Condition(field, Comparison.AtMost, [FieldValue.Normalize(value)]));
    public DocumentQuery AndBefore(string field, object value) => With(new Condition(field, Comparison.Before, [FieldValue.Normalize(value)]));

    public DocumentQuery OrderBy(string field) => this with { Order = [.. Order, new Ordering(field, false)] };
    public DocumentQuery OrderByDescending(string field) => this with { Order = [.. Order, new Ordering(field, true)] };

    public DocumentQuery Page(int skip, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return this with { Skip = skip, Limit = limit };
    }

    public DocumentQuery Take(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return this with { Limit = limit };
    }

    private DocumentQuery With(Condition condition) => this with { Conditions = [.. Conditions, condition] };

    /// <summary>Refuses a query an engine could not answer the same way as the other: unknown fields, ranges or orders
    /// on a multi-valued field.</summary>
    internal void Check(IDocumentCollection collection)
    {
        foreach (var condition in Conditions)
        {
            var field = collection.Field(condition.Field);
            if (field.Many && condition.Comparison is not (Comparison.Equal or Comparison.In))
                throw new ArgumentException($"'{field.Name}' of '{collection.Name}' has many values: only equality and sets are supported");
        }
        foreach (var order in Order)
            if (collection.Field(order.Field).Many)
                throw new ArgumentException($"cannot order '{collection.Name}' by its multi-valued field '{order.Field}'");
    }
}

/// <summary>A group of documents with the same values of the grouping fields: how many, and the sum of a field.</summary>
public sealed record FieldGroup(IReadOnlyList<object?> Key, long Count, double Sum);
