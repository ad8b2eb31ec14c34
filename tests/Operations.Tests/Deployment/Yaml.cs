using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>
/// A YAML document read as plain maps, lists and strings (merge keys <c>&lt;&lt;: *anchor</c> resolved, as Docker
/// Compose does), with small accessors that fail with the path they were looking for.
/// </summary>
public sealed class Yaml(object? value, string path)
{
    public string Path { get; } = path;
    public object? Value { get; } = value;

    public static IReadOnlyList<Yaml> LoadAll(string relativePath)
    {
        using var reader = new StringReader(Repository.Read(relativePath));
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Yaml>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object?>(parser);
            if (document is not null) documents.Add(new Yaml(document, $"{relativePath}#{documents.Count}"));
        }
        return documents;
    }

    public static Yaml Load(string relativePath) => LoadAll(relativePath).Single();

    public bool Has(string key) => Value is IDictionary<object, object?> map && map.ContainsKey(key);

    public Yaml this[string key] => Value is IDictionary<object, object?> map && map.TryGetValue(key, out var child)
        ? new Yaml(child, $"{Path}.{key}")
        : throw new Xunit.Sdk.XunitException($"{Path} has no '{key}'");

    public Yaml? Optional(string key) => Has(key) ? this[key] : null;

    public IEnumerable<KeyValuePair<string, Yaml>> Entries => Value is IDictionary<object, object?> map
        ? map.Select(e => new KeyValuePair<string, Yaml>((string)e.Key, new Yaml(e.Value, $"{Path}.{e.Key}")))
        : throw new Xunit.Sdk.XunitException($"{Path} is not a map");

    public IEnumerable<Yaml> Items => Value is IList<object?> list
        ? list.Select((item, i) => new Yaml(item, $"{Path}[{i}]"))
        : throw new Xunit.Sdk.XunitException($"{Path} is not a list");

    public string Text => Value as string ?? throw new Xunit.Sdk.XunitException($"{Path} is not a scalar");

    /// <summary>A map of scalars (an environment block, a ConfigMap's data).</summary>
    public IReadOnlyDictionary<string, string> Strings => Entries.ToDictionary(e => e.Key, e => e.Value.Text);

    public override string ToString() => Path;
}
