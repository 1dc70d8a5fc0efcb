using System.Net.Http;
using Vigil.Ingestion.Decoding.Audio;
using Whisper.net.Ggml;

namespace Vigil.Ingestion.Tests.Decoding.Audio;

/// <summary>
/// Stands in for the model hub, which is outside this machine. It serves what the test scripts, or fails the way the
/// real downloader fails here without network (measured: HttpRequestException after ~0.1 s).
/// </summary>
internal sealed class ScriptedModelSource : IGgmlModelSource
{
    public const string OfflineMessage = "Name or service not known (huggingface.co:443)";

    private readonly Func<Stream>? serve;

    private ScriptedModelSource(Func<Stream>? serve) => this.serve = serve;

    public int Requests { get; private set; }

    public List<GgmlType> Requested { get; } = [];

    public static ScriptedModelSource Offline() => new(null);

    public static ScriptedModelSource Serving(byte[] model) => new(() => new MemoryStream(model));

    /// <summary>Delivers some bytes, then the connection drops.</summary>
    public static ScriptedModelSource DroppingAfter(int bytes) => new(() => new DroppingStream(bytes));

    public Task<Stream> OpenAsync(GgmlType type, CancellationToken cancellationToken)
    {
        Requests++;
        Requested.Add(type);
        return serve is null
            ? Task.FromException<Stream>(new HttpRequestException(OfflineMessage))
            : Task.FromResult(serve());
    }

    private sealed class DroppingStream(int length) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (position >= length)
            {
                throw new IOException("The response ended prematurely.");
            }

            var n = Math.Min(count, length - position);
            Array.Fill(buffer, (byte)7, offset, n);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
