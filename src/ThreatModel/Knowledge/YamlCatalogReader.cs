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

    public static List<T> ReadList<T>(string file, string yaml)
    {
        try
        {
            return Deserializer.Deserialize<List<T>?>(yaml) ?? [];
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new CatalogException(file, $"line {e.Start.Line}: {reason}", e);
        }
    }
}
