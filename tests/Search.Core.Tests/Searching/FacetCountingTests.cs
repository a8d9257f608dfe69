using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// Facets are counted in one of four ways: in one pass or in two halves at once (a large match set), each noting the
/// buckets it touches or only incrementing and scanning the counts afterwards (dense). An unfiltered search by
/// relevance counts its matches apart from ranking them; the reference pass here does both at once. Every way must
/// give what one noting pass gives: the same total, the same page in the same order (ties included), the same counts,
/// with and without filters.
/// </summary>
public class FacetCountingTests
{
    [TestCase(false, false, TestName = "Counting apart from the ranking gives the total, page and counts of one noting pass")]
    [TestCase(false, true, TestName = "One dense pass gives the total, page and counts of one noting pass")]
    [TestCase(true, false, TestName = "Two noting halves or threads give the total, page and counts of one noting pass")]
    [TestCase(true, true, TestName = "Two dense halves or threads give the total, page and counts of one noting pass")]
    public void Counting_gives_the_total_page_and_counts_of_one_noting_pass(bool inHalves, bool dense)
    {
        var files = FacetedReports.Files(400, seed: 11);
        using var index = new TestIndex(files);
        var path = index.Directory.CurrentGeneration()!;
        using var onePass = SearchIndex.Open(path);
        using var other = SearchIndex.Open(path);
        onePass.ParallelCountingFrom = int.MaxValue;
        onePass.DenseCountingFrom = double.PositiveInfinity;
        onePass.CountsBesideTheRanking = false;
        other.CountsBesideTheRanking = true;
        other.ParallelCountingFrom = inHalves ? 1 : int.MaxValue;
        // Counted apart from the ranking, the matches are shared with a helper thread a few at a time.
        other.SharedCountingFrom = inHalves ? 1 : int.MaxValue;
        other.CountingChunk = 5;
        other.DenseCountingFrom = dense ? 0 : double.PositiveInfinity;
        var compiler = new QueryCompiler(Analyzers.Settings.Analyzers.ForField, Analyzers.Settings.Analyzers.NormalizerForField, new IndexQueryExpansion(onePass, Analyzers.Settings.Extractor.Gazetteer));
        var filters = new IReadOnlyDictionary<string, IReadOnlyList<string>>[]
        {
            new Dictionary<string, IReadOnlyList<string>>(),
            new Dictionary<string, IReadOnlyList<string>> { ["lang"] = ["en"] },
            new Dictionary<string, IReadOnlyList<string>> { ["lang"] = ["fa"], ["place"] = ["tehran"] },
        };
        var compared = 0;
        foreach (var text in (string[])["", "prison", "report OR letter", "court -witness", "pri*"])
        {
            var query = compiler.Compile(QueryParser.Parse(text));
            foreach (var filter in filters)
            {
                foreach (var sort in (SearchSort[])[SearchSort.Relevance, SearchSort.DateDescending])
                {
                    for (var page = 0; page < 3; page++)
                    {
                        var request = new SearchRequest { Query = query, Filters = filter, Sort = sort, Offset = page * 9, Limit = 9 };
                        var expected = onePass.Search(request, null);
                        var actual = other.Search(request, null);
                        var what = $"'{text}' with {string.Join(", ", filter.Select(f => f.Key + "=" + f.Value[0]))}, {sort}, page {page}";

                        Assert.That(actual.Total, Is.EqualTo(expected.Total), what);
                        Assert.That(actual.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(expected.Hits.Select(h => (h.Id, h.Score))), what);
                        Assert.That(actual.Facets.Keys, Is.EquivalentTo(expected.Facets.Keys), what);
                        foreach (var (dimension, counts) in expected.Facets)
                        {
                            Assert.That(actual.Facets[dimension].Select(c => (c.Value, c.Count)), Is.EqualTo(counts.Select(c => (c.Value, c.Count))), $"{what}: {dimension}");
                        }

                        compared++;
                    }
                }
            }
        }

        Assert.That(compared, Is.EqualTo(90));
        var all = onePass.Search(new SearchRequest { Query = CompiledQuery.All, Limit = 0 }, null);
        Assert.That(all.Facets["place"].Select(c => c.Value), Is.SupersetOf(new[] { "tehran", "mashhad" }), "there are counts to compare");
    }
}

