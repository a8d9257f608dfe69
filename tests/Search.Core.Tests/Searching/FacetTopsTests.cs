using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// The packed form of a count's best values per view: what is written is what is read, in order, for numbers that
/// take one byte and numbers that take several, and for views with no values.
/// </summary>
public class FacetTopsTests
{
    // Per view, (bucket within the view, count), largest count first: a common word's counts in the hundreds of
    // thousands, a rare word's ones and twos, equal counts in a row, buckets past one byte's 127, and an empty view.
    private static readonly (int Bucket, int Count)[][] Views =
    [
        [(3, 912_345), (40_000, 300_001), (0, 300_001), (127, 128), (128, 1)],
        [],
        [(5, 2), (2, 2), (9, 1), (1, 1), (0, 1)],
        [(65_535, int.MaxValue), (16_384, 0)],
    ];

    [Test]
    public void What_is_packed_is_read_back_in_order()
    {
        var tops = Pack(Views);

        var reader = tops.Read();
        foreach (var view in Views)
        {
            Assert.That(reader.NextView(), Is.EqualTo(view.Length));
            foreach (var value in view)
            {
                Assert.That(reader.NextValue(), Is.EqualTo((value.Bucket, value.Count)));
            }
        }
    }

    [Test]
    public void Small_numbers_take_a_byte_each()
    {
        // A rare word's view: two bytes a value and one for the number of values, where two integers took eight.
        var tops = Pack([[(5, 2), (2, 2), (9, 1), (1, 1)]]);

        Assert.That(tops.Bytes, Is.EqualTo(24 + 24 + 16));
    }

    private static FacetTops Pack((int Bucket, int Count)[][] views)
    {
        var writer = new FacetTops.Writer(new byte[FacetTops.MaxBytes(views.Length, views.Sum(v => v.Length))]);
        foreach (var view in views)
        {
            writer.StartView(view.Length);
            foreach (var (bucket, count) in view)
            {
                writer.Value(bucket, count);
            }
        }

        return writer.ToTops();
    }
}
