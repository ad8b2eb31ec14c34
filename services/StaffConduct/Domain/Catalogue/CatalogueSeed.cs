namespace CivilAffairs.StaffConduct.Domain.Catalogue;

/// <summary>
/// The catalogue the service starts with: the main items of each of the ten windows, written from the bureau's
/// domain notes (DOMAIN.md). Loaded once into an empty store, in force from the day of loading; from then on it is
/// the administrators' data. Time limits here are the usual local promises and are meant to be edited.
/// </summary>
public static class CatalogueSeed
{
    private const string Assessment = "按承诺时限办结率、群众满意度（好差评）、差错投诉情况纳入窗口和个人月度考核";
    private const string Supervision = "窗口“好差评”评价器、意见箱；监督电话12345；行风评议员监督；办事结果和整改情况公开";
    private const string Requirements = "一次性告知所需材料，材料齐全符合法定形式的当场受理";
    private const string Identity = "本人有效身份证件";

    public static IReadOnlyList<ServiceItemVersion> Items(DateOnly effectiveFrom, DateTimeOffset now)
    {
        ServiceItemVersion Item(string id, Window window, string name, string served, string content, string[] basis, string[] process,
            string[] documents, TimeLimit limit, string post, params string[] extraRequirements) =>
            new(id, window, "", 1, effectiveFrom,
                new ServiceItemContent(name, served, content, basis, process, [Requirements, .. extraRequirements], Assessment, Supervision,
                    documents, limit, 0, post),
                now, "初始目录");

        var onTheSpot = new TimeLimit(30, TimeLimitUnit.Minutes);
        string[] civilCode = ["《中华人民共和国民法典》"];
        string[] marriageRules = [.. civilCode, "《婚姻登记条例》（2025年5月10日起施行）"];
        string[] assistanceRules = ["《社会救助暂行办法》", "本省最低生活保障审核确认办法"];
        return
        [
            Item("MR-01", Window.MarriageRegistration, "结婚登记", "男满22周岁、女满20周岁，双方自愿、均无配偶且非禁止结婚亲属关系的公民",
                "受理结婚登记申请，审查后当场颁发结婚证；全国通办，可预约办理、举行颁证仪式", marriageRules,
                ["双方共同到场提出申请", "查验身份证件，签署无配偶及无禁止结婚亲属关系声明", "审查并录入婚姻登记信息", "当场颁发结婚证"],
                [Identity + "（双方）", "近期二寸半身免冠合影照片3张"], onTheSpot, "婚姻登记员", "双方须本人亲自到场"),
            Item("MR-02", Window.MarriageRegistration, "离婚登记", "自愿离婚并对子女抚养、财产及债务处理协商一致的夫妻",
                "受理离婚登记申请并出具回执；30日冷静期届满后30日内，双方共同到场领取离婚证", marriageRules,
                ["双方持离婚协议共同到场申请，登记机关受理并出具回执", "30日冷静期内任何一方可撤回申请", "冷静期届满后30日内双方共同到场申请发证，逾期视为撤回", "审查后颁发离婚证"],
                [Identity + "（双方）", "结婚证", "双方签署的离婚协议书", "近期二寸单人半身免冠照片各2张"], onTheSpot, "婚姻登记员", "双方须本人亲自到场"),
            Item("MR-03", Window.MarriageRegistration, "补领婚姻登记证", "婚姻登记证遗失或损毁的当事人",
                "依据婚姻登记档案补发结婚证或离婚证", marriageRules,
                ["当事人到场申请", "查询核对婚姻登记档案", "当场补发婚姻登记证"],
                [Identity, "近期二寸照片"], onTheSpot, "婚姻登记员"),
            Item("SA-01", Window.SocialAssistance, "最低生活保障申请", "家庭人均收入低于当地低保标准且财产符合规定的家庭",
                "对符合条件的家庭按（低保标准－家庭人均收入）×人数按月发放低保金", assistanceRules,
                ["向乡镇（街道）窗口提出申请（可由村（居）委会代为提出）", "受理", "家庭经济状况调查核对与入户调查", "民主评议", "公示7天", "审核确认，不予确认的3个工作日内书面告知理由", "按月发放"],
                ["申请书", "户口簿、" + Identity, "家庭收入、财产状况声明及授权核对书"], new TimeLimit(25, TimeLimitUnit.WorkingDays), "社会救助专干"),
            Item("SA-02", Window.SocialAssistance, "临时救助申请", "因突发事件、意外伤害、重大疾病等导致基本生活暂时出现严重困难的家庭或个人",
                "给予一次性临时救助；急难型可先行救助、后补手续", assistanceRules,
                ["提出申请", "受理并调查核实（急难型先行救助）", "审核审批", "公示（急难型除外）", "发放救助金或实物"],
                ["申请书", Identity, "困难情况证明材料"], new TimeLimit(10, TimeLimitUnit.WorkingDays), "社会救助专干"),
            Item("EC-01", Window.ElderlyCare, "高龄津贴申领", "达到本地规定年龄的本地户籍老年人",
                "按月发放高龄津贴", ["《中华人民共和国老年人权益保障法》", "本地高龄津贴发放办法"],
                ["提出申请", "审核户籍与年龄信息", "公示", "按月发放"],
                [Identity, "户口簿", "本人银行账户"], new TimeLimit(15, TimeLimitUnit.WorkingDays), "养老服务专干"),
            Item("EC-02", Window.ElderlyCare, "养老机构备案", "拟开展养老服务的养老机构",
                "办理养老机构备案并纳入监管", ["《中华人民共和国老年人权益保障法》", "《养老机构管理办法》"],
                ["提交备案书和承诺书", "核对材料", "出具备案回执"],
                ["备案书", "承诺书", "营业执照或登记证书"], new TimeLimit(1, TimeLimitUnit.WorkingDays), "养老服务专干"),
            Item("CW-01", Window.ChildWelfare, "孤儿基本生活保障金申领", "失去父母或查找不到生父母的未满18周岁儿童",
                "按月发放孤儿基本生活费", ["《中华人民共和国未成年人保护法》", "《国务院办公厅关于加强孤儿保障工作的意见》"],
                ["监护人提出申请", "调查核实", "审核认定", "公示", "按月发放"],
                ["申请表", "儿童户口簿", "父母死亡或失踪证明"], new TimeLimit(20, TimeLimitUnit.WorkingDays), "儿童福利专干"),
            Item("CW-02", Window.ChildWelfare, "事实无人抚养儿童认定", "父母双方均符合重残、重病、服刑、失联等情形的儿童",
                "认定后纳入保障，发放基本生活补贴", ["《中华人民共和国未成年人保护法》", "《关于进一步加强事实无人抚养儿童保障工作的意见》"],
                ["监护人提出申请", "调查核实", "审核认定", "按月发放补贴"],
                ["申请表", "儿童户口簿", "父母情况证明材料"], new TimeLimit(20, TimeLimitUnit.WorkingDays), "儿童福利专干"),
            Item("AR-01", Window.AdoptionRegistration, "收养登记", "符合民法典收养条件的收养人、送养人和被收养人",
                "审查后办理收养登记，发给收养登记证", [.. civilCode, "《中国公民收养子女登记办法》"],
                ["收养关系当事人亲自到场申请", "审查", "调查评估", "公告（被收养人为查找不到生父母的儿童时）", "准予登记的发给收养登记证"],
                [Identity, "户口簿", "收养申请书", "健康检查证明"], new TimeLimit(30, TimeLimitUnit.Days), "收养登记员"),
            Item("AR-02", Window.AdoptionRegistration, "解除收养关系登记", "协议解除收养关系的当事人",
                "审查后办理解除收养关系登记，发给解除收养关系证明", [.. civilCode, "《中国公民收养子女登记办法》"],
                ["当事人共同到场申请", "审查解除收养关系协议", "发给解除收养关系证明"],
                [Identity, "收养登记证", "解除收养关系协议书"], new TimeLimit(30, TimeLimitUnit.Days), "收养登记员"),
            Item("FS-01", Window.FuneralServices, "基本殡葬服务", "逝者家属",
                "遗体接运、暂存、火化、骨灰寄存等基本殡葬服务", ["《殡葬管理条例》"],
                ["家属报丧预约", "遗体接运", "办理火化手续", "火化", "骨灰领取或寄存"],
                ["死亡医学证明或死亡证明", "逝者及经办人" + Identity], onTheSpot, "殡葬服务员"),
            Item("FS-02", Window.FuneralServices, "惠民殡葬补贴申领", "符合本地惠民殡葬政策的逝者家属",
                "减免基本殡葬服务费用", ["《殡葬管理条例》", "本地惠民殡葬政策"],
                ["提出申请", "审核", "费用减免或补贴发放"],
                ["火化证明", "逝者户籍证明", "经办人" + Identity], new TimeLimit(10, TimeLimitUnit.WorkingDays), "殡葬服务员"),
            Item("VR-01", Window.VagrantRelief, "生活无着流浪乞讨人员救助", "因自身无力解决食宿、无亲友投靠、又不享受城市最低生活保障或者农村五保供养，正在城市流浪乞讨度日的人员",
                "提供食宿、急病救治、协助返回等临时性救助", ["《城市生活无着的流浪乞讨人员救助管理办法》"],
                ["求助登记", "甄别询问", "提供食宿等救助", "寻亲或协助返乡"],
                ["本人身份证件（无证件的如实陈述）"], onTheSpot, "救助管理员"),
            Item("VR-02", Window.VagrantRelief, "寻亲服务", "身份不明的受助人员",
                "通过人像比对、寻亲公告等方式帮助受助人员寻找亲属", ["《城市生活无着的流浪乞讨人员救助管理办法》"],
                ["采集信息", "公安人像比对与DNA比对", "发布寻亲公告", "核实亲属关系并护送返乡"],
                ["受助人员信息"], new TimeLimit(30, TimeLimitUnit.Days), "救助管理员"),
            Item("SO-01", Window.SocialOrganizations, "社会团体成立登记", "拟成立社会团体的发起人",
                "审查后准予登记的发给社会团体法人登记证书", ["《社会团体登记管理条例》"],
                ["业务主管单位审查同意（需要时）", "提交登记申请材料", "审查", "准予登记的发给登记证书"],
                ["登记申请书", "章程草案", "验资报告", "负责人身份证明"], new TimeLimit(60, TimeLimitUnit.Days), "社会组织登记员"),
            Item("SO-02", Window.SocialOrganizations, "民办非企业单位成立登记", "拟举办民办非企业单位（社会服务机构）的举办者",
                "审查后准予登记的发给民办非企业单位登记证书", ["《民办非企业单位登记管理暂行条例》"],
                ["业务主管单位审查同意（需要时）", "提交登记申请材料", "审查", "准予登记的发给登记证书"],
                ["登记申请书", "章程草案", "场所使用权证明", "验资报告"], new TimeLimit(60, TimeLimitUnit.Days), "社会组织登记员"),
            Item("DW-01", Window.DisabilityWelfare, "困难残疾人生活补贴申领", "纳入最低生活保障范围的残疾人",
                "按月发放困难残疾人生活补贴", ["《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》"],
                ["提出申请", "审核", "审定", "按月发放"],
                ["申请表", "残疾人证", Identity], new TimeLimit(20, TimeLimitUnit.WorkingDays), "残疾人福利专干"),
            Item("DW-02", Window.DisabilityWelfare, "重度残疾人护理补贴申领", "残疾等级为一级、二级且需要长期照护的重度残疾人",
                "按月发放重度残疾人护理补贴", ["《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》"],
                ["提出申请", "审核", "审定", "按月发放"],
                ["申请表", "残疾人证", Identity], new TimeLimit(20, TimeLimitUnit.WorkingDays), "残疾人福利专干"),
            Item("PN-01", Window.PlaceNames, "地名命名、更名审批", "需要对道路、街巷、住宅区等命名或更名的单位",
                "依法审批地名的命名、更名并公告", ["《地名管理条例》"],
                ["提出申请", "征求意见与论证", "审核报批", "公告"],
                ["申请书", "命名或更名理由及拟用名称的含义说明", "位置示意图"], new TimeLimit(60, TimeLimitUnit.Days), "地名管理员"),
            Item("PN-02", Window.PlaceNames, "门牌号码编制及地名证明", "需要编制门牌号码或开具地名证明的单位和个人",
                "编制门牌号码，出具标准地名地址证明", ["《地名管理条例》"],
                ["提出申请", "实地核查", "编制门牌或出具证明"],
                ["申请书", Identity, "房屋产权或使用证明"], new TimeLimit(5, TimeLimitUnit.WorkingDays), "地名管理员"),
        ];
    }
}
