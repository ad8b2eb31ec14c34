using CivilAffairs.SharedKernel;

namespace CivilAffairs.DayAtTheBureau;

/// <summary>Made-up residents: valid-looking ID numbers (real check characters), names and mobile numbers.</summary>
public sealed class Residents(Random random)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "明", "霞"];
    private int _sequence;

    public string Name() => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)]
        + (random.Next(2) == 0 ? GivenNames[random.Next(GivenNames.Length)] : "");

    public string Phone() => $"1{random.Next(3, 10)}{random.Next(0, 10)}{random.Next(10_000_000, 100_000_000)}";

    /// <param name="age">in whole years today</param>
    /// <param name="male">the sequence's parity carries the sex</param>
    public string IdNumber(int age, bool male)
    {
        var born = DateOnly.FromDateTime(DateTime.Today).AddYears(-age).AddDays(-random.Next(1, 300));
        var sequence = (++_sequence % 499) * 2 + (male ? 1 : 2);
        var first17 = $"110105{born:yyyyMMdd}{sequence:D3}";
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }
}
