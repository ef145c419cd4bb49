// .NET Framework 4.7.2 has no System.Index or System.Range, which the shared test sources' slices
// ("text[..^30]", "bytes[start..i]") compile against. Internal, and only in this assembly, so
// they never meet the runtime's own copies.
namespace System
{
    internal readonly struct Index
    {
        private readonly int _value;

        public Index(int value, bool fromEnd = false)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "An index cannot be negative.");
            _value = fromEnd ? ~value : value;
        }

        public static Index Start => new(0);
        public static Index End => new(0, fromEnd: true);
        public int Value => _value < 0 ? ~_value : _value;
        public bool IsFromEnd => _value < 0;

        public int GetOffset(int length) => IsFromEnd ? length - Value : Value;

        public static implicit operator Index(int value) => new(value);
    }

    internal readonly struct Range(Index start, Index end)
    {
        public Index Start { get; } = start;
        public Index End { get; } = end;
        public static Range All => new(Index.Start, Index.End);

        public static Range StartAt(Index start) => new(start, Index.End);
        public static Range EndAt(Index end) => new(Index.Start, end);

        public (int Offset, int Length) GetOffsetAndLength(int length)
        {
            var start = Start.GetOffset(length);
            var end = End.GetOffset(length);
            if ((uint)end > (uint)length || (uint)start > (uint)end) throw new ArgumentOutOfRangeException(nameof(length));
            return (start, end - start);
        }
    }
}

namespace System.Runtime.CompilerServices
{
    /// <summary>What the compiler calls for an array slice such as <c>bytes[start..i]</c>.</summary>
    internal static class RuntimeHelpers
    {
        public static T[] GetSubArray<T>(T[] array, Range range)
        {
            var (offset, length) = range.GetOffsetAndLength(array.Length);
            var slice = new T[length];
            Array.Copy(array, offset, slice, 0, length);
            return slice;
        }
    }
}
