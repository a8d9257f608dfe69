using Microsoft.AspNetCore.Http.HttpResults;

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
}
