using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>States that share one store of ints while each appends: none ever sees another's items.</summary>
public class GrowingIntsTests
{
    [Test]
    public void Appending_to_the_end_writes_in_place_and_a_second_append_to_the_same_state_copies()
    {
        var first = GrowingInts.Of([1, 2, 3]).Append(3, [4]);
        var second = first.Append(4, [5, 6]);
        Assert.That(second, Is.SameAs(first), "the end of the store, with room: written in place");

        // Another state extended from the first's (length 4), as after a failed extension: it must not overwrite 5, 6.
        var other = first.Append(4, [7]);
        Assert.That(other, Is.Not.SameAs(first));
        Assert.That(other.Items[..5], Is.EqualTo(new[] { 1, 2, 3, 4, 7 }));
        Assert.That(second.Items[..6], Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }), "the state appended before keeps its items");
    }

    [Test]
    public void Appending_past_the_room_copies_what_the_state_holds()
    {
        var store = GrowingInts.Of([9, 8]);
        var grown = store.Append(2, Enumerable.Range(0, 5000).ToArray());
        Assert.That(grown, Is.Not.SameAs(store));
        Assert.That(grown.Items.Length, Is.GreaterThanOrEqualTo(5002));
        Assert.That(grown.Items[..4], Is.EqualTo(new[] { 9, 8, 0, 1 }));
        Assert.That(store.Items, Is.EqualTo(new[] { 9, 8 }));
    }
}
