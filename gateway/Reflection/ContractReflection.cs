using CivilAffairs.Gateway.Contracts;
using CivilAffairs.Gateway.Partners;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Reflection;
using Alpha = Grpc.Reflection.V1Alpha;
using V1 = Grpc.Reflection.V1;

namespace CivilAffairs.Gateway.Reflection;

/// <summary>
/// gRPC server reflection on the gateway's gRPC port, for any known partner (API key or token; anonymous callers get
/// UNAUTHENTICATED): every service of the four contracts the gateway routes, answered by the gateway itself from the
/// contracts it was built with (the same descriptors its routes, scopes and OpenAPI document come from), so
/// <c>grpcurl -H 'x-api-key: …' -plaintext gateway:5001 list</c> lists all of them without proto files. Each service
/// keeps its own reflection on its own gRPC port for operators. Both protocol versions: <c>grpc.reflection.v1</c>
/// (tried first by current grpcurl) and <c>grpc.reflection.v1alpha</c>.
/// </summary>
public static class ContractReflection
{
    public static IHostApplicationBuilder AddContractReflection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(provider => new ReflectionServiceImpl(
            provider.GetRequiredService<ContractCatalog>().Methods.Select(m => m.Method.Service).Distinct()
                .Append(Alpha.ServerReflection.Descriptor).Append(V1.ServerReflection.Descriptor)));
        builder.Services.AddSingleton<ReflectionV1>();
        return builder;
    }

    public static WebApplication MapContractReflection(this WebApplication app)
    {
        app.MapGrpcService<ReflectionServiceImpl>().RequireAuthorization(PartnerAccessExtensions.AnyPartnerPolicy);
        app.MapGrpcService<ReflectionV1>().RequireAuthorization(PartnerAccessExtensions.AnyPartnerPolicy);
        return app;
    }

    /// <summary><c>grpc.reflection.v1</c>: the same messages as v1alpha on the wire, answered by the v1alpha service.</summary>
    internal sealed class ReflectionV1(ReflectionServiceImpl alpha) : V1.ServerReflection.ServerReflectionBase
    {
        public override Task ServerReflectionInfo(IAsyncStreamReader<V1.ServerReflectionRequest> requestStream,
            IServerStreamWriter<V1.ServerReflectionResponse> responseStream, ServerCallContext context) =>
            alpha.ServerReflectionInfo(new Requests(requestStream), new Responses(responseStream), context);

        private sealed class Requests(IAsyncStreamReader<V1.ServerReflectionRequest> inner) : IAsyncStreamReader<Alpha.ServerReflectionRequest>
        {
            public Alpha.ServerReflectionRequest Current { get; private set; } = new();

            public async Task<bool> MoveNext(CancellationToken cancellationToken)
            {
                if (!await inner.MoveNext(cancellationToken)) return false;
                Current = Alpha.ServerReflectionRequest.Parser.ParseFrom(inner.Current.ToByteString());
                return true;
            }
        }

        private sealed class Responses(IServerStreamWriter<V1.ServerReflectionResponse> inner) : IServerStreamWriter<Alpha.ServerReflectionResponse>
        {
            public WriteOptions? WriteOptions { get => inner.WriteOptions; set => inner.WriteOptions = value; }

            public Task WriteAsync(Alpha.ServerReflectionResponse message) =>
                inner.WriteAsync(V1.ServerReflectionResponse.Parser.ParseFrom(message.ToByteString()));
        }
    }
}
