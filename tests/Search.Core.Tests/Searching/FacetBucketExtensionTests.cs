using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// After a live write the facet buckets are the previous state's with the added rows' appended, not built again: they
/// must count every match set as buckets built afresh over the same dimensions do, when the added rows name values
/// seen before and values new to a view, bring a dimension the previous state did not have, or outgrow a view's room;
/// and the previous state, still serving searches while the next is made, must count as it did.
/// </summary>
public class FacetBucketExtensionTests
{
    private const int Before = 600;

    [Test]
    public void Extended_buckets_count_as_buckets_built_afresh_and_share_the_rows_held()
    {
        var world = new World(seed: 3);
        var previous = world.Buckets(Before);
        var expectedBefore = CountsOf(previous, Before);

        world.AddRows(40, newPersons: 12, newYears: true, places: true);
        var extended = previous.Extended(world.Views(previous), world.RowCount);

        Assert.That(extended.Entries, Is.SameAs(previous.Entries), "the rows held are shared: only the added rows are written");
        AssertCountsAlike(extended, FacetBuckets.Build(world.Views(), world.RowCount), world.RowCount, "extended once");
        Assert.That(CountsOf(previous, Before), Is.EqualTo(expectedBefore), "the previous state counts as it did");

        world.AddRows(25, newPersons: 3, newYears: false, places: true);
        var again = extended.Extended(world.Views(extended), world.RowCount);
        Assert.That(again.Entries, Is.SameAs(previous.Entries), "a second write appends to the same rows");
        AssertCountsAlike(again, FacetBuckets.Build(world.Views(), world.RowCount), world.RowCount, "extended twice");
    }

    [Test]
    public void A_view_that_outgrows_its_room_is_built_afresh_with_the_same_counts()
    {
        var world = new World(seed: 5);
        var previous = world.Buckets(Before);

        // The person view has 200 keys and room for 16 + 200 / 16 more.
        world.AddRows(60, newPersons: 60, newYears: false, places: false);
        var extended = previous.Extended(world.Views(previous), world.RowCount);

        Assert.That(extended.Entries, Is.Not.SameAs(previous.Entries), "numbered anew: the rows held are written again");
        AssertCountsAlike(extended, FacetBuckets.Build(world.Views(), world.RowCount), world.RowCount, "outgrown");
    }

    [Test]
    public void A_state_extended_twice_gives_each_extension_its_own_rows()
    {
        // As after a write whose state was never served: the next write extends the same state again.
        var world = new World(seed: 9);
        var previous = world.Buckets(Before);
        var other = world.Copy();

        world.AddRows(30, newPersons: 4, newYears: true, places: false);
        var first = previous.Extended(world.Views(previous), world.RowCount);
        other.AddRows(50, newPersons: 7, newYears: false, places: true);
        var second = previous.Extended(other.Views(previous), other.RowCount);

        Assert.That(second.Entries, Is.Not.SameAs(first.Entries), "the second may not write over the first's rows");
        AssertCountsAlike(first, FacetBuckets.Build(world.Views(), world.RowCount), world.RowCount, "the first extension");
        AssertCountsAlike(second, FacetBuckets.Build(other.Views(), other.RowCount), other.RowCount, "the second extension");
    }

    [Test]
    public void Views_extended_from_the_previous_state_are_the_views_made_afresh()
    {
        var world = new World(seed: 13);
        var previous = world.Buckets(Before);
        foreach (var (rows, persons, years) in new[] { (20, 5, true), (10, 0, false), (30, 9, true) })
        {
            world.AddRows(rows, persons, years, places: true);
            var extended = world.Views(previous);
            var fresh = world.Views();
            Assert.That(extended.Select(v => v.Name), Is.EqualTo(fresh.Select(v => v.Name)));
            foreach (var (view, made) in extended.Zip(fresh))
            {
                Assert.That(view.Keys, Is.EqualTo(made.Keys), view.Name);
                Assert.That(view.Labels, Is.EqualTo(made.Labels), view.Name);
                Assert.That(view.BucketOf, Is.EqualTo(made.BucketOf), view.Name);
                Assert.That(view.KeyRank, Is.EqualTo(made.KeyRank), view.Name);
                Assert.That(view.IsIdentity, Is.EqualTo(made.IsIdentity), view.Name);
            }

            previous = previous.Extended(extended, world.RowCount);
        }

        Assert.That(previous.Views.Single(v => v.Name == "date").Keys, Does.Contain("2021"), "the extensions added years");
    }

