using CivilAffairs.SharedKernel;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CivilAffairs.ServiceDefaults.Errors;

/// <summary>
/// Text that is not text is refused before any service sees it, in every field of every request: control characters
/// (a NUL in a staff name would reach the public wall), and unpaired surrogates (not a character at all). A newline
/// (and CR LF) is allowed in free text only: fields named as the contracts name free text (<see cref="FreeTextFields"/>).
/// INVALID_ARGUMENT names every offending field by its path, e.g. <c>first_party.name</c>.
/// </summary>
public sealed class TextFieldsInterceptor : Interceptor
{
    /// <summary>The names the contracts give free text (comments, replies, notes...), where a line break belongs.</summary>
    public static readonly IReadOnlySet<string> FreeTextFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "comment", "comments", "note", "notes", "reason", "reasons", "description", "content", "reply", "answer",
        "agreement", "summary", "details", "findings", "resolution", "explanation", "hidden_reason", "body", "promise", "remarks",
    };

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message) Check(message);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message) Check(message);
        return continuation(request, responseStream, context);
    }

    public static void Check(IMessage message)
    {
        var violations = new List<FieldViolation>();
        Walk(message, "", violations, depth: 0);
        if (violations.Count > 0) throw DomainErrorInterceptor.ToRpcException(new ValidationFailed(violations));
    }

    private static void Walk(IMessage message, string prefix, List<FieldViolation> violations, int depth)
    {
        if (depth > 32) return; // the gRPC size limit bounds the rest
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            switch (field)
            {
                case { IsMap: true }:
                    foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
                    {
                        if (entry.Key is string key) Text(key, $"{path}[key]", false, violations);
                        Visit(entry.Value, $"{path}[{entry.Key}]", field.MessageType.FindFieldByNumber(2), violations, depth);
                    }
                    break;
                case { IsRepeated: true }:
                    var index = 0;
                    foreach (var item in (System.Collections.IEnumerable)value) Visit(item, $"{path}[{index++}]", field, violations, depth);
                    break;
                default:
                    if (field.FieldType == FieldType.Message && !field.Accessor.HasValue(message)) break;
                    Visit(value, path, field, violations, depth);
                    break;
            }
        }
    }

    private static void Visit(object? value, string path, FieldDescriptor field, List<FieldViolation> violations, int depth)
    {
        switch (value)
        {
            case string text:
                Text(text, path, FreeTextFields.Contains(field.Name), violations);
                break;
            case IMessage nested:
                Walk(nested, path + ".", violations, depth + 1);
                break;
        }
    }

    private static void Text(string text, string path, bool freeText, List<FieldViolation> violations)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                violations.Add(new FieldViolation(path, "holds a broken character (an unpaired surrogate)"));
                return;
            }
            if (!char.IsControl(c)) continue;
            if (freeText && (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))) continue;
            violations.Add(new FieldViolation(path, freeText
                ? $"holds a control character (U+{(int)c:X4}); only line breaks are allowed in free text"
                : $"holds a control character (U+{(int)c:X4}); it must be plain text on one line"));
            return;
        }
    }
}
