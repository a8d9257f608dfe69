using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Hosting;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary>/api/documents: read one document; add, replace or delete one (API key).</summary>
internal static class DocumentEndpoints
{
    public const int MaxBodyChars = 5_000_000;

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/documents").WithTags("Documents")
            .RequireRateLimiting(AccessRegistration.ReadPolicy)
            .RequireApiKeyForReadsIfConfigured();
        reads.MapGet("/{id}", GetDocument)
            .WithName("GetDocument")
            .WithSummary("One document with its full text")
            .WithDescription("The document's original text, metadata, facet values and entities with their offsets; 404 when no document has this id.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = app.MapGroup("/api/documents").WithTags("Documents")
            .RequireRateLimiting(AccessRegistration.WritePolicy)
            .RequireApiKeyForWrites();
        writes.MapPut("/{id}", PutDocument)
            .WithName("PutDocument")
            .WithSummary("Add or replace a document (API key)")
            .WithDescription("Stores the document, indexes it and returns when both are durable; the next search sees it. 201 when new, 200 when it replaced one; 503 with Retry-After, having changed nothing, while another process (a reindex from the command line) writes the index.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        writes.MapDelete("/{id}", DeleteDocument)
            .WithName("DeleteDocument")
            .WithSummary("Delete a document (API key)")
            .WithDescription("Removes the document from the index, and its file when it was added through the API. A document that came from a source folder returns at the next reindex unless its file is removed there too. 503 with Retry-After, having changed nothing, while another process writes the index.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static Results<Ok<DocumentResponse>, ProblemHttpResult> GetDocument(string id, ISearchEngine engine)
    {
        var document = engine.GetDocument(id);
        if (document is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(new DocumentResponse(
            document.Id, document.Title, document.Byline, document.Language, document.Published, document.Source, document.Body,
            [.. document.Facets.Select(Contract.Of)],
            [.. document.Entities.Select(e => new EntityResponse(
                e.Kind, e.Value, e.Label, e.LabelFa, e.Text, e.Start, e.End, e.Discovered, e.Precision, e.Calendar, e.SolarHijri,
                e.Number, e.Upper, e.Qualifier, e.Unit))]));
    }

    internal static Results<Created<DocumentWritten>, Ok<DocumentWritten>, ValidationProblem, ProblemHttpResult> PutDocument(
        string id, DocumentInput input, DocumentFolder folder, LiveIndex index, HttpResponse response)
    {
        var errors = Validate(id, input);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The document is not valid");
        }

        try
        {
            // The claim comes before the file: a write refused while another process writes the index changes neither.
            using var claim = index.Claim();
            var document = folder.Write(id, input.Title, input.Body!, input.Byline, input.Published, input.Lang);
            var replaced = index.Upsert(document);
            var written = new DocumentWritten(document.Id, document.Title, document.Language, document.Published, replaced, 0);
            return replaced ? TypedResults.Ok(written) : TypedResults.Created($"/api/documents/{Uri.EscapeDataString(id)}", written);
        }
        catch (IndexBusyException e)
        {
            return Problems.Busy(e, response);
        }
    }

    internal static Results<NoContent, ProblemHttpResult> DeleteDocument(string id, DocumentFolder folder, LiveIndex index, HttpResponse response)
    {
        try
        {
            using var claim = index.Claim();
            // Withdrawn first: a document from a source folder must not come back with the next reindex, even if
            // this process stops between the deletes.
            var valid = DocumentFolder.IsValidId(id);
            var withdrew = valid && folder.Withdraw(id);
            var fromFolder = valid && folder.Delete(id);
            var fromIndex = index.Delete(id);
            if (fromFolder || fromIndex)
            {
                return TypedResults.NoContent();
            }

            if (withdrew)
            {
                folder.Unwithdraw(id);
            }

            return NotFound(id);
        }
        catch (IndexBusyException e)
        {
            return Problems.Busy(e, response);
        }
    }

    private static Dictionary<string, string[]> Validate(string id, DocumentInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (!DocumentFolder.IsValidId(id))
        {
            errors["id"] = ["An id is 1 to 200 letters, digits, '.', '_' or '-', starting with a letter or a digit."];
        }

        if (string.IsNullOrWhiteSpace(input.Body))
        {
            errors["body"] = ["The body is required and may not be blank."];
        }
        else if (input.Body.Length > MaxBodyChars)
        {
            errors["body"] = [$"The body is {input.Body.Length} characters long; the limit is {MaxBodyChars}."];
        }

        if (input.Published is not null && !DateOnly.TryParseExact(input.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["published"] = ["published is a date written yyyy-MM-dd."];
        }

        if (input.Lang is not null and not ("fa" or "en"))
        {
            errors["lang"] = ["lang is fa or en."];
        }

        if (input.Title is { Length: > 1000 })
        {
            errors["title"] = ["The title is longer than 1000 characters."];
        }

        return errors;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "No such document", detail: $"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
