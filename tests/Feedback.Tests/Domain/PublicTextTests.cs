using CivilAffairs.Feedback.Domain;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class PublicTextTests
{
    [Theory]
    [InlineData("请回电13800138000", "请回电138****8000")]
    [InlineData("请回电+8613800138000谢谢", "请回电+86*******8000谢谢")]
    [InlineData("电话 138-0013-8000。", "电话 138******8000。")]
    [InlineData("身份证11010519491231002X办不了", "身份证110105********002X办不了")]
    [InlineData("老证号110105491231002", "老证号110105*****1002")]
    public void Phone_and_id_numbers_in_free_text_are_masked(string text, string shown) =>
        Assert.Equal(shown, PublicText.Mask(text));

    [Fact]
    public void The_suggesters_own_name_and_a_name_given_in_the_text_are_masked()
    {
        var shown = PublicText.Mask("赵子龙反映：排队太久。联系人：李四，我叫王小明", "赵子龙");

        Assert.Equal("赵*龙反映：排队太久。联系人：李*，我叫王*明", shown);
    }

    [Fact]
    public void Text_without_a_person_in_it_is_left_as_written() =>
        Assert.Equal("材料清单请提前公布，窗口 3 号 2026 年", PublicText.Mask("材料清单请提前公布，窗口 3 号 2026 年", null, "李"));
}
