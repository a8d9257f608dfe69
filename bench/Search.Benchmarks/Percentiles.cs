namespace Search.Benchmarks;

/// <summary>Nearest-rank percentiles over every timed execution, as the Lucene harness computes them.</summary>
internal static class Percentiles
{
    public static double Of(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
