using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using CivilAffairs.Operations.Tests.Deployment;

namespace CivilAffairs.Operations.Tests;

/// <summary>
/// The package partners build against (contracts/Client): a package id and the platform's version, the generated
/// clients and messages of every contract, and nothing of the server side.
/// </summary>
public sealed class ClientPackageTests
{
    private static readonly string Configuration =
        typeof(ClientPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static string AssemblyPath => Repository.PathOf($"contracts/Client/bin/{Configuration}/net10.0/CivilAffairs.Contracts.Client.dll");

    [Fact]
    public void The_project_packs_as_CivilAffairs_Contracts_Client_at_the_platform_version()
    {
        var project = XDocument.Load(Repository.PathOf("contracts/Client/Contracts.Client.csproj"));
        Assert.Equal("CivilAffairs.Contracts.Client", project.Descendants("PackageId").Single().Value);
        Assert.Equal("true", project.Descendants("IsPackable").Single().Value);
        Assert.Equal("Client", project.Descendants("Protobuf").Single().Attribute("GrpcServices")?.Value);
        Assert.Matches(@"^\d+\.\d+\.\d+$", PlatformVersion.Value);
    }

    [Fact]
    public void It_holds_a_client_for_every_service_and_no_server_base()
    {
        using var stream = File.OpenRead(AssemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var types = metadata.TypeDefinitions.Select(t => metadata.GetTypeDefinition(t)).ToList();
        var names = types.Select(t => metadata.GetString(t.Name)).ToHashSet();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();

        foreach (var service in new[] { "MarriageAppointments", "MarriageHall", "MarriageRegistry", "SocialAssistance", "StaffConduct", "Feedback" })
        {
            Assert.Contains($"{service}Client", names);
            Assert.DoesNotContain($"{service}Base", names);
        }
        Assert.Contains("BookAppointmentRequest", names);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || r.StartsWith("Grpc.AspNetCore", StringComparison.Ordinal));
    }
}

/// <summary>The platform's release, from Directory.Build.props: packages and image tags carry it.</summary>
public static class PlatformVersion
{
    public static string Value { get; } =
        XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;
}
