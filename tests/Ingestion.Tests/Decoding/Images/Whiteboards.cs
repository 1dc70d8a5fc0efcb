namespace Vigil.Ingestion.Tests.Decoding.Images;

/// <summary>The corpus whiteboards, their sizes, and the labels a threat model needs from them.</summary>
internal static class Whiteboards
{
    public const string Uploads = "03-upload-thumbnails-bucket";
    public const string Iot = "11-iot-mqtt-firmware";

    public static readonly IReadOnlyDictionary<string, string[]> ComponentLabels = new Dictionary<string, string[]>
    {
        [Uploads] =
        [
            "Browser", "web-api", "POST /uploads", "presigned PUT", "tandem-uploads", "SQS", "thumb-jobs", "thumbnailer",
            "EKS pods", "shell: convert", "tandem-public-media", "PUBLIC read", "CloudFront", "GetObject", "HTTPS",
        ],
        [Iot] =
        [
            "Sensor ESP32", "JTAG on", "ingest-broker", "Mosquitto :8883", "mTLS device certs", "telemetry-ingest",
            "TimescaleDB", "private subnet", "HTTP download", "md5 only", "admin / password", "publish fw msg", "ops-tool",
            "S3 frostline-fw", "firmware .bin", "fw/{model}/latest",
        ],
    };

    public static string Path(string board) => System.IO.Path.Combine(RepositoryPaths.Corpus, board, "whiteboard.png");

    public static Task<byte[]> ReadAsync(string board) => File.ReadAllBytesAsync(Path(board), TestContext.Current.CancellationToken);
}
