namespace CivilAffairs.Display.Tests;

/// <summary>A stand-in staff photo: a plain figure on a coloured ground, so screenshots look like a real wall.</summary>
public static class Portrait
{
    private static readonly string[] Grounds = ["#5b8def", "#e07a5f", "#3d9970", "#b279a2"];

    public static string Svg(string seed)
    {
        var ground = Grounds[seed.Sum(c => c) % Grounds.Length];
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 140 180" width="140" height="180">
              <rect width="140" height="180" fill="{ground}"/>
              <circle cx="70" cy="68" r="34" fill="#f2d0b5"/>
              <path d="M14 180 C 20 120, 120 120, 126 180 Z" fill="#1f3a5f"/>
              <path d="M60 124 L70 150 L80 124 Z" fill="#d7261e"/>
            </svg>
            """;
    }
}
