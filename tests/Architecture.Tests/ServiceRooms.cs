using System.Reflection;
using NetArchTest.Rules;

namespace CivilAffairs.Architecture.Tests;

/// <summary>
/// Inside a service, three rooms and one direction: Api -> Domain <- Storage. The domain is pure C#: it names no gRPC,
/// no ASP.NET Core, no driver, no contract and no shared wiring; only the shared engines know a database.
/// </summary>
public sealed class ServiceRooms
{
    public static TheoryData<string> Services => new() { "Marriage", "SocialAssistance", "StaffConduct", "Feedback" };

    private static Assembly AssemblyOf(string service) => Assembly.Load($"CivilAffairs.{service}");

    [Theory, MemberData(nameof(Services))]
    public void The_domain_depends_on_nothing_but_the_shared_kernel_and_the_base_library(string service)
    {
        var result = Types.InAssembly(AssemblyOf(service))
            .That().ResideInNamespace($"CivilAffairs.{service}.Domain")
            .ShouldNot().HaveDependencyOnAny(
                "Grpc", "Google.Protobuf", "Google.Rpc", "Microsoft.AspNetCore", "MongoDB", "Microsoft.Data.Sqlite", "System.Data",
                "CivilAffairs.ServiceDefaults", "CivilAffairs.Common.V1", $"CivilAffairs.{service}.V1",
                $"CivilAffairs.{service}.Api", $"CivilAffairs.{service}.Storage", $"CivilAffairs.{service}.Integration")
            .GetResult();
        Assert.True(result.IsSuccessful, $"{service}'s domain reaches out of its room: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory, MemberData(nameof(Services))]
    public void The_api_and_the_storage_do_not_know_each_other(string service)
    {
        var api = Types.InAssembly(AssemblyOf(service)).That().ResideInNamespace($"CivilAffairs.{service}.Api")
            .ShouldNot().HaveDependencyOn($"CivilAffairs.{service}.Storage").GetResult();
        var storage = Types.InAssembly(AssemblyOf(service)).That().ResideInNamespace($"CivilAffairs.{service}.Storage")
            .ShouldNot().HaveDependencyOnAny($"CivilAffairs.{service}.Api", "Grpc", "Google.Protobuf").GetResult();
        Assert.True(api.IsSuccessful, $"Api reaches Storage: {string.Join(", ", api.FailingTypeNames ?? [])}");
        Assert.True(storage.IsSuccessful, $"Storage reaches Api or gRPC: {string.Join(", ", storage.FailingTypeNames ?? [])}");
    }

    [Theory, MemberData(nameof(Services))]
    public void No_service_names_a_database_driver(string service)
    {
        var drivers = AssemblyOf(service).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("MongoDB", StringComparison.Ordinal) || n.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || n == "SQLitePCLRaw.core")
            .ToList();
        Assert.True(drivers.Count == 0, $"{service} uses {string.Join(", ", drivers)} directly: storage goes through the shared document store");
        var dependsOnDrivers = Types.InAssembly(AssemblyOf(service)).ShouldNot().HaveDependencyOnAny("MongoDB", "Microsoft.Data.Sqlite").GetResult();
        Assert.True(dependsOnDrivers.IsSuccessful, string.Join(", ", dependsOnDrivers.FailingTypeNames ?? []));
    }

    [Theory, MemberData(nameof(Services))]
    public void Each_service_registers_its_domain_and_its_store_under_one_name(string service)
    {
        var methods = AssemblyOf(service).GetTypes().Where(t => t.IsAbstract && t.IsSealed) // static classes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)).Select(m => m.Name).ToHashSet();
        Assert.Contains($"Add{service}Domain", methods);
        Assert.Contains($"Add{service}Store", methods);
    }
}
