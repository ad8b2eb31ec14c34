using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CivilAffairs.ServiceDefaults.Documents;

/// <summary>
/// Batches committed, per gRPC method that wrote them (<c>background</c> for the relay, purges and imports): operators
/// see which calls write, and a test can prove that a refused call wrote nothing. Meter <c>CivilAffairs.Store</c>.
/// </summary>
public static class StoreWrites
{
    private static readonly Meter Meter = new("CivilAffairs.Store");
    private static readonly Counter<long> Batches = Meter.CreateCounter<long>("civilaffairs.store.batches", "{batch}",
        "Write batches committed, by the RPC that wrote them (label rpc)");
    private static readonly AsyncLocal<string?> Rpc = new();

    internal static void Committed(int batches = 1) =>
        Batches.Add(batches, new KeyValuePair<string, object?>("rpc", Rpc.Value ?? "background"));

    /// <summary>Names the RPC a call's writes are counted for (first in every service's interceptor chain).</summary>
    public sealed class Scope : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
            UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Rpc.Value = context.Method;
            return continuation(request, context);
        }
    }
}