/// <summary>
/// A document's bucket numbers take two bytes while there are at most 65,536 buckets and four beyond; the counts must
/// be the same either way, counted densely or noting what was touched, with and without a filter's range.
/// </summary>
public class FacetBucketWidthTests
{
    [TestCase(1_000, 2, TestName = "Counts are exact with bucket numbers of two bytes")]
    [TestCase(70_000, 4, TestName = "Counts are exact with bucket numbers of four bytes")]
    public void Counts_are_exact_whatever_the_width_of_bucket_numbers(int values, int width)
    {
        const int Rows = 20_000;
        var random = new Random(values);
        var perRow = new List<int>[Rows];
        var ordinals = new List<int>();
        var offsets = new int[Rows + 2];
        for (var row = 0; row < Rows; row++)
        {
            // Every value is named at least once (the first rows walk through them all), then at random.
            perRow[row] = [.. Enumerable.Range(0, 1 + random.Next(6)).Select(k => k == 0 ? (row * 4) % values : random.Next(values)).Distinct().Order()];
            ordinals.AddRange(perRow[row]);
            offsets[row + 1] = ordinals.Count;
        }

        offsets[Rows + 1] = ordinals.Count;
        var names = Enumerable.Range(0, values).Select(v => $"p{v}").ToArray();
        var person = new FacetDimension("person", names, names, new string?[values], new double[values], new double[values], offsets, [.. ordinals]);
        var lang = new FacetDimension("lang", ["en", "fa"], ["en", "fa"], new string?[2], new double[2], new double[2], [.. Enumerable.Range(0, Rows + 2).Select(r => Math.Min(r, Rows))], [.. Enumerable.Range(0, Rows).Select(r => r % 2)]);
        var buckets = FacetBuckets.Build([.. FacetView.For(person), .. FacetView.For(lang)], Rows);
        Assert.That(buckets.EntryBytes, Is.EqualTo(width));
        var matches = Enumerable.Range(0, Rows).Where(r => r % 3 != 0).ToArray();
        var (personStart, personEnd) = buckets.RangeOf("person");

        foreach (var dense in new[] { false, true })
        {
            var all = buckets.StartTally(dense);
            var personOnly = buckets.StartTally(dense);
            foreach (var row in matches)
            {
                buckets.CountInto(all, row);
                buckets.CountInto(personOnly, row, personStart, personEnd);
            }

            var expected = matches.SelectMany(r => perRow[r]).CountBy(o => names[o]).ToDictionary(p => p.Key, p => p.Value);
            var counted = all.Results(int.MaxValue);
            var personCounted = personOnly.Results(int.MaxValue);
            Assert.That(counted["person"].ToDictionary(c => c.Value, c => c.Count), Is.EqualTo(expected), $"dense: {dense}");
            Assert.That(personCounted["person"].ToDictionary(c => c.Value, c => c.Count), Is.EqualTo(expected), $"dense: {dense}, one range");
            Assert.That(counted["lang"].Select(c => (c.Value, c.Count)), Is.EquivalentTo(new[] { ("en", matches.Count(r => r % 2 == 0)), ("fa", matches.Count(r => r % 2 == 1)) }), $"dense: {dense}");
            Assert.That(personCounted["lang"], Is.Empty, $"dense: {dense}: outside the range nothing is counted");
        }
    }

    [TestCase(false, TestName = "The values shown are the largest counts, ties in key order, at every limit (noting)")]
    [TestCase(true, TestName = "The values shown are the largest counts, ties in key order, at every limit (dense)")]
    public void The_values_shown_are_the_largest_counts_ties_in_key_order_at_every_limit(bool dense)
    {
        // 600 values, each row naming up to three: most counts are small and tie, so the key order decides a lot.
        const int Rows = 3_000;
        const int Values = 600;
        var random = new Random(7);
        var perRow = Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(Values)).Distinct().Order().ToList()).ToArray();
        // Keys not in ordinal order, so that the key order is not the bucket order.
        var names = Enumerable.Range(0, Values).Select(v => $"p{(v * 7919) % Values:D4}").ToArray();
        var person = Persons(names, perRow);
        var buckets = FacetBuckets.Build([.. FacetView.For(person)], Rows);
        var matches = Enumerable.Range(0, Rows).Where(r => r % 5 != 0).ToArray();
        var expected = matches.SelectMany(r => perRow[r]).CountBy(o => names[o])
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
        Assert.That(expected.Count(p => p.Value == expected[20].Value), Is.GreaterThan(1), "the 21st value ties with others");

        foreach (var limit in new[] { 1, 5, 20, 21, 257, 300, Values + 1 })
        {
            var tally = buckets.StartTally(dense);
            foreach (var row in matches)
            {
                buckets.CountInto(tally, row);
            }

            Assert.That(tally.Results(limit)["person"].Select(c => (c.Value, c.Count)), Is.EqualTo(expected.Take(limit)), $"limit {limit}");
        }
    }

    /// <summary>A person dimension of <paramref name="names"/>, each row naming the ordinals in its list (ascending).</summary>
    internal static FacetDimension Persons(string[] names, List<int>[] perRow)
    {
        var offsets = new int[perRow.Length + 2];
        for (var row = 0; row < perRow.Length; row++)
        {
            offsets[row + 1] = offsets[row] + perRow[row].Count;
        }

        offsets[^1] = offsets[perRow.Length];
        var values = names.Length;
        return new FacetDimension("person", names, names, new string?[values], new double[values], new double[values], offsets, [.. perRow.SelectMany(r => r)]);
    }
}

