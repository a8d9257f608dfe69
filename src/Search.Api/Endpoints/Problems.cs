using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>The problem details the endpoints share, so that every bad parameter is reported the same way.</summary>
internal static class Problems
{
    /// <summary>A 400 that says what is wrong and names the parameter, for clients that point at the field.</summary>
    public static ProblemHttpResult BadParameter(string detail, string parameter) =>
        TypedResults.Problem(
            title: "A parameter is not valid",
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>
    /// A 503 for a write refused while another process writes the index: nothing was changed, and the same request
    /// can be sent again (a rebuild from the command line at a million documents takes minutes).
    /// </summary>
    public static ProblemHttpResult Busy(IndexBusyException e, HttpResponse response)
    {
        response.Headers.RetryAfter = "30";
        return TypedResults.Problem(title: "The index is being written by another process", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
