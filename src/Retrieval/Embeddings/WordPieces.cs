using Microsoft.ML.Tokenizers;

namespace Vigil.Retrieval.Embeddings;

/// <summary>The embedding model's own tokenizer: chunk sizes are counted in the word-pieces the model will see.</summary>
public static class WordPieces
{
    private static readonly Lazy<BertTokenizer> Shared = new(() =>
    {
        using var vocab = MiniLmResources.Open("vocab.txt");
        return BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true });
    });

    /// <summary>The largest chunk, special tokens ([CLS], [SEP]) included, that the model reads without truncation.</summary>
    public const int MaxPerChunk = MiniLmResources.MaxWordPieces;

    internal static BertTokenizer Tokenizer => Shared.Value;

    /// <summary>Word-pieces of the text, without the two special tokens the model adds.</summary>
    public static int Count(string text) => Tokenizer.EncodeToIds(text, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true).Count;
}