/// <summary>
/// A shared count takes the matches a chunk at a time on the caller's thread and a helper's: whenever the helper runs
/// (at once, before the caller starts, or never), every match is counted exactly once, dense or noting.
/// </summary>
public class SharedCountingTests
{
    private const int Rows = 5_000;
    private const int Values = 900;

    [TestCase(false, false, TestName = "A helper on the thread pool and the caller count every match once (noting)")]
    [TestCase(true, true, TestName = "A helper on the thread pool and the caller count every match once (dense)")]
    [TestCase(true, false, TestName = "A helper on the thread pool and the caller count every match once (dense caller, noting helper)")]
    public void A_helper_on_the_thread_pool_and_the_caller_count_every_match_once(bool callerDense, bool helperDense)
    {
        var (buckets, matches, expected) = Collection();
        for (var chunk = 1; chunk <= 4096; chunk *= 8)
        {
            var counting = SharedCounting.Start(buckets, matches, matches.Length, buckets.StartTally(callerDense), buckets.StartTally(helperDense), chunk);
            Assert.That(Counts(counting.Finish()), Is.EqualTo(expected), $"chunk {chunk}");
        }
    }

    [Test]
    public void A_helper_that_counts_everything_before_the_caller_starts_leaves_it_nothing_to_count_twice()
    {
        var (buckets, matches, expected) = Collection();
        var counting = SharedCounting.Start(buckets, matches, matches.Length, buckets.StartTally(true), buckets.StartTally(true), 64, help =>
        {
            help();
            return Task.CompletedTask;
        });

        Assert.That(Counts(counting.Finish()), Is.EqualTo(expected));
    }

    [Test]
    public void A_helper_not_started_by_the_end_is_withdrawn_not_waited_for_and_counts_nothing_later()
    {
        var (buckets, matches, expected) = Collection();
        Task? late = null;
        var counting = SharedCounting.Start(buckets, matches, matches.Length, buckets.StartTally(false), buckets.StartTally(true), 64, help => late = new Task(help));

        // Finish would never return if it waited for a helper that was never started.
        var finishing = Task.Run(counting.Finish);
        Assert.That(finishing.Wait(TimeSpan.FromSeconds(30)), Is.True, "the caller did not wait for the helper");
        late!.Start();
        late.Wait();
        Assert.That(Counts(finishing.Result), Is.EqualTo(expected), "the caller counted every match, and the late helper none");
    }

    private static Dictionary<string, int> Counts(FacetBuckets.Tally tally) =>
        tally.Results(int.MaxValue).SelectMany(view => view.Value.Select(c => (Key: view.Key + "=" + c.Value, c.Count))).ToDictionary(p => p.Key, p => p.Count);

    /// <summary>Persons and a language over a few thousand rows, a match set of most of them, and its counts made one by one.</summary>
    private static (FacetBuckets Buckets, int[] Matches, Dictionary<string, int> Expected) Collection()
    {
        var random = new Random(5);
        var perRow = Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(Values)).Distinct().Order().ToList()).ToArray();
        var names = Enumerable.Range(0, Values).Select(v => $"p{v}").ToArray();
        var person = FacetBucketWidthTests.Persons(names, perRow);
        var lang = new FacetDimension("lang", ["en", "fa"], ["en", "fa"], new string?[2], new double[2], new double[2], [.. Enumerable.Range(0, Rows + 2).Select(r => Math.Min(r, Rows))], [.. Enumerable.Range(0, Rows).Select(r => r % 3 == 0 ? 1 : 0)]);
        var buckets = FacetBuckets.Build([.. FacetView.For(person), .. FacetView.For(lang)], Rows);
        var matches = Enumerable.Range(0, Rows).Where(r => r % 7 != 3).ToArray();
        var expected = matches.SelectMany(r => perRow[r].Select(o => "person=" + names[o]).Append("lang=" + (r % 3 == 0 ? "fa" : "en")))
            .CountBy(k => k).ToDictionary(p => p.Key, p => p.Value);
        Assert.That(expected.Keys.Count(k => k.StartsWith("person=", StringComparison.Ordinal)), Is.GreaterThan(800), "most persons are counted");
        return (buckets, matches, expected);
    }
}
