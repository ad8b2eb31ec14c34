using CivilAffairs.StaffConduct.Domain;

namespace CivilAffairs.StaffConduct.Tests.Domain;

public class IdempotencyTests
{
    [Fact]
    public void No_key_means_no_tag() => Assert.Null(IdempotencyTag.For(" ", "x"));

    [Fact]
    public void The_same_content_gives_the_same_fingerprint_and_other_content_another()
    {
        var first = IdempotencyTag.For("k", "a", new[] { "x", "y" }, 1)!;
        Assert.Equal(first, IdempotencyTag.For("k", "a", new[] { "x", "y" }, 1));
        Assert.NotEqual(first.Fingerprint, IdempotencyTag.For("k", "a", new[] { "x,y" }, 1)!.Fingerprint);
    }

    [Fact]
    public async Task A_known_key_replays_the_first_outcome_without_writing()
    {
        var tag = IdempotencyTag.For("k", "a")!;
        var writes = 0;
        var value = await Idempotency.WriteOnceAsync(tag,
            _ => Task.FromResult<Remembered<string>?>(new("first", tag.Fingerprint)),
            () => { writes++; return Task.FromResult((true, "second")); });
        Assert.Equal("first", value);
        Assert.Equal(0, writes);
    }

    [Fact]
    public async Task A_known_key_with_other_content_is_refused_naming_the_field()
    {
        var tag = IdempotencyTag.For("k", "b")!;
        var error = await Assert.ThrowsAsync<ValidationFailed>(() => Idempotency.WriteOnceAsync(tag,
            _ => Task.FromResult<Remembered<string>?>(new("first", IdempotencyTag.For("k", "a")!.Fingerprint)),
            () => Task.FromResult((true, "second"))));
        Assert.Equal("idempotency_key", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task A_key_taken_by_a_concurrent_request_replays_that_request()
    {
        var tag = IdempotencyTag.For("k", "a")!;
        var lookups = 0;
        var value = await Idempotency.WriteOnceAsync(tag,
            _ => Task.FromResult<Remembered<string>?>(++lookups == 1 ? null : new("theirs", tag.Fingerprint)),
            () => Task.FromResult((false, "mine")));
        Assert.Equal("theirs", value);
    }
}
