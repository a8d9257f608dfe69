namespace Search.Api.Tests;

/// <summary>A fixture with the service in-process over the seeds, started once for all its tests.</summary>
public abstract class ApiTest
{
    protected SearchApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = new SearchApiFactory();
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
