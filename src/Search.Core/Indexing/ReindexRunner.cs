using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Search.Core.Configuration;
using Search.Core.Searching;

namespace Search.Core.Indexing;

/// <summary>
/// The one reindex runner, used by the command line, the admin endpoint and the schedule.
/// A full rebuild writes a new generation beside the serving one and publishes it only when complete, so a run that
/// fails or is killed leaves the serving generation as it was; its partial file is removed by the next run. An
/// incremental run changes the served generation in place, batch by batch in transactions: killed, it leaves a
/// consistent index that the next run completes. When the served generation was built with other settings
/// (analyzers, gazetteer) or another schema, an incremental run becomes a full one.
/// </summary>
public sealed class ReindexRunner(IndexSettings settings, WriterGate? gate = null)
{
    /// <summary>False to index text and metadata only: for measuring what extraction costs, never for serving.</summary>
    public bool ExtractEntities { get; init; } = true;

    /// <summary>
    /// How long a run waits for another process to give up the directory's <see cref="WriterClaim"/> before it fails:
    /// long enough for a live write of the service, short enough that a scheduled run beside a long rebuild fails
    /// at once, with the reason.
    /// </summary>
    public TimeSpan ClaimWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The metadata key under which an index records the <see cref="IndexSettings.Fingerprint"/> it was built with.</summary>
    public const string SettingsKey = "settings_fingerprint";

    // Documents analyzed together by one task: enough to make a task's overhead small, few enough to keep the
    // documents waiting for the writer few.
    private const int AnalysisBatch = 32;

    private readonly WriterGate _gate = gate ?? new WriterGate();

    public ReindexReport Run(
        IndexDirectory directory,
        IReadOnlyList<FolderSource> sources,
        ReindexMode mode,
        IndexHost? host = null,
        IProgress<ReindexProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        if (mode == ReindexMode.Incremental && WhyFull(directory) is null)
        {
            return RunIncremental(directory, sources, host, progress, cancellation);
        }

        return RunFull(directory, sources, host, progress, cancellation);
    }

    /// <summary>Why an incremental run cannot work on this directory, or null when it can.</summary>
    public string? WhyFull(IndexDirectory directory)
    {
        var current = directory.CurrentGeneration();
        if (current is null)
        {
            return "there is no index yet";
        }

        var metadata = ReadMetadata(current);
        if (metadata.GetValueOrDefault("schema_version") != IndexSchema.Version.ToString(CultureInfo.InvariantCulture))
        {
            return "the index has another schema";
        }

        return metadata.GetValueOrDefault(SettingsKey) == settings.Fingerprint ? null : "the analyzers or the gazetteer changed";
    }

    public ReindexReport RunFull(
        IndexDirectory directory,
        IReadOnlyList<FolderSource> sources,
        IndexHost? host = null,
        IProgress<ReindexProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        // One process writes a directory at a time, for the whole run: what the run deletes as left over and what
        // it publishes assume that no other process builds or writes beside it.
        using var claim = WriterClaim.Take(directory, ClaimWait);
        var clock = Stopwatch.StartNew();
        // Leftovers of killed runs go; generations that readers still hold stay (their files must not vanish under them).
        directory.DeleteStale(host?.InUse ?? new HashSet<string>());
        var path = directory.NextGenerationPath();
        var analysis = new DocumentAnalysis(settings, ExtractEntities);
        var skipped = new List<SkippedSource>();
        var withdrawn = new WithdrawnCount();
        var added = 0;
        var mark = _gate.Mark();
        IDisposable? held = null;
        try
        {
            using (var writer = IndexWriter.Create(path, new Dictionary<string, string> { [SettingsKey] = settings.Fingerprint }))
            {
                foreach (var (analyzed, skip) in Analyzed(sources, withdrawn, analysis, _ => true, cancellation))
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (skip is not null)
                    {
                        skipped.Add(skip);
                    }
                    else
                    {
                        writer.Add(analyzed!);
                        added++;
                    }

                    progress?.Report(new ReindexProgress(added, skipped.Count));
                }

                writer.Commit();
                held = _gate.Enter();
                // Live writes made while this generation was being built: apply them before it is served.
                foreach (var change in _gate.ChangesSince(mark))
                {
                    if (change.Document is null)
                    {
                        writer.Delete(change.Id);
                    }
                    else
                    {
                        writer.Add(analysis.Analyze(change.Document));
                    }
                }

                writer.Optimize();
            }

            directory.Publish(path);
            host?.Refresh();
        }
        catch
        {
            TryDelete(path);
            throw;
        }
        finally
        {
            held?.Dispose();
        }

