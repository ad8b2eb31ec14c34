using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;
using static CivilAffairs.ServiceDefaults.Tests.Documents.TestCollections;

namespace CivilAffairs.ServiceDefaults.Tests.Documents;

/// <summary>
/// What every service's storage relies on, asserted on each engine: SQLite always, MongoDB when <c>MONGODB_URI</c> is
/// set. A batch commits whole or not at all; unique rules, versions and counters refuse what they must, by name.
/// </summary>
public sealed class DocumentStoreContract
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    private static TestSlot Slot(string id, int capacity = 2, int booked = 0, SlotKind kind = SlotKind.Morning, string office = "xicheng", DateOnly? date = null) =>
        new(id, office, date ?? Day, kind, capacity, booked);

    private static TestCase Case(string id, long version, string? openFor, params string[] people) =>
        new(id, version, openFor, people, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), 100.5);

    [MongoFact]
    public void The_MongoDB_engine_runs_the_same_contract_when_a_server_is_given() { }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_document_is_read_back_as_written_with_its_version(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        Assert.Null(await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s1") with { Note = "窗口 3" })));
        var stored = await store.GetAsync(Slots, "s1");
        Assert.Equal(Slot("s1") with { Note = "窗口 3" }, stored!.Document);
        Assert.Equal(1, stored.Version);
        Assert.Null(await store.GetAsync(Slots, "nope"));

        Assert.Null(await store.CommitAsync(new WriteBatch().Insert(Cases, Case("c1", 7, "h1", "p1", "p2"))));
        Assert.Equal(7, (await store.GetAsync(Cases, "c1"))!.Version);
        Assert.Equal(["p1", "p2"], (await store.GetAsync(Cases, "c1"))!.Document.People);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task An_insert_is_refused_on_its_id_or_a_unique_rule_by_name_and_the_whole_batch_is_dropped(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s1")).Insert(Cases, Case("c1", 1, "h1", "p1")));

        var sameId = await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s2", kind: SlotKind.Afternoon)).Insert(Slots, Slot("s1", date: Day.AddDays(5))));
        Assert.Equal(new WriteConflict.DuplicateKey("slots", "s1", "id"), sameId);
        Assert.Null(await store.GetAsync(Slots, "s2"));

        var sameDay = await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s3")));
        Assert.Equal(new WriteConflict.DuplicateKey("slots", "s3", "one-slot-per-office-date-kind"), sameDay);

        var openTwice = await store.CommitAsync(new WriteBatch().Insert(Cases, Case("c2", 1, "h1", "p9")));
        Assert.Equal("one-open-case-per-household", Assert.IsType<WriteConflict.DuplicateKey>(openTwice).Rule);

        // A value shared through a multi-valued field is refused too; documents without a value are not held to it.
        var samePerson = await store.CommitAsync(new WriteBatch().Insert(Cases, Case("c3", 1, "h3", "p8", "p1")));
        Assert.Equal("one-case-per-person", Assert.IsType<WriteConflict.DuplicateKey>(samePerson).Rule);
        Assert.Null(await store.CommitAsync(new WriteBatch().Insert(Cases, Case("c4", 1, null, "p4")).Insert(Cases, Case("c5", 1, null, "p5"))));
        Assert.Equal(["c1", "c4", "c5"], (await store.FindAsync(Cases, DocumentQuery.All)).Select(c => c.Document.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_replacement_names_the_version_it_read_and_a_stale_one_changes_nothing(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s1")).Insert(Cases, Case("c1", 1, "h1", "p1")));

        Assert.Null(await store.CommitAsync(new WriteBatch().Replace(Slots, Slot("s1", capacity: 5), 1)));
        Assert.Equal((5, 2L), ((await store.GetAsync(Slots, "s1"))!.Document.Capacity, (await store.GetAsync(Slots, "s1"))!.Version));

        var stale = await store.CommitAsync(new WriteBatch().Replace(Cases, Case("c1", 2, null, "p1", "p2"), 1).Replace(Slots, Slot("s1", capacity: 9), 1));
        Assert.Equal(new WriteConflict.Stale("slots", "s1"), stale);
        Assert.Equal(1, (await store.GetAsync(Cases, "c1"))!.Version);
        Assert.Equal("h1", (await store.GetAsync(Cases, "c1"))!.Document.OpenFor);

        // A closed case frees its household; its people move with the document.
        Assert.Null(await store.CommitAsync(new WriteBatch().Replace(Cases, Case("c1", 2, null, "p2"), 1)));
        Assert.Null(await store.CommitAsync(new WriteBatch().Insert(Cases, Case("c2", 1, "h1", "p1"))));
        Assert.Equal(["c2"], (await store.FindAsync(Cases, DocumentQuery.Where("people", "p1"))).Select(c => c.Document.Id));
        Assert.Equal(new WriteConflict.Stale("cases", "zz"), await store.CommitAsync(new WriteBatch().Replace(Cases, Case("zz", 2, null), 1)));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task The_slot_counter_takes_a_place_only_while_one_is_left_and_never_gives_back_below_zero(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s1", capacity: 2)));

        Assert.Null(await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked")));
        Assert.Null(await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked").Insert(Tickets, new TestTicket("t2", "d", 2))));
        var full = await store.CommitAsync(new WriteBatch().Insert(Tickets, new TestTicket("t3", "d", 3)).Increment(Slots, "s1", "booked"));
        Assert.Equal(new WriteConflict.LimitReached("slots", "s1", "booked"), full);
        Assert.Null(await store.GetAsync(Tickets, "t3"));
        var slot = await store.GetAsync(Slots, "s1");
        Assert.Equal(2, slot!.Document.Booked);
        Assert.Equal(3, slot.Version);
        Assert.Single(await store.FindAsync(Slots, DocumentQuery.Where("booked", 2)));

        Assert.Null(await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked", -2)));
        Assert.Equal(new WriteConflict.LimitReached("slots", "s1", "booked"), await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked", -1)));
        Assert.Equal(new WriteConflict.Missing("slots", "zz"), await store.CommitAsync(new WriteBatch().Increment(Slots, "zz", "booked")));

        // More places: the ceiling is the slot's capacity as it now is.
        await store.CommitAsync(new WriteBatch().Replace(Slots, (await store.GetAsync(Slots, "s1"))!.Document with { Capacity = 3 }, 4));
        for (var i = 0; i < 3; i++) Assert.Null(await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked")));
        Assert.IsType<WriteConflict.LimitReached>(await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked")));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Two_hundred_couples_at_once_take_exactly_the_places_there_are(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s1", capacity: 50)));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked").Insert(Tickets, new TestTicket($"t{i}", "d", i))))));
        Assert.Equal(50, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<WriteConflict.LimitReached>(o));
        Assert.Equal(50, (await store.GetAsync(Slots, "s1"))!.Document.Booked);
        Assert.Equal(50, await store.CountAsync(Tickets, DocumentQuery.All));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Queries_filter_order_and_page_by_declared_fields(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        var batch = new WriteBatch();
        for (var d = 0; d < 5; d++)
        {
            batch.Insert(Slots, Slot($"x{d}m", date: Day.AddDays(d), booked: d % 3));
            batch.Insert(Slots, Slot($"x{d}a", date: Day.AddDays(d), kind: SlotKind.Afternoon, booked: 1));
        }
        batch.Insert(Slots, Slot("other", office: "dongcheng"));
        Assert.Null(await store.CommitAsync(batch));

        var range = DocumentQuery.Where("office", "xicheng").AndBetween("date", Day.AddDays(1), Day.AddDays(3)).OrderBy("date").OrderBy("kind");
        Assert.Equal(["x1a", "x1m", "x2a", "x2m", "x3a", "x3m"], Ids(await store.FindAsync(Slots, range)));
        Assert.Equal(["x2a", "x2m"], Ids(await store.FindAsync(Slots, range.Page(2, 2))));
        // Ties are broken by id on both engines, so a page is the same page everywhere.
        var busiest = DocumentQuery.Where("office", "xicheng").AndBetween("date", Day.AddDays(1), Day.AddDays(3)).OrderByDescending("booked").Take(3);
        Assert.Equal(["x2m", "x1a", "x1m"], Ids(await store.FindAsync(Slots, busiest)));
        Assert.Equal(6, await store.CountAsync(Slots, range));
        Assert.Equal(["x0m", "x1m", "x2m", "x3m", "x4m"], Ids(await store.FindAsync(Slots, DocumentQuery.Where("kind", SlotKind.Morning).AndNot("office", "dongcheng"))));
        Assert.Equal(["other", "x0m"], Ids(await store.FindAsync(Slots, DocumentQuery.Where("date", Day).AndIn("kind", [SlotKind.Morning]))));
        Assert.Equal(["x4a", "x4m"], Ids(await store.FindAsync(Slots, DocumentQuery.All.AndAfter("date", Day.AddDays(3)))));
        Assert.Equal(["x0a", "x0m"], Ids(await store.FindAsync(Slots, DocumentQuery.Where("office", "xicheng").AndBefore("date", Day.AddDays(1)))));
        Assert.Empty(await store.FindAsync(Slots, DocumentQuery.All.AndIn("office", [])));
        Assert.Equal(11, (await store.FindAsync(Slots, DocumentQuery.Where("note", null))).Count);
        Assert.Equal(["x0a", "x0m"], Ids(await store.GetManyAsync(Slots, ["x0m", "x0a", "missing"])).Order());
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Figures_are_counted_and_summed_per_group_without_reading_documents(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        var batch = new WriteBatch();
        for (var d = 0; d < 4; d++) batch.Insert(Slots, Slot($"s{d}", capacity: 10, booked: d, date: Day.AddDays(d % 2), kind: (SlotKind)(d / 2)));
        await store.CommitAsync(batch);

        var byDate = await store.GroupAsync(Slots, DocumentQuery.Where("office", "xicheng"), ["date"], "booked");
        Assert.Equal([("2026-12-12", 2L, 2.0), ("2026-12-13", 2L, 4.0)], byDate.Select(g => ((string)g.Key[0]!, g.Count, g.Sum)));
        var byDateKind = await store.GroupAsync(Slots, DocumentQuery.All, ["date", "kind"]);
        Assert.Equal(4, byDateKind.Count);
        Assert.All(byDateKind, g => Assert.Equal(1, g.Count));
        Assert.Equal(["Afternoon", "Morning"], byDateKind.Take(2).Select(g => (string)g.Key[1]!));
        var all = Assert.Single(await store.GroupAsync(Slots, DocumentQuery.All, [], "capacity"));
        Assert.Equal((4L, 40.0), (all.Count, all.Sum));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Numbers_of_a_series_are_given_in_order_once_each(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        var numbered = new List<Numbered<TestTicket>>();
        for (var i = 0; i < 3; i++)
        {
            var batch = new WriteBatch();
            numbered.Add(batch.InsertNumbered(Tickets, "A:2026-12-12", (t, n) => t with { Id = $"A{n:D3}", Number = n }, new TestTicket("", "2026-12-12", 0)));
            Assert.Null(await store.CommitAsync(batch));
        }
        var other = new WriteBatch();
        var b1 = other.InsertNumbered(Tickets, "B:2026-12-12", (t, n) => t with { Id = $"B{n:D3}", Number = n }, new TestTicket("", "2026-12-12", 0));
        await store.CommitAsync(other);
        Assert.Equal(["A001", "A002", "A003"], numbered.Select(n => n.Document.Id));
        Assert.Equal("B001", b1.Document.Id);
        Assert.Equal([1L, 2L, 3L], (await store.FindAsync(Tickets, DocumentQuery.Where("day", "2026-12-12").AndBefore("number", 4L).OrderBy("number")))
            .Where(t => t.Document.Id.StartsWith('A')).Select(t => t.Document.Number));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Outbox_messages_exist_exactly_when_the_change_they_report_does(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        var outbox = new OutboxStore(store);
        OutboxMessage Event(string id) => new(id, "m1", "feedback", "/x.Y/Z", [1, 2], Window.MarriageRegistration, null, DateTimeOffset.UnixEpoch);

        Assert.Null(await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s1")).Outbox([Event("e1"), Event("e2")])));
        Assert.NotNull(await store.CommitAsync(new WriteBatch().Outbox([Event("e3")]).Insert(Slots, Slot("s1"))));
        var pending = await outbox.PendingAsync(10, default);
        Assert.Equal(["e1", "e2"], pending.Select(p => p.Message.EventId));
        Assert.True(pending[0].Record.Sequence < pending[1].Record.Sequence);
        Assert.Equal([1, 2], pending[0].Message.Payload);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_call_transaction_commits_its_writes_with_its_record_or_nothing(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        await store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s1", capacity: 1)));

        // Rolled back: the booking is gone with the call.
        await using (var call = store.BeginCall())
        {
            Assert.Null(await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked").Insert(Tickets, new TestTicket("t1", "d", 1))));
            Assert.Equal(1, (await store.GetAsync(Slots, "s1"))!.Document.Booked); // the call reads its own writes
            Assert.True(call.HasWrites);
        }
        Assert.Equal(0, (await store.GetAsync(Slots, "s1"))!.Document.Booked);
        Assert.Null(await store.GetAsync(Tickets, "t1"));

        // A refused batch inside undoes itself only; completing commits the rest with the closing batch.
        await using (var call = store.BeginCall())
        {
            Assert.Null(await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked").Insert(Tickets, new TestTicket("t1", "d", 1))));
            Assert.IsType<WriteConflict.LimitReached>(await store.CommitAsync(new WriteBatch().Insert(Tickets, new TestTicket("t2", "d", 2)).Increment(Slots, "s1", "booked")));
            Assert.Null(await call.CompleteAsync(new WriteBatch().Insert(Tickets, new TestTicket("record", "d", 0)), default));
        }
        Assert.Equal(["record", "t1"], Ids(await store.FindAsync(Tickets, DocumentQuery.All)));
        Assert.Equal(1, (await store.GetAsync(Slots, "s1"))!.Document.Booked);

        // A closing batch that is refused (the record already exists: another process answered first) undoes it all.
        await store.CommitAsync(new WriteBatch().Replace(Slots, Slot("s1", capacity: 5, booked: 1), 2));
        await using (var call = store.BeginCall())
        {
            Assert.Null(await store.CommitAsync(new WriteBatch().Increment(Slots, "s1", "booked")));
            Assert.IsType<WriteConflict.DuplicateKey>(await call.CompleteAsync(new WriteBatch().Insert(Tickets, new TestTicket("record", "d", 0)), default));
        }
        Assert.Equal(1, (await store.GetAsync(Slots, "s1"))!.Document.Booked);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Purging_removes_only_what_matches(string kind)
    {
        await using var test = await TestStore.CreateAsync(kind);
        var store = test.Store;
        await store.CommitAsync(new WriteBatch().Insert(Cases, Case("c1", 1, "h1", "p1")).Insert(Cases, Case("c2", 1, "h2", "p2") with { Amount = 5 }));
        Assert.Equal(1, await store.PurgeAsync(Cases, DocumentQuery.All.AndBefore("amount", 10.0)));
        Assert.Equal(["c1"], Ids(await store.FindAsync(Cases, DocumentQuery.All)));
        // The purged case's person is free again.
        Assert.Null(await store.CommitAsync(new WriteBatch().Insert(Cases, Case("c3", 1, "h3", "p2"))));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_field_a_later_release_declares_is_filled_from_the_documents_already_stored(string kind)
    {
        var before = new DocumentCollection<TestSlot>("evolving", TestDocumentsJson.Default.TestSlot, s => s.Id).Field("office", s => s.Office);
        var after = new DocumentCollection<TestSlot>("evolving", TestDocumentsJson.Default.TestSlot, s => s.Id)
            .Field("office", s => s.Office).Field("date", s => s.Date).Index("date");
        await using var test = await TestStore.CreateAsync(kind, [before]);
        await test.Store.CommitAsync(new WriteBatch().Insert(before, Slot("s1")).Insert(before, Slot("s2", date: Day.AddDays(1))));
        await test.Store.InitializeAsync([after]);
        Assert.Equal(["s2"], Ids(await test.Store.FindAsync(after, DocumentQuery.Where("date", Day.AddDays(1)))));
        await test.Store.InitializeAsync([after]);
        Assert.Equal(2, await test.Store.CountAsync(after, DocumentQuery.All));
    }

    [Fact]
    public async Task An_acknowledged_batch_is_in_the_file_when_the_store_is_opened_again()
    {
        await using var test = await TestStore.CreateAsync(StoreKinds.Sqlite);
        await test.Store.CommitAsync(new WriteBatch().Insert(Slots, Slot("s1")).Increment(Slots, "s1", "booked"));
        using var reopened = test.Reopen();
        await reopened.InitializeAsync(TestCollections.All);
        Assert.Equal(1, (await reopened.GetAsync(Slots, "s1"))!.Document.Booked);
    }

    private static List<string> Ids<T>(IEnumerable<Stored<T>> stored) where T : class =>
        stored.Select(s => s.Document switch { TestSlot x => x.Id, TestCase c => c.Id, TestTicket t => t.Id, _ => "?" }).ToList();
}
