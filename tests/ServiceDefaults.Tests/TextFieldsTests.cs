using CivilAffairs.Feedback.V1;
using CivilAffairs.Marriage.V1;
using CivilAffairs.ServiceDefaults.Errors;
using Google.Rpc;
using Grpc.Core;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>Every text field of every request, checked before a service sees it.</summary>
public sealed class TextFieldsTests
{
    private static IReadOnlyList<string> Refused(Google.Protobuf.IMessage message)
    {
        var error = Assert.Throws<RpcException>(() => TextFieldsInterceptor.Check(message));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
    }

    private static BookAppointmentRequest Booking(string firstName = "张三", string secondPhone = "13900139000") => new()
    {
        OfficeId = "xicheng-1", SlotId = "xicheng-1-20261215-0900",
        FirstParty = new Party { Name = firstName, IdNumber = "110101199001010111", Phone = "13800138000" },
        SecondParty = new Party { Name = "李四", IdNumber = "110101199202020228", Phone = secondPhone },
    };

    [Fact]
    public void A_control_character_in_a_name_is_refused_naming_the_field_by_its_path()
    {
        Assert.Equal(["first_party.name"], Refused(Booking(firstName: "张\0三")));
        Assert.Equal(["first_party.name", "second_party.phone"], Refused(Booking(firstName: "张三\n", secondPhone: "139\u001b00139000")));
        TextFieldsInterceptor.Check(Booking());
    }

    [Fact]
    public void Free_text_keeps_its_line_breaks_but_nothing_else_invisible()
    {
        TextFieldsInterceptor.Check(new ReplyToSuggestionRequest { SuggestionId = "s1", Text = "已收到。\r\n我们将于周一回电。\n谢谢" });
        Assert.Equal(["text"], Refused(new ReplyToSuggestionRequest { SuggestionId = "s1", Text = "已收到\t谢谢" }));
        Assert.Equal(["suggestion_id"], Refused(new ReplyToSuggestionRequest { SuggestionId = "s\n1", Text = "好" }));
    }

    [Fact]
    public void A_broken_character_is_refused_and_a_real_one_outside_the_basic_plane_is_kept()
    {
        Assert.Equal(["first_party.name"], Refused(Booking(firstName: "张\uD800三")));
        TextFieldsInterceptor.Check(Booking(firstName: "𠀋三")); // a CJK Extension B character: a surrogate pair
    }
}
