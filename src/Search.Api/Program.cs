using Search.Api.Endpoints;
using Search.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.ListenOnDefaultUrlUnlessConfigured("http://localhost:5080");
builder.Services.AddSearchEngine();
builder.Services.AddProblemDetails();
builder.Services.UseReadableJson();
builder.Services.AddAccessControl();
builder.Services.AddSearchOpenApi();

var app = builder.Build();

app.EnsureIndexExists();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();

app.MapOpenApi();
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "Search API v1");
    options.RoutePrefix = "swagger";
});

app.MapHealth();
app.MapSearch();
app.MapDocuments();
app.MapSuggest();
app.MapFacets();
app.MapAdmin();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
