namespace Search.Api.Contracts;

/// <summary>A completion: text to show, its kind (person, place, org, term), the value to filter or search by, and how many documents have it.</summary>
public sealed record SuggestionResponse(string Text, string Kind, string Value, int Count);