    /// <summary>Every way of counting, over every row and over a few match sets, with and without a filter's range.</summary>
    private static void AssertCountsAlike(FacetBuckets actual, FacetBuckets expected, int rows, string what)
    {
        Assert.That(actual.EntryBytes, Is.EqualTo(expected.EntryBytes), what);
        var random = new Random(rows);
        var matchSets = new[]
        {
            Enumerable.Range(0, rows).ToArray(),
            Enumerable.Range(Before - 5, rows - Before + 5).ToArray(),
            Enumerable.Range(0, rows).Where(_ => random.Next(4) == 0).ToArray(),
        };
        foreach (var matches in matchSets)
        {
            foreach (var dense in new[] { false, true })
            {
                foreach (var dimension in new[] { (string?)null, "date", "place" })
                {
                    var label = $"{what}: {matches.Length} matches, dense {dense}, range {dimension ?? "all"}";
                    Assert.That(Counts(actual, matches, dense, dimension), Is.EqualTo(Counts(expected, matches, dense, dimension)), label);
                }
            }
        }
    }

    private static Dictionary<string, (string, int)[]> CountsOf(FacetBuckets buckets, int rows) => Counts(buckets, [.. Enumerable.Range(0, rows)], dense: false, null);

    private static Dictionary<string, (string, int)[]> Counts(FacetBuckets buckets, int[] matches, bool dense, string? dimension)
    {
        var tally = buckets.StartTally(dense);
        var (start, end) = dimension is null ? (0, 0) : buckets.RangeOf(dimension);
        foreach (var row in matches)
        {
            if (dimension is null)
            {
                buckets.CountInto(tally, row);
            }
            else
            {
                buckets.CountInto(tally, row, start, end);
            }
        }

        return tally.Results(int.MaxValue).ToDictionary(p => p.Key, p => p.Value.Select(c => (c.Value, c.Count)).ToArray());
    }

    /// <summary>
    /// Rows naming persons, dates and places, held as a store's builder does: each dimension built over the first
    /// rows, then extended by the rows added since, values new to it given ordinals after its own.
    /// </summary>
    private sealed class World
    {
        private readonly Random _random;
        private readonly Dictionary<string, Column> _columns;
        private readonly Dictionary<string, FacetDimension> _dimensions = [];
        private List<string> _order = ["person", "date"];

        public World(int seed)
        {
            _random = new Random(seed);
            _columns = new()
            {
                ["person"] = new Column([.. Enumerable.Range(0, 200).Select(p => $"person {p:D3}")], _ => double.NaN),
                ["date"] = new Column([.. Enumerable.Range(0, 60).Select(d => $"{2015 + (d % 5)}-{1 + (d % 12):D2}-{1 + (d % 28):D2}")], DateNumber),
                ["place"] = new Column([.. Enumerable.Range(0, 30).Select(p => $"place {p:D2}")], _ => double.NaN),
            };
            for (var row = 0; row < Before; row++)
            {
                AddRow(personsFrom: 0, datesFrom: 0, places: false);
            }
        }

        private World(World other)
        {
            _random = new Random(other.RowCount);
            _columns = other._columns.ToDictionary(p => p.Key, p => p.Value.Copy());
            _dimensions = new(other._dimensions);
            _order = [.. other._order];
        }

        public int RowCount => _columns["person"].Rows.Count;

        public World Copy() => new(this);

        /// <summary>Buckets built over every row so far.</summary>
        public FacetBuckets Buckets(int rows)
        {
            foreach (var name in _order)
            {
                _dimensions[name] = _columns[name].Dimension(name);
            }

            return FacetBuckets.Build(Views(), rows);
        }

