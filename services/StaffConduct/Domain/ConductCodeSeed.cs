namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// The conduct code the service starts with (the campaign's five parts and its "five ones"), loaded once into an
/// empty store; from then on it is the administrator's data.
/// </summary>
public static class ConductCodeSeed
{
    public static IReadOnlyList<ConductRule> Rules(DateTimeOffset now) =>
    [
        Rule("A-01", ConductPart.Appearance, "按规定统一着装，佩戴工作牌，服装整洁", now),
        Rule("A-02", ConductPart.Appearance, "仪表端庄，发型得体，不佩戴夸张饰物", now),
        Rule("B-01", ConductPart.Behaviour, "坐姿端正，不在窗口吃东西、玩手机、闲聊", now),
        Rule("B-02", ConductPart.Behaviour, "群众到窗口时起身或点头示意，双手递接材料", now),
        Rule("T-01", ConductPart.Attitude, "一张笑脸、一声问候、一杯热茶", now),
        Rule("T-02", ConductPart.Attitude, "首问负责、一人负责到底，给群众一个满意答复", now),
        Rule("T-03", ConductPart.Attitude, "不推诿、不刁难、不冷硬横推", now),
        Rule("L-01", ConductPart.CourteousLanguage, "使用普通话和文明用语：您好、请、谢谢、对不起、再见", now),
        Rule("L-02", ConductPart.CourteousLanguage, "不说服务忌语，不与群众争吵", now),
        Rule("W-01", ConductPart.WorkOrder, "按时到岗，不迟到早退，离岗时放置暂停服务牌并说明去向", now),
        Rule("W-02", ConductPart.WorkOrder, "一次性告知所需材料，按承诺时限办结", now),
        Rule("W-03", ConductPart.WorkOrder, "窗口台面整洁，资料摆放有序", now),
    ];

    private static ConductRule Rule(string id, ConductPart part, string text, DateTimeOffset now) => new(id, part, text, true, 1, now);
}
