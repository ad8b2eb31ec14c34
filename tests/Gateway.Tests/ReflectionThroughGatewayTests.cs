using CivilAffairs.Gateway.Contracts;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Alpha = Grpc.Reflection.V1Alpha;
using V1 = Grpc.Reflection.V1;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// What grpcurl does against the gateway's gRPC port (<c>grpcurl -H 'x-api-key: …' -plaintext gateway:5001 list</c>, then
/// <c>describe</c>): server reflection lists every service of the four contracts, and hands out their proto files with
/// every import, so a partner needs no proto file at hand. Only for known partners.
/// </summary>
public sealed class ReflectionThroughGatewayTests(MarriageBehindGateway platform) : IClassFixture<MarriageBehindGateway>
{
    private static readonly string[] ContractServices =
        new ContractCatalog().Methods.Select(m => m.Method.Service.FullName).Distinct().Order().ToArray();

    [Fact]
    public async Task A_partner_with_a_key_lists_every_service_of_the_four_contracts_over_v1_and_v1alpha()
    {
        Assert.Equal(6, ContractServices.Length); // three of marriage, one of each other service
        using var channel = platform.GrpcAs(TestPartners.MarriageReaderKey); // any scope will do

        var overV1 = await ListV1(channel);
        var overAlpha = (await AskAlpha(channel, new Alpha.ServerReflectionRequest { ListServices = "" }))
            .ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Superset(ContractServices.ToHashSet(), overV1.ToHashSet());
        Assert.Equal(overV1.Order(), overAlpha.Order());
        Assert.Contains("grpc.reflection.v1.ServerReflection", overV1);
    }

    [Fact]
    public async Task A_service_is_described_with_every_file_it_imports_so_its_messages_can_be_built()
    {
        using var channel = platform.GrpcAs(TestPartners.AllScopesKey);

        var answer = await AskAlpha(channel, new Alpha.ServerReflectionRequest
        {
            FileContainingSymbol = "civilaffairs.marriage.v1.MarriageAppointments",
        });

        var files = FileDescriptor.BuildFromByteStrings(DependenciesFirst(answer.FileDescriptorResponse.FileDescriptorProto));
        var service = files.SelectMany(f => f.Services).Single(s => s.FullName == "civilaffairs.marriage.v1.MarriageAppointments");
        Assert.Contains("BookAppointment", service.Methods.Select(m => m.Name));
        Assert.Contains(files, f => f.Name == "google/api/annotations.proto");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key-anyone-has")]
    public async Task Without_a_known_partner_reflection_answers_unauthenticated(string? apiKey)
    {
        using var channel = platform.GrpcAs(apiKey);

        var refused = await Assert.ThrowsAsync<RpcException>(() => ListV1(channel));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    /// <summary>The files in an order protobuf can build them in (grpcurl sorts them the same way).</summary>
    private static List<ByteString> DependenciesFirst(IEnumerable<ByteString> files)
    {
        var byName = files.ToDictionary(f => FileDescriptorProto.Parser.ParseFrom(f).Name);
        var ordered = new List<ByteString>();
        var done = new HashSet<string>();
        void Add(string name)
        {
            if (!done.Add(name)) return;
            Assert.True(byName.TryGetValue(name, out var file), $"{name} was not sent");
            foreach (var dependency in FileDescriptorProto.Parser.ParseFrom(file).Dependency) Add(dependency);
            ordered.Add(file);
        }
        foreach (var name in byName.Keys) Add(name);
        return ordered;
    }

    private static async Task<List<string>> ListV1(GrpcChannel channel)
    {
        using var call = new V1.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
    }

    private static async Task<Alpha.ServerReflectionResponse> AskAlpha(GrpcChannel channel, Alpha.ServerReflectionRequest request)
    {
        using var call = new Alpha.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Null(call.ResponseStream.Current.ErrorResponse);
        return call.ResponseStream.Current;
    }
}
