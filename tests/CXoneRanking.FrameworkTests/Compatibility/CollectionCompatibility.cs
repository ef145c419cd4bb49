namespace CXoneRanking.FrameworkTests.Compatibility;

/// <summary>LINQ operators of .NET 6+ that the shared test sources use, for .NET Framework 4.7.2.</summary>
internal static class CollectionCompatibility
{
    extension<T>(IEnumerable<T> source)
    {
        public IOrderedEnumerable<T> Order() => source.OrderBy(item => item, Comparer<T>.Default);

        public IEnumerable<T> TakeLast(int count)
        {
            var items = source.ToList();
            return items.Skip(Math.Max(0, items.Count - count));
        }
    }

    public static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
    {
        key = pair.Key;
        value = pair.Value;
    }

    extension(double)
    {
        public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
