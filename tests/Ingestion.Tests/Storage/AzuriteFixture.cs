using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace Vigil.Ingestion.Tests.Storage;

/// <summary>
/// A unique container on Azurite for one test run, deleted at the end. Uses <c>VIGIL_AZURITE_CONNECTION_STRING</c>
/// when set (and then fails loudly if it is wrong); otherwise the well-known Azurite development account when
/// something answers on 127.0.0.1:10000; otherwise nothing, and the tests skip.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string NotRunning = "Azurite is not running on 127.0.0.1:10000 (scripts/test.sh starts it)";

    // Azurite's published development account; not a secret.
    private const string DevelopmentConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    /// <summary>Null when Azurite is not reachable. The container is not created here: the store must create it.</summary>
    public BlobContainerClient? Container { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("VIGIL_AZURITE_CONNECTION_STRING");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!await AcceptsConnectionsAsync("127.0.0.1", 10000))
            {
                return;
            }

            connectionString = DevelopmentConnectionString;
        }

        Container = new BlobContainerClient(connectionString, $"vigil-test-{Guid.NewGuid():N}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Container is not null)
        {
            await Container.DeleteIfExistsAsync();
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(string host, int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
