using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.Marriage.Tests;

/// <summary>The hall on the day and registration by the law, through the gRPC API on a real SQLite file.</summary>
public sealed class HallAndRegistrationTests : IDisposable
{
    private const string Today = "2026-12-12";
    private readonly MarriageOffice _office = new(new DateTime(2026, 12, 12, 8, 30, 0));

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        return error.StatusCode;
    }

    [Fact]
    public async Task Check_in_needs_both_id_numbers_of_the_appointment_and_gives_the_same_ticket_twice()
    {
        await _office.OpenDayAsync(Today);
        var (appointment, man, woman) = await _office.BookAsync(MarriageOffice.Slot(Today, "09:00"));
        var stranger = IdNumbers.Make(new DateOnly(1990, 1, 1), Sex.Male);
        var wrong = await Assert.ThrowsAsync<RpcException>(() => _office.Hall.CheckInAsync(new CheckInRequest
        {
            OfficeId = MarriageOffice.Id, AppointmentId = appointment.AppointmentId,
            FirstParty = new Party { IdNumber = stranger }, SecondParty = new Party { IdNumber = woman.IdNumber },
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, wrong.StatusCode);
        Assert.Contains("do not match", wrong.Status.Detail);

        var ticket = await _office.CheckInAsync(appointment, man, woman);
        var again = await _office.CheckInAsync(appointment, man, woman);
        Assert.Equal(("A001", TicketStatus.Waiting), (ticket.Number, ticket.Status));
        Assert.Equal(ticket.TicketId, again.TicketId);
        var fetched = await _office.Appointments.GetAppointmentAsync(new GetAppointmentRequest { AppointmentId = appointment.AppointmentId });
        Assert.Equal(AppointmentStatus.CheckedIn, fetched.Status);
    }

    [Fact]
    public async Task Windows_call_booked_couples_before_walk_ins_and_a_skipped_ticket_can_be_recalled_to_the_front()
    {
        await _office.OpenDayAsync(Today);
        var (man1, woman1) = Couples.Next();
        var walkIn = await _office.WalkInAsync(man1, woman1);
        var (appointment, man2, woman2) = await _office.BookAsync(MarriageOffice.Slot(Today, "09:00"));
        var booked = await _office.CheckInAsync(appointment, man2, woman2);
        Assert.Equal("W001", walkIn.Number);

        var first = await _office.CallAsync(1);
        Assert.Equal(booked.TicketId, first.TicketId);
        Assert.Equal(StatusCode.FailedPrecondition, await StatusOf(() => _office.CallAsync(1)));

        var skipped = await _office.Hall.SkipTicketAsync(new TicketActionRequest { TicketId = first.TicketId, WindowNumber = 1 });
        Assert.Equal(TicketStatus.Skipped, skipped.Status);
        var second = await _office.CallAsync(1);
        Assert.Equal(walkIn.TicketId, second.TicketId);

        var recalled = await _office.Hall.RecallTicketAsync(new TicketActionRequest { TicketId = first.TicketId });
        Assert.Equal((TicketStatus.Waiting, 0), (recalled.Status, recalled.WaitingAhead));
        var board = await _office.Hall.GetHallBoardAsync(new GetHallBoardRequest { OfficeId = MarriageOffice.Id });
        Assert.Equal(["A001"], board.NextTickets);
        Assert.Equal("W001", Assert.Single(board.Called).TicketNumber);
        Assert.Equal(2, board.Slots.Count);
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => _office.CallAsync(9)));
    }

    [Fact]
    public async Task An_appointment_only_day_refuses_walk_ins()
    {
        await _office.OpenDayAsync(Today, appointmentOnly: true);
        var (man, woman) = Couples.Next();
        var error = await Assert.ThrowsAsync<RpcException>(() => _office.WalkInAsync(man, woman));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("booked couples only", error.Status.Detail);
    }

    [Fact]
    public async Task A_registration_issues_a_certificate_finishes_the_ticket_and_the_archive_finds_it()
    {
        await _office.OpenDayAsync(Today);
        var (record, man, woman) = await _office.MarryAsync();
        Assert.Equal(MarriageStatus.Married, record.Status);
        Assert.StartsWith("J2026-xicheng-1-", record.CurrentCertificateNumber);
        Assert.Equal("REGISTERED", Assert.Single(record.History).Action);
        Assert.Equal(Masking.MaskIdNumber(man.IdNumber), record.FirstParty.MaskedIdNumber);

        var byCertificate = await _office.Registry.GetRecordByCertificateAsync(new GetRecordByCertificateRequest { CertificateNumber = record.CurrentCertificateNumber });
        Assert.Equal(record.MarriageId, byCertificate.MarriageId);
        var byId = await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = woman.IdNumber });
        Assert.Equal(record.MarriageId, Assert.Single(byId.Records).MarriageId);
        var partial = await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = IdNumbers.Make(new DateOnly(1990, 1, 1), Sex.Female) });
        Assert.Empty(partial.Records);
    }

    [Fact]
    public async Task A_party_already_married_is_refused_and_nothing_is_written()
    {
        await _office.OpenDayAsync(Today);
        var (_, man, _) = await _office.MarryAsync();
        var (_, otherWoman) = Couples.Next();
        await _office.WalkInAsync(man, otherWoman);
        var called = await _office.CallAsync(1);
        var error = await Assert.ThrowsAsync<RpcException>(() => _office.RegisterAsync(called, man, otherWoman));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("recorded as married", error.Status.Detail);
        Assert.Single((await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = man.IdNumber })).Records);
        Assert.Equal(TicketStatus.Called, (await _office.Hall.GetTicketAsync(new GetTicketRequest { TicketId = called.TicketId })).Status);
    }

    [Fact]
    public async Task A_woman_one_day_short_of_twenty_cannot_register_and_can_the_next_day()
    {
        await _office.OpenDayAsync(Today);
        await _office.OpenDayAsync("2026-12-13");
        var man = MarriageOffice.Person(new DateOnly(1995, 1, 1), Sex.Male);
        var woman = MarriageOffice.Person(new DateOnly(2006, 12, 13), Sex.Female, "钱七");
        await _office.WalkInAsync(man, woman);
        var called = await _office.CallAsync(2);
        var error = await Assert.ThrowsAsync<RpcException>(() => _office.RegisterAsync(called, man, woman));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("under the legal marriage age (20)", error.Status.Detail);
        Assert.Empty((await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = woman.IdNumber })).Records);

        _office.At(new DateTime(2026, 12, 13, 9, 0, 0));
        await _office.WalkInAsync(man, woman);
        var next = await _office.CallAsync(2);
        var record = await _office.RegisterAsync(next, man, woman);
        Assert.Equal("2026-12-13", record.RegisteredOn);
    }

    [Theory]
    [InlineData(false, true, true, "no spouse")]
    [InlineData(true, false, true, "blood relatives")]
    [InlineData(true, true, false, "voluntary")]
    public async Task Each_declaration_that_is_missing_refuses_the_registration_by_name(bool noSpouse, bool notRelatives, bool voluntary, string rule)
    {
        await _office.OpenDayAsync(Today);
        var (man, woman) = Couples.Next();
        await _office.WalkInAsync(man, woman);
        var called = await _office.CallAsync(1);
        var error = await Assert.ThrowsAsync<RpcException>(() => _office.RegisterAsync(called, man, woman,
            new Declarations { NeitherHasASpouse = noSpouse, NotCloseRelatives = notRelatives, Voluntary = voluntary }));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(rule, error.Status.Detail);
    }

    [Fact]
    public async Task A_wrong_check_character_and_a_29_february_that_does_not_exist_are_invalid_arguments()
    {
        await _office.OpenDayAsync(Today);
        var (man, woman) = Couples.Next();
        woman.IdNumber = IdNumbers.WithWrongCheck(woman.IdNumber);
        var error = await Assert.ThrowsAsync<RpcException>(() => _office.WalkInAsync(man, woman));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("second_party.id_number", error.Status.Detail);
        Assert.Contains("check character", error.Status.Detail);

        var first17 = "11010519970229001";
        var noLeapDay = first17 + ResidentIdNumber.CheckCharacterOf(first17);
        var (man2, woman2) = Couples.Next();
        man2.IdNumber = noLeapDay;
        error = await Assert.ThrowsAsync<RpcException>(() => _office.WalkInAsync(man2, woman2));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("first_party.id_number", error.Status.Detail);
        Assert.Contains("birth date that does not exist", error.Status.Detail);
        var board = await _office.Hall.GetHallBoardAsync(new GetHallBoardRequest { OfficeId = MarriageOffice.Id });
        Assert.Equal(0, board.Waiting);
    }

    [Fact]
    public async Task A_lost_certificate_is_reissued_under_a_new_number_and_the_old_one_is_marked_replaced()
    {
        await _office.OpenDayAsync(Today);
        var (record, man, _) = await _office.MarryAsync();
        var original = record.CurrentCertificateNumber;
        var reissued = await _office.Registry.ReissueCertificateAsync(new ReissueCertificateRequest
        {
            CertificateNumber = original, ApplicantIdNumber = man.IdNumber, Reason = "证件遗失", ClerkId = "clerk-07", OfficeId = MarriageOffice.Id, WindowNumber = 2,
        });
        Assert.NotEqual(original, reissued.CurrentCertificateNumber);
        Assert.Equal(CertificateStatus.Replaced, reissued.Certificates.Single(c => c.Number == original).Status);
        Assert.Equal(original, reissued.Certificates.Single(c => c.Number == reissued.CurrentCertificateNumber).Replaces);
        Assert.Equal(["REGISTERED", "REISSUED"], reissued.History.Select(h => h.Action));
        Assert.Equal(2, reissued.History[1].WindowNumber);

        var again = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.ReissueCertificateAsync(new ReissueCertificateRequest
        {
            CertificateNumber = original, ApplicantIdNumber = man.IdNumber, Reason = "再次遗失", ClerkId = "clerk-07", OfficeId = MarriageOffice.Id,
        }).ResponseAsync);
        Assert.Contains("already replaced", again.Status.Detail);
        Assert.Equal(record.MarriageId, (await _office.Registry.GetRecordByCertificateAsync(new GetRecordByCertificateRequest { CertificateNumber = original })).MarriageId);
    }

    [Fact]
    public async Task A_correction_keeps_the_old_name_in_the_history_masked()
    {
        await _office.OpenDayAsync(Today);
        var (record, _, _) = await _office.MarryAsync();
        var corrected = await _office.Registry.CorrectRecordAsync(new CorrectRecordRequest
        {
            MarriageId = record.MarriageId, Party = "first", NewName = "张三民", Reason = "录入错误", ClerkId = "clerk-07",
        });
        Assert.Equal("张*民", corrected.FirstParty.MaskedName);
        var entry = corrected.History.Last();
        Assert.Equal(("CORRECTED", "clerk-07"), (entry.Action, entry.By));
        Assert.Contains("张*明 -> 张*民", entry.Reason);
    }

    public void Dispose() => _office.Dispose();
}
