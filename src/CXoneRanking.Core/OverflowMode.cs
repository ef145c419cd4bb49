namespace CXoneRanking;

/// <summary>What to do when a boosted score f = r x b exceeds 1.</summary>
public enum OverflowMode
{
    /// <summary>Divide every score of the session by the largest: order and ratios are kept.</summary>
    Rescale,
    /// <summary>Cut scores above 1 down to 1: ties may appear at the top.</summary>
    Clamp,
    /// <summary>Refuse the session's payload.</summary>
    Error,
}
