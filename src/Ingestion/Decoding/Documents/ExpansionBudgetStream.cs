namespace Vigil.Ingestion.Decoding.Documents;

/// <summary>
/// Passes through at most <c>budget</c> inflated bytes and fails on the next one, whatever the zip declared: a crafted
/// archive can declare a small size for an entry that inflates to gigabytes.
/// </summary>
internal sealed class ExpansionBudgetStream(Stream inner, long budget, string exceededReason) : Stream
{
    public long BytesRead { get; private set; }

    /// <summary>True once the budget was exceeded; whoever sees an error wrapped by a parser can tell it was this.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ThrowIfExceeded();
        // Asking for at most one byte past the budget is enough to know it was exceeded, without inflating more.
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, budget - BytesRead + 1)]);
        return Count(read);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfExceeded();
        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, budget - BytesRead + 1)], cancellationToken).ConfigureAwait(false);
        return Count(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        BytesRead += read;
        Exceeded = BytesRead > budget;
        ThrowIfExceeded();
        return read;
    }

    // A parser that swallows the first failure and reads on gets the same answer, not more bytes.
    private void ThrowIfExceeded()
    {
        if (Exceeded)
        {
            throw new UnreadableContentException(exceededReason);
        }
    }
}
