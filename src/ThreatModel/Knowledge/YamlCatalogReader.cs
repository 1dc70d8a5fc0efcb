using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Vigil.ThreatModel.Knowledge;

/// <summary>Reads catalogue YAML strictly: an unknown field is an error, so a typo in a rule is not silently ignored.</summary>
internal static class YamlCatalogReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    // YamlDotNet reports a mapping where text was expected as "cannot create String": say what to do instead.
    private static string Reason(YamlException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is MissingMethodException && inner.Message.Contains("System.String", StringComparison.Ordinal))
            {
                return "expected text but found a key/value pair; quote text that contains ': '";
            }
        }

        return e.InnerException?.Message ?? e.Message;
    }

    public static List<T> ReadList<T>(string file, string yaml)
    {
        try
        {
            return Deserializer.Deserialize<List<T>?>(yaml) ?? [];
        }
        catch (YamlException e)
        {
            throw new CatalogException(file, $"line {e.Start.Line}: {Reason(e)}", e);
        }
    }
}
