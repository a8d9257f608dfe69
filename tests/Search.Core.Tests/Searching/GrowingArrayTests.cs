using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>States that share one store of ints while each appends: none ever sees another's items.</summary>
public class GrowingArrayTests
{
    [Test]
    public void Appending_to_the_end_writes_in_place_and_a_second_append_to_the_same_state_copies()
    {
        var first = GrowingArray<int>.Of([1, 2, 3]).Append(3, [4]);
        var second = first.Append(4, [5, 6]);
        Assert.That(second, Is.SameAs(first), "the end of the store, with room: written in place");

        // Another state extended from the first's (length 4), as after a failed extension: it must not overwrite 5, 6.
        var other = first.Append(4, [7]);
        Assert.That(other, Is.Not.SameAs(first));
        Assert.That(other.Items[..5], Is.EqualTo(new[] { 1, 2, 3, 4, 7 }));
        Assert.That(second.Items[..6], Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }), "the state appended before keeps its items");
    }

    [Test]
    public void Appending_nothing_to_an_earlier_state_shares_the_store()
    {
        // A write that only deleted: its state has no rows to add, whatever came after the state it extends.
        var store = GrowingArray<int>.Of([1, 2, 3]).Append(3, [4, 5]);
        Assert.That(store.Append(3, []), Is.SameAs(store));
        Assert.That(store.Append(5, []), Is.SameAs(store));
        Assert.That(store.Items[..5], Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void Appending_past_the_room_copies_what_the_state_holds()
    {
        var store = GrowingArray<int>.Of([9, 8]);
        var grown = store.Append(2, Enumerable.Range(0, 5000).ToArray());
        Assert.That(grown, Is.Not.SameAs(store));
        Assert.That(grown.Items.Length, Is.GreaterThanOrEqualTo(5002));
        Assert.That(grown.Items[..4], Is.EqualTo(new[] { 9, 8, 0, 1 }));
        Assert.That(store.Items, Is.EqualTo(new[] { 9, 8 }));
    }

    [Test]
    public void A_pinned_store_keeps_room_past_what_it_holds_and_appends_in_place_into_it()
    {
        var items = GrowingArray<ushort>.PinnedWithRoom(3);
        items[0] = 1;
        items[1] = 2;
        items[2] = 3;
        var store = GrowingArray<ushort>.Pinned(items, 3);
        var grown = store.Append(3, [4, 5]);
        Assert.That(grown, Is.SameAs(store), "written into the room");
        Assert.That(grown.Items[..5], Is.EqualTo(new ushort[] { 1, 2, 3, 4, 5 }));

        var past = grown.Append(5, new ushort[grown.Items.Length]);
        Assert.That(past, Is.Not.SameAs(grown), "past the room: a copy");
        Assert.That(past.Items[..5], Is.EqualTo(new ushort[] { 1, 2, 3, 4, 5 }));
        Assert.That(past.Items.Length, Is.GreaterThan(5 + grown.Items.Length), "the copy has room again");
    }
}
