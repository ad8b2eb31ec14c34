using System.Security.Cryptography;
using System.Text;

namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// The verification code printed on every certificate issued here (with a QR code link): an HMAC-SHA256 of the
/// certificate number under a key only the server holds, so it cannot be guessed from the number, and needs no storage.
/// 16 characters of an unambiguous alphabet (80 bits).
/// </summary>
public sealed class CertificateCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // 32 symbols, no 0/O, 1/I
    private const int Length = 16;
    private readonly byte[] _key;
    private readonly string _linkBase;

    /// <param name="linkBase">Where the QR code points: the public verification route, e.g. https://gateway.example/</param>
    public CertificateCodes(byte[] key, string linkBase)
    {
        if (key.Length < 32) throw new ArgumentException("a certificate verification key has at least 32 bytes", nameof(key));
        _key = key;
        _linkBase = linkBase.TrimEnd('/');
    }

    public string CodeFor(string certificateNumber)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(certificateNumber));
        var code = new StringBuilder(Length);
        ulong bits = 0;
        var available = 0;
        var next = 0;
        while (code.Length < Length)
        {
            if (available < 5)
            {
                bits = (bits << 8) | mac[next++];
                available += 8;
            }
            code.Append(Alphabet[(int)((bits >> (available - 5)) & 31)]);
            available -= 5;
        }
        return code.ToString();
    }

    /// <summary>Compared in constant time; case and spaces as a person might type them do not matter.</summary>
    public bool Matches(string certificateNumber, string? code)
    {
        var given = Encoding.ASCII.GetBytes(new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray()));
        return CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(CodeFor(certificateNumber)));
    }

    public string LinkFor(string certificateNumber) =>
        $"{_linkBase}/api/marriage/v1/certificates/{Uri.EscapeDataString(certificateNumber)}/verification?code={CodeFor(certificateNumber)}";
}
