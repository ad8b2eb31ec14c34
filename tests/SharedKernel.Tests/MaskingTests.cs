using CivilAffairs.SharedKernel;

namespace CivilAffairs.SharedKernel.Tests;

public class MaskingTests
{
    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("李四", "李*")]
    [InlineData("欧阳建华", "欧**华")]
    [InlineData("王", "*")]
    [InlineData("", "")]
    public void Names_keep_at_most_the_first_and_last_character(string name, string masked) =>
        Assert.Equal(masked, Masking.MaskName(name));

    [Fact]
    public void Id_numbers_keep_the_first_six_and_last_four() =>
        Assert.Equal("110105********002X", Masking.MaskIdNumber("11010519491231002X"));

    [Fact]
    public void Phones_keep_the_first_three_and_last_four() =>
        Assert.Equal("138****5678", Masking.MaskPhone("13812345678"));

    [Fact]
    public void Redact_masks_id_and_mobile_numbers_inside_text_and_leaves_the_rest()
    {
        var text = "POST /x?id=11010519491231002X&tel=13812345678 order 12345";
        var redacted = Masking.Redact(text);
        Assert.Equal("POST /x?id=110105********002X&tel=138****5678 order 12345", redacted);
        Assert.False(Masking.ContainsSensitiveNumber(redacted));
        Assert.True(Masking.ContainsSensitiveNumber(text));
    }

    [Theory]
    [InlineData("请回电13800138000", "请回电138****8000")]
    [InlineData("请回电+8613800138000谢谢", "请回电+86*******8000谢谢")]
    [InlineData("tel 0086-13800138000.", "tel 008*********8000.")]
    [InlineData("手机 138-0013-8000", "手机 138******8000")]
    [InlineData("手机 138 0013 8000", "手机 138******8000")]
    [InlineData("旧证 110105491231002 作废", "旧证 110105*****1002 作废")]
    public void Numbers_written_every_usual_way_are_masked(string text, string masked)
    {
        Assert.Equal(masked, Masking.Redact(text));
        Assert.False(Masking.ContainsSensitiveNumber(Masking.Redact(text)));
    }

    [Theory]
    [InlineData("order 1234567890")]
    [InlineData("2026-12-12T08:00:00Z")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736")]
    public void Ordinary_numbers_are_left_alone(string text) => Assert.Equal(text, Masking.Redact(text));
}
