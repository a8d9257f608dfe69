using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary>/api/documents: one document with its full text and facet values.</summary>
internal static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents").WithTags("Documents");
        group.MapGet("/{id}", GetDocument)
            .WithName("GetDocument")
            .WithSummary("One document with its full text")
            .WithDescription("The document's original text, metadata and facet values; 404 when no document has this id.");
        return app;
    }

    internal static Results<Ok<DocumentResponse>, ProblemHttpResult> GetDocument(string id, ISearchEngine engine)
    {
        var document = engine.GetDocument(id);
        if (document is null)
        {
            return TypedResults.Problem(
                title: "No such document",
                detail: $"No document has the id '{id}'.",
                statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(new DocumentResponse(
            document.Id, document.Title, document.Byline, document.Language, document.Published, document.Source, document.Body,
            [.. document.Facets.Select(Contract.Of)],
            [.. document.Entities.Select(e => new EntityResponse(
                e.Kind, e.Value, e.Label, e.LabelFa, e.Text, e.Start, e.End, e.Discovered, e.Precision, e.Calendar, e.SolarHijri,
                e.Number, e.Upper, e.Qualifier, e.Unit))]));
    }
}
