namespace Search.Core.Extraction;

/// <summary>One person, place or organization of the gazetteer, with its labels in both scripts and its aliases.</summary>
public sealed record GazetteerEntry(string Kind, string Id, string Type, string LabelEn, string LabelFa, IReadOnlyList<string> Aliases);
