using System.Globalization;

namespace Search.Benchmarks;

/// <summary>--name value pairs and --flags after the command word.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument {args[i]}");
            }

            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            parsed._values[name] = value;
        }

        return parsed;
    }

    public string Get(string name) => _values.TryGetValue(name, out var v) && v is not null ? v : throw new ArgumentException($"--{name} is required");

    public string Get(string name, string fallback) => _values.TryGetValue(name, out var v) && v is not null ? v : fallback;

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) && v is not null ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.ContainsKey(name);
}
