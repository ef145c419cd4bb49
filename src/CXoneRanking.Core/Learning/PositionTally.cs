namespace CXoneRanking.Learning;

/// <summary>One snippet's impressions and clicks at each 1-based position.</summary>
internal sealed class PositionTally
{
    private long[] _impressions = new long[10];
    private long[] _clicks = new long[10];

    public int MaxPosition { get; private set; }
    public long Impressions { get; private set; }
    public long Clicks { get; private set; }

    public long ImpressionsAt(int position) => position <= MaxPosition ? _impressions[position - 1] : 0;
    public long ClicksAt(int position) => position <= MaxPosition ? _clicks[position - 1] : 0;

    public void AddImpression(int position)
    {
        Grow(position);
        _impressions[position - 1]++;
        Impressions++;
    }

    /// <summary>Only called for a click matched to an impression, so the position is already there.</summary>
    public void AddClick(int position)
    {
        _clicks[position - 1]++;
        Clicks++;
    }

    private void Grow(int position)
    {
        if (position > _impressions.Length)
        {
            var size = Math.Max(position, _impressions.Length * 2);
            Array.Resize(ref _impressions, size);
            Array.Resize(ref _clicks, size);
        }
        MaxPosition = Math.Max(MaxPosition, position);
    }
}