        /// <summary>The views of the dimensions as they are, made afresh or, as a live write's state makes them, extended from those of <paramref name="extending"/>.</summary>
        public List<FacetView> Views(FacetBuckets? extending = null)
        {
            var before = extending?.Views.ToDictionary(v => v.Name);
            return [.. _order.SelectMany(name => FacetView.For(_dimensions[name], before))];
        }

        /// <summary>Rows that name known values and <paramref name="newPersons"/> persons never named, and their dimensions extended.</summary>
        public void AddRows(int rows, int newPersons, bool newYears, bool places)
        {
            var persons = _columns["person"];
            var personsFrom = persons.Values.Count;
            for (var p = 0; p < newPersons; p++)
            {
                persons.Values.Add($"person {(personsFrom + p) % 200:D3} {personsFrom + p}"); // ranked among the keys held
            }

            var dates = _columns["date"];
            var datesFrom = dates.Values.Count;
            if (newYears)
            {
                dates.Values.AddRange(Enumerable.Range(0, 8).Select(d => $"{2021 + (d % 2)}-{1 + d:D2}-{10 + d:D2}"));
            }

            var first = RowCount;
            for (var row = 0; row < rows; row++)
            {
                // Every new person is named by some added row; the rest name values old and new at random.
                AddRow(row < newPersons ? personsFrom + row : -1, newYears ? datesFrom : 0, places);
            }

            if (places && !_order.Contains("place"))
            {
                _order = [.. _order, "place"];
            }

            foreach (var name in _order)
            {
                _dimensions[name] = _dimensions.TryGetValue(name, out var held)
                    ? _columns[name].Extended(held, first)
                    : _columns[name].Dimension(name);
            }
        }

        private void AddRow(int personsFrom, int datesFrom, bool places)
        {
            var persons = _columns["person"];
            var named = Enumerable.Range(0, _random.Next(4)).Select(_ => _random.Next(persons.Values.Count)).ToList();
            if (personsFrom >= 0)
            {
                named.Add(personsFrom);
            }

            persons.Rows.Add([.. named.Distinct().Order()]);
            var dates = _columns["date"];
            dates.Rows.Add([.. Enumerable.Range(0, _random.Next(3)).Select(_ => datesFrom + _random.Next(dates.Values.Count - datesFrom)).Distinct().Order()]);
            var placeColumn = _columns["place"];
            placeColumn.Rows.Add(places ? [.. Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => _random.Next(placeColumn.Values.Count)).Distinct().Order()] : []);
        }

        private static double DateNumber(string value) => SearchIndex.DateNumber(value);
    }

    /// <summary>One dimension's values and, by row, the ordinals each row names.</summary>
    private sealed class Column(List<string> values, Func<string, double> number)
    {
        public List<string> Values { get; } = values;

        public List<int[]> Rows { get; } = [];

        public Column Copy()
        {
            var copy = new Column([.. Values], number);
            copy.Rows.AddRange(Rows);
            return copy;
        }

        public FacetDimension Dimension(string name)
        {
            var offsets = new int[Rows.Count + 1];
            for (var row = 0; row < Rows.Count; row++)
            {
                offsets[row + 1] = offsets[row] + Rows[row].Length;
            }

            string[] values = [.. Values];
            return new FacetDimension(name, values, values, new string?[values.Length], [.. values.Select(number)], [.. values.Select(_ => double.NaN)], offsets, [.. Rows.SelectMany(r => r)]);
        }

        /// <summary>The dimension <paramref name="held"/> with the rows from <paramref name="first"/> on added, as a store extends it.</summary>
        public FacetDimension Extended(FacetDimension held, int first)
        {
            var ends = new List<int>();
            var entries = held.Entries;
            foreach (var row in Rows.Skip(first))
            {
                entries += row.Length;
                ends.Add(entries);
            }

            string[] added = [.. Values.Skip(held.Values.Length)];
            return held.Extended([.. ends], [.. Rows.Skip(first).SelectMany(r => r)], added, added, new string?[added.Length], [.. added.Select(number)], [.. added.Select(_ => double.NaN)]);
        }
    }
}
