namespace Vigil.Retrieval.Index;

/// <summary>The k best-scoring rows seen so far: a min-heap of size k, so each row costs one comparison with the worst kept.</summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<int, float> heap = new(k + 1);
    private float worst = float.NegativeInfinity;

    public void Offer(int row, float score)
    {
        if (heap.Count < k)
        {
            heap.Enqueue(row, score);
            if (heap.Count == k)
            {
                heap.TryPeek(out _, out worst);
            }
        }
        else if (score > worst)
        {
            heap.DequeueEnqueue(row, score);
            heap.TryPeek(out _, out worst);
        }
    }

    public void Merge(TopK other)
    {
        foreach (var (row, score) in other.heap.UnorderedItems)
        {
            Offer(row, score);
        }
    }

    public IEnumerable<(int Row, float Score)> Descending() =>
        heap.UnorderedItems.OrderByDescending(i => i.Priority).ThenBy(i => i.Element).Select(i => (i.Element, i.Priority));
}