        return new ReindexReport("full", added, 0, 0, 0, skipped, Path.GetFileName(path), clock.Elapsed, withdrawn.Count);
    }

    private ReindexReport RunIncremental(
        IndexDirectory directory,
        IReadOnlyList<FolderSource> sources,
        IndexHost? host,
        IProgress<ReindexProgress>? progress,
        CancellationToken cancellation)
    {
        using var claim = WriterClaim.Take(directory, ClaimWait);
        var clock = Stopwatch.StartNew();
        directory.DeleteStale(host?.InUse ?? new HashSet<string>());
        var path = directory.CurrentGeneration()!;
        var analysis = new DocumentAnalysis(settings, ExtractEntities);
        var skipped = new List<SkippedSource>();
        var withdrawn = new WithdrawnCount();
        int added = 0, updated = 0, unchanged = 0, deleted = 0;

        using (_gate.Enter())
        {
            var known = KnownHashes(path);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // The served state can be extended with this run's changes only if it is the file's state before them.
            var extend = host is not null && !host.ChangedInPlace();
            WrittenChange written;
            using (var writer = IndexWriter.Open(path))
            {
                bool Changed(SourceDocument d) => !known.TryGetValue(d.Id, out var h) || h != d.ContentHash;
                foreach (var (analyzed, skip, document) in AnalyzedWithSource(sources, withdrawn, analysis, Changed, cancellation))
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (skip is not null)
                    {
                        skipped.Add(skip);
                        // A file that cannot be read now is not a file that is gone: keep what was indexed of it.
                        if (skip.DocumentId is { } keep)
                        {
                            seen.Add(keep);
                        }
                    }
                    else
                    {
                        seen.Add(document!.Id);
                        var hash = known.GetValueOrDefault(document.Id);
                        if (analyzed is null)
                        {
                            unchanged++;
                        }
                        else
                        {
                            writer.Add(analyzed);
                            if (hash is null)
                            {
                                added++;
                            }
                            else
                            {
                                updated++;
                            }
                        }
                    }

                    progress?.Report(new ReindexProgress(added + updated + unchanged, skipped.Count));
                }

                // Documents whose source is gone are deleted, unless a source folder itself is missing: an unmounted
                // disk must not empty the index.
                if (sources.All(s => Directory.Exists(s.Root)))
                {
                    foreach (var id in known.Keys.Where(id => !seen.Contains(id)))
                    {
                        cancellation.ThrowIfCancellationRequested();
                        writer.Delete(id);
                        deleted++;
                    }
                }

                writer.Commit();
                written = writer.Written;
            }

            SqliteConnection.ClearAllPools();
            // A scheduled run that finds nothing changed leaves the served state, its caches and its counts as they are
            // (unless it is not the file's: then it is read again).
            if (host is not null && (added + updated + deleted > 0 || !extend))
            {
                host.ServeWritten(extend, written);
                ServedLog.StartOver(host, path);
            }
        }

        return new ReindexReport("incremental", added, updated, deleted, unchanged, skipped, Path.GetFileName(path), clock.Elapsed, withdrawn.Count);
    }

    /// <summary>
    /// The sources' documents, analyzed on every core while one thread writes: analysis and extraction are most of
    /// the work, and the single SQLite writer keeps them in source order. Documents <paramref name="needsAnalysis"/>
    /// turns away come through unanalyzed.
    /// </summary>
    private static IEnumerable<(IndexedDocument? Analyzed, SkippedSource? Skipped, SourceDocument? Document)> AnalyzedWithSource(
        IReadOnlyList<FolderSource> sources, WithdrawnCount withdrawn, DocumentAnalysis analysis, Func<SourceDocument, bool> needsAnalysis, CancellationToken cancellation) =>
        OrderedPipeline.Select(
            Readable(sources, withdrawn),
            item => item.Document is { } d && needsAnalysis(d) ? (analysis.Analyze(d), item.Skipped, d) : ((IndexedDocument?)null, item.Skipped, item.Document),
            AnalysisBatch,
            cancellation);

    /// <summary>
    /// Every source's documents but those withdrawn in any source (deleted through the API: see
    /// <see cref="FolderSource.Withdrawn"/>); the withdrawals are read when the run starts.
    /// </summary>
    private static IEnumerable<(SourceDocument? Document, SkippedSource? Skipped)> Readable(IReadOnlyList<FolderSource> sources, WithdrawnCount left)
    {
        var withdrawn = sources.SelectMany(s => s.Withdrawn()).ToHashSet(StringComparer.Ordinal);
        return sources.SelectMany(s => s.Read()).Where(item =>
        {
            if (item.Document is not null && withdrawn.Contains(item.Document.Id))
            {
                left.Count++;
                return false;
            }

            return true;
        });
    }

    /// <summary>How many documents a run's sources had that it left out as withdrawn (counted by the one thread that reads them).</summary>
    private sealed class WithdrawnCount
    {
        public int Count { get; set; }
    }

    private static IEnumerable<(IndexedDocument? Analyzed, SkippedSource? Skipped)> Analyzed(
        IReadOnlyList<FolderSource> sources, WithdrawnCount withdrawn, DocumentAnalysis analysis, Func<SourceDocument, bool> needsAnalysis, CancellationToken cancellation) =>
        AnalyzedWithSource(sources, withdrawn, analysis, needsAnalysis, cancellation).Select(x => (x.Analyzed, x.Skipped));

    private static Dictionary<string, string> KnownHashes(string path)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(IndexSchema.ConnectionString(path, readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, hash FROM docs";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }

    private static Dictionary<string, string> ReadMetadata(string path)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var connection = new SqliteConnection(IndexSchema.ConnectionString(path, readOnly: true));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key, value FROM meta";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                metadata[reader.GetString(0)] = reader.GetString(1);
            }
        }
        catch (SqliteException)
        {
            // Unreadable: treated as another schema, so the next run rebuilds.
        }

        return metadata;
    }

    private static void TryDelete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm", "" })
        {
            try
            {
                File.Delete(path + suffix);
            }
            catch (IOException)
            {
                // The next run's clean-up removes it.
            }
        }
    }
}
