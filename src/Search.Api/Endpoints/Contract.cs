using Search.Api.Contracts;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>Mappings from library types to the API's contracts that more than one endpoint uses.</summary>
internal static class Contract
{
    public static FacetValueResponse Of(FacetValue f) => new(f.Dimension, f.Value, f.Label, f.LabelFa, f.Number, f.Upper);
}
