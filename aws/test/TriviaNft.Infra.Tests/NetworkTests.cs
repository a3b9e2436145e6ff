using Amazon.CDK.Assertions;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class NetworkTests(DataStackTemplates templates)
{
    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void VpcIsASlash16(string environment)
    {
        var template = templates.For(environment);

        template.ResourceCountIs("AWS::EC2::VPC", 1);
        template.HasResourceProperties("AWS::EC2::VPC", new Dictionary<string, object> { ["CidrBlock"] = "10.0.0.0/16" });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void EachSubnetTypeHasOneSubnetInEachOfTwoAvailabilityZones(string environment)
    {
        var subnets = templates.For(environment).PropertiesOf("AWS::EC2::Subnet").Values.ToList();

        Assert.Equal(6, subnets.Count);
        foreach (var type in new[] { "Public", "Private", "Isolated" })
        {
            var ofType = subnets.Where(s => SubnetType(s) == type).ToList();
            Assert.Equal(2, ofType.Count);
            // Environment-agnostic: the AZs are the first two of Fn::GetAZs, one subnet in each.
            Assert.Equal([0.0, 1.0], ofType.Select(AzIndex).Order());
        }

        static string SubnetType(IDictionary<string, object> subnet) =>
            ((object[])subnet["Tags"]).Cast<IDictionary<string, object>>()
                .Single(t => (string)t["Key"] == "aws-cdk:subnet-type")["Value"].ToString()!;

        static double AzIndex(IDictionary<string, object> subnet) =>
            Convert.ToDouble(((object[])((IDictionary<string, object>)subnet["AvailabilityZone"])["Fn::Select"])[0],
                System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void EverySubnetIsASlash24(string environment)
    {
        var cidrs = templates.For(environment).PropertiesOf("AWS::EC2::Subnet").Values
            .Select(s => (string)s["CidrBlock"]).ToList();

        Assert.All(cidrs, cidr => Assert.EndsWith("/24", cidr, StringComparison.Ordinal));
        Assert.Equal(cidrs.Count, cidrs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void OneNatGatewayServesBothPrivateSubnets(string environment)
    {
        var template = templates.For(environment);

        template.ResourceCountIs("AWS::EC2::NatGateway", 1);
        var natGateway = Assert.Single(template.FindResources("AWS::EC2::NatGateway", null)).Key;
        var natRoutes = template.FindResources("AWS::EC2::Route", new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DestinationCidrBlock"] = "0.0.0.0/0",
                ["NatGatewayId"] = Ref(natGateway),
            }),
        });
        Assert.Equal(2, natRoutes.Count);
        Assert.All(natRoutes.Keys, id => Assert.Contains("PrivateSubnet", id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void IsolatedSubnetsHaveNoRouteOutOfTheVpc(string environment)
    {
        var routes = templates.For(environment).PropertiesOf("AWS::EC2::Route").Values;

        Assert.DoesNotContain(routes, r => RefTargets(new[] { r["RouteTableId"] }).Single().Contains("Isolated", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void FlowLogsRecordAllTrafficIntoLogsKeptThirtyDays(string environment)
    {
        var template = templates.For(environment);
        var logGroup = new Capture();

        template.HasResourceProperties("AWS::EC2::FlowLog", new Dictionary<string, object>
        {
            ["ResourceType"] = "VPC",
            ["TrafficType"] = "ALL",
            ["LogDestinationType"] = "cloud-watch-logs",
            ["LogGroupName"] = new Dictionary<string, object> { ["Ref"] = logGroup },
        });
        Assert.Equal(30.0, template.PropertiesOf("AWS::Logs::LogGroup", logGroup.AsString())["RetentionInDays"]);
    }
}
