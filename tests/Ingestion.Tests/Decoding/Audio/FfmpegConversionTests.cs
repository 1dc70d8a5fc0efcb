using System.Diagnostics;
using Vigil.Ingestion.Content;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Audio;

namespace Vigil.Ingestion.Tests.Decoding.Audio;

[Collection("Audio")]
public sealed class FfmpegConversionTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromMinutes(60);
    private readonly FfmpegAudioConverter converter = new();

    [Theory]
    [InlineData("05-pii-export-sftp")]
    [InlineData("08-cicd-k8s-deploy")]
    public async Task A_corpus_voice_note_becomes_16_kHz_mono_16_bit_pcm_of_the_same_length(string corpusCase)
    {
        var ct = TestContext.Current.CancellationToken;
        var ogg = await File.ReadAllBytesAsync(AudioFiles.VoiceNote(corpusCase), ct);
        var spoken = WavFormat.Read(AudioFiles.SourceWav(corpusCase)).Duration;

        var clock = Stopwatch.StartNew();
        using var pcm = await converter.ConvertAsync(ogg, ContentSniffer.Sniff(ogg), Hour, ct);
        clock.Stop();

        var header = WavFormat.Read(pcm.Path);
        Assert.Equal((16000, 1, 16), (header.SampleRate, header.Channels, header.BitsPerSample));
        Assert.InRange(header.Duration.TotalSeconds, spoken.TotalSeconds - 0.1, spoken.TotalSeconds + 0.1);
        Assert.Equal(44, new FileInfo(pcm.Path).Length - header.DataBytes);
        TestContext.Current.TestOutputHelper?.WriteLine($"{corpusCase}: {ogg.Length} bytes, {header.Duration.TotalSeconds:0.00} s converted in {clock.ElapsedMilliseconds} ms");
    }

    public static TheoryData<string, string[], string> Containers => new()
    {
        { "voice.webm", ["-c:a", "libopus"], "audio/webm" },
        { "voice.ogg", ["-c:a", "libvorbis"], "audio/ogg" },
        { "voice.m4a", ["-c:a", "aac"], "audio/mp4" },
        { "voice.mp3", ["-c:a", "libmp3lame"], "audio/mpeg" },
        { "voice.aac", ["-c:a", "aac", "-f", "adts"], "audio/mpeg" },
        { "voice.wav", ["-ar", "44100", "-ac", "2", "-c:a", "pcm_s16le"], "audio/wav" },
        { "voice.flac", ["-c:a", "flac"], "audio/flac" },
    };

    [Theory]
    [MemberData(nameof(Containers))]
    public async Task Every_supported_container_is_resampled_to_16_kHz_mono(string fileName, string[] encoding, string sniffedAs)
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = await AudioFiles.MakeAsync(fileName, ["-t", "5", "-i", AudioFiles.SourceWav("05-pii-export-sftp"), .. encoding], ct);
        var type = ContentSniffer.Sniff(bytes, fileName);

        using var pcm = await converter.ConvertAsync(bytes, type, Hour, ct);

        Assert.Equal(sniffedAs, type.MediaType);
        Assert.Equal((16000, 1, 16), (pcm.Format.SampleRate, pcm.Format.Channels, pcm.Format.BitsPerSample));
        Assert.InRange(pcm.Duration.TotalSeconds, 4.9, 5.3);
    }

    [Fact]
    public async Task The_audio_track_of_an_mp4_video_is_found_behind_its_video_track_and_index_at_the_end()
    {
        var ct = TestContext.Current.CancellationToken;
        var mp4 = await AudioFiles.MakeAsync("huddle.mp4", ["-f", "lavfi", "-i", "color=c=black:s=64x64:d=5", "-t", "5", "-i", AudioFiles.SourceWav("08-cicd-k8s-deploy"), "-c:v", "mpeg4", "-c:a", "aac", "-shortest"], ct);

        using var pcm = await converter.ConvertAsync(mp4, ContentSniffer.Sniff(mp4), Hour, ct);

        Assert.Equal(ContentType.Mp4, ContentSniffer.Sniff(mp4));
        Assert.InRange(pcm.Duration.TotalSeconds, 4.9, 5.1);
    }

    [Fact]
    public async Task A_three_hour_recording_is_refused_from_its_probed_length_before_any_conversion()
    {
        var ct = TestContext.Current.CancellationToken;

        // Three hours of 1 kHz FLAC silence: 0.8 MB, made in well under a second (Opus at 6 kbit/s took 79 s).
        var threeHours = await AudioFiles.MakeAsync("meeting.flac", ["-f", "lavfi", "-i", "anullsrc=r=1000:cl=mono", "-t", "10800", "-c:a", "flac"], ct);

        // ffmpeg itself is absent: had the converter gone past the probe, it would have failed with "not installed".
        var probeOnly = new FfmpegAudioConverter(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg" });
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => probeOnly.ConvertAsync(threeHours, ContentSniffer.Sniff(threeHours), Hour, ct));
        clock.Stop();

        Assert.Equal("audio is 3 h 0 min long, above the 60 min limit (Ingestion:MaxAudioDuration)", error.Message);
        TestContext.Current.TestOutputHelper?.WriteLine($"3 h file of {threeHours.Length} bytes refused in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_webm_without_a_stated_length_is_cut_at_the_limit_and_refused()
    {
        var ct = TestContext.Current.CancellationToken;

        // Browsers record WebM live, with no length in the header (ffprobe says N/A): only decoding tells.
        var webm = await AudioFiles.MakeAsync("recording.webm", ["-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "12", "-c:a", "libopus", "-live", "1"], ct);

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => converter.ConvertAsync(webm, ContentSniffer.Sniff(webm), TimeSpan.FromSeconds(10), ct));

        Assert.Equal("audio runs past the 10 s limit (Ingestion:MaxAudioDuration)", error.Message);
    }

    [Fact]
    public async Task Garbage_after_an_ogg_magic_number_is_refused_as_corrupt_with_ffmpegs_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var garbage = "OggS"u8.ToArray().Concat(Enumerable.Range(0, 4000).Select(i => (byte)(i * 37 % 251))).ToArray();
        var before = AudioFiles.ConverterFolders();

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => converter.ConvertAsync(garbage, ContentSniffer.Sniff(garbage), Hour, ct));

        Assert.Equal(ContentType.Ogg, ContentSniffer.Sniff(garbage));
        Assert.StartsWith("audio is corrupt or not audio: ", error.Message);
        Assert.DoesNotContain(Path.GetTempPath(), error.Message);
        Assert.Equal(before, AudioFiles.ConverterFolders());
    }

    [Fact]
    public async Task A_voice_note_whose_pages_are_overwritten_is_refused_as_corrupt()
    {
        var ct = TestContext.Current.CancellationToken;
        var ogg = await File.ReadAllBytesAsync(AudioFiles.VoiceNote("05-pii-export-sftp"), ct);
        var damaged = ogg[..1000].Concat(Enumerable.Range(0, 20_000).Select(i => (byte)(i * 91 % 253))).ToArray();

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => converter.ConvertAsync(damaged, ContentType.Ogg, Hour, ct));

        Assert.StartsWith("audio is corrupt or not audio: ", error.Message);
        Assert.DoesNotContain(" @ 0x", error.Message);
        TestContext.Current.TestOutputHelper?.WriteLine(error.Message);
    }

    [Fact]
    public async Task The_temporary_pcm_file_is_deleted_with_the_converted_audio()
    {
        var ct = TestContext.Current.CancellationToken;
        var ogg = await File.ReadAllBytesAsync(AudioFiles.VoiceNote("08-cicd-k8s-deploy"), ct);

        var pcm = await converter.ConvertAsync(ogg, ContentType.Ogg, Hour, ct);
        var folder = Path.GetDirectoryName(pcm.Path)!;
        var filesWhileInUse = Directory.GetFiles(folder).Select(Path.GetFileName);
        pcm.Dispose();

        Assert.Equal(["audio.wav"], filesWhileInUse);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Cancelling_a_conversion_stops_ffmpeg_and_leaves_no_files()
    {
        var ct = TestContext.Current.CancellationToken;
        var twoHours = await AudioFiles.MakeAsync("long.flac", ["-f", "lavfi", "-i", "anullsrc=r=1000:cl=mono", "-t", "7200", "-c:a", "flac"], ct);
        var before = AudioFiles.ConverterFolders();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => converter.ConvertAsync(twoHours, ContentType.Flac, TimeSpan.FromHours(3), cancel.Token));

        Assert.Equal(before, AudioFiles.ConverterFolders());
        Assert.Empty(await RunningConversionsAsync(ct));
    }

    [Fact]
    public async Task Without_ffmpeg_the_error_names_the_package_to_install()
    {
        var ct = TestContext.Current.CancellationToken;
        var missing = new FfmpegAudioConverter(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" });
        var ogg = await File.ReadAllBytesAsync(AudioFiles.VoiceNote("05-pii-export-sftp"), ct);

        var error = await Assert.ThrowsAsync<AudioToolMissingException>(() => missing.ConvertAsync(ogg, ContentType.Ogg, Hour, ct));

        Assert.False(missing.IsInstalled);
        Assert.True(converter.IsInstalled);
        Assert.Contains("ffprobe is not installed", error.Message);
        Assert.Contains("apt-get install ffmpeg", error.Message);
    }

    // A killed ffmpeg is reaped asynchronously; its /proc entry may linger for a moment.
    private static async Task<string[]> RunningConversionsAsync(CancellationToken ct)
    {
        string[] running = [];
        for (var attempt = 0; attempt < 20; attempt++)
        {
            running = Directory.GetDirectories("/proc")
                .Select(dir => { try { return File.ReadAllText(Path.Combine(dir, "cmdline")); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
                .Where(cmd => cmd.Contains("vigil-audio-", StringComparison.Ordinal) && !cmd.Contains("vigil-audio-test-", StringComparison.Ordinal))
                .ToArray();
            if (running.Length == 0)
            {
                return running;
            }

            await Task.Delay(100, ct);
        }

        return running;
    }
}
