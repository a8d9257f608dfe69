namespace Search.Core.Extraction;

/// <summary>
/// The words of a text that an extractor has made part of an entity: the extractors after it do not look at them.
/// One flag per word, because every extractor asks about every word it passes.
/// </summary>
public sealed class ClaimedWords(int words)
{
    private readonly bool[] _claimed = new bool[words];

    public bool Contains(int word) => (uint)word < (uint)_claimed.Length && _claimed[word];

    public void Add(int word) => _claimed[word] = true;
}
