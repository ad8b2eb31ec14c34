using CivilAffairs.SharedKernel;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using CivilAffairs.ServiceDefaults.Metrics;
using CivilAffairs.ServiceDefaults.Telemetry;

namespace CivilAffairs.ServiceDefaults.Errors;

/// <summary>
/// Turns the domain's refusals into gRPC statuses with google.rpc details, so the Api classes stay thin and every
/// service answers the same way: field violations for bad input, the rule for a broken rule, a retry hint for limits.
/// JSON transcoding turns the same statuses into HTTP 400/404/409/429.
/// </summary>
public sealed class DomainErrorInterceptor(PlatformMetrics metrics, WindowDefault fallback) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DomainException error)
        {
            CountRefusal(error);
            throw ToRpcException(error);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (DomainException error)
        {
            CountRefusal(error);
            throw ToRpcException(error);
        }
    }

    /// <summary>Refusals by a rule are counted per window and rule, so operators see what people are turned away for.</summary>
    private void CountRefusal(DomainException error)
    {
        if (error is RuleViolated rule && WindowCodes.TryParse(WindowTelemetry.Current() ?? fallback.Code, out var window))
            metrics.Refused(window, rule.Rule);
    }

    public static RpcException ToRpcException(DomainException error)
    {
        // A refusal repeats what it names, never the whole of a caller's input: the status travels in a header.
        var status = new Google.Rpc.Status { Message = error.Message.Length <= 2000 ? error.Message : error.Message[..2000] + "…" };
        switch (error)
        {
            case ValidationFailed invalid:
                status.Code = (int)Code.InvalidArgument;
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(invalid.Violations.Select(v =>
                    new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
                status.Details.Add(Any.Pack(badRequest));
                break;
            case NotFound notFound:
                status.Code = (int)Code.NotFound;
                status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = notFound.Resource, ResourceName = notFound.Id }));
                break;
            case RuleViolated rule:
                status.Code = (int)Code.FailedPrecondition;
                var failure = new PreconditionFailure();
                failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = rule.Rule, Description = rule.Message });
                status.Details.Add(Any.Pack(failure));
                break;
            case AlreadyExists exists:
                status.Code = (int)Code.AlreadyExists;
                status.Details.Add(Any.Pack(new ResourceInfo { ResourceType = exists.Resource, Description = exists.Message }));
                break;
            case LimitReached limit:
                status.Code = (int)Code.ResourceExhausted;
                status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(limit.RetryAfter) }));
                break;
            default:
                status.Code = (int)Code.FailedPrecondition;
                break;
        }
        var exception = status.ToRpcException();
        if (error is LimitReached reached)
            exception.Trailers.Add("retry-after", ((int)Math.Ceiling(reached.RetryAfter.TotalSeconds)).ToString());
        return exception;
    }
}
