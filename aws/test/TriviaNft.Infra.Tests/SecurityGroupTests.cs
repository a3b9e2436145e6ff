using Amazon.CDK.Assertions;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class SecurityGroupTests(DataStackTemplates templates)
{
    private static readonly Dictionary<string, object> NoTrafficRule = new()
    {
        ["CidrIp"] = "255.255.255.255/32",
        ["IpProtocol"] = "icmp",
        ["FromPort"] = 252,
        ["ToPort"] = 86,
    };

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void LambdaSecurityGroupAllowsAllOutboundAndNothingInbound(string environment)
    {
        var template = templates.For(environment);
        var lambda = template.SecurityGroup("TriviaNft Lambda");

        template.HasResourceProperties("AWS::EC2::SecurityGroup", new Dictionary<string, object>
        {
            ["GroupDescription"] = Match.StringLikeRegexp("^TriviaNft Lambda"),
            ["SecurityGroupEgress"] = Match.ArrayEquals(
            [
                Match.ObjectLike(new Dictionary<string, object> { ["CidrIp"] = "0.0.0.0/0", ["IpProtocol"] = "-1" }),
            ]),
            ["SecurityGroupIngress"] = Match.Absent(),
        });
        Assert.Empty(IngressInto(template, lambda));
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void AuroraAcceptsPostgresOnlyFromTheLambdasAndTheProxy(string environment)
    {
        var template = templates.For(environment);
        var aurora = template.SecurityGroup("TriviaNft Aurora");

        var rules = IngressInto(template, aurora);

        Assert.Equal(2, rules.Count);
        Assert.Equal(
            [template.SecurityGroup("TriviaNft Lambda"), template.SecurityGroup("TriviaNft RDS Proxy")],
            rules.Select(r => GetAttTarget(r["SourceSecurityGroupId"])).Order());
        Assert.All(rules, r => AssertPostgresPort(template, r));
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void AuroraHasNoOutboundRule(string environment) =>
        AssertNoOutbound(templates.For(environment), "TriviaNft Aurora");

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void RedisAcceptsRedisOnlyFromTheLambdas(string environment)
    {
        var template = templates.For(environment);

        var rule = Assert.Single(IngressInto(template, template.SecurityGroup("TriviaNft Redis")));

        Assert.Equal(template.SecurityGroup("TriviaNft Lambda"), GetAttTarget(rule["SourceSecurityGroupId"]));
        Assert.Equal("tcp", rule["IpProtocol"]);
        Assert.Equal(6379.0, rule["FromPort"]);
        Assert.Equal(6379.0, rule["ToPort"]);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void RedisHasNoOutboundRule(string environment) =>
        AssertNoOutbound(templates.For(environment), "TriviaNft Redis");

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ProxyAcceptsPostgresOnlyFromTheLambdasAndReachesOnlyAurora(string environment)
    {
        var template = templates.For(environment);
        var proxy = template.SecurityGroup("TriviaNft RDS Proxy");

        var ingress = Assert.Single(IngressInto(template, proxy));
        Assert.Equal(template.SecurityGroup("TriviaNft Lambda"), GetAttTarget(ingress["SourceSecurityGroupId"]));
        AssertPostgresPort(template, ingress);

        // The only egress rule is to Aurora; with it present EC2 drops the default allow-all rule.
        template.HasResourceProperties("AWS::EC2::SecurityGroup", new Dictionary<string, object>
        {
            ["GroupDescription"] = Match.StringLikeRegexp("^TriviaNft RDS Proxy"),
            ["SecurityGroupEgress"] = Match.Absent(),
        });
        var egress = Assert.Single(EgressFrom(template, proxy));
        Assert.Equal(template.SecurityGroup("TriviaNft Aurora"), GetAttTarget(egress["DestinationSecurityGroupId"]));
        AssertPostgresPort(template, egress);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void NothingAcceptsTrafficFromAnAddressRange(string environment)
    {
        var template = templates.For(environment);

        // Every ingress rule names a source security group; no inline rules, no CIDR (0.0.0.0/0 or otherwise).
        template.ResourceCountIs("AWS::EC2::SecurityGroupIngress", 4);
        template.AllResourcesProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object>
        {
            ["SourceSecurityGroupId"] = Match.AnyValue(),
            ["CidrIp"] = Match.Absent(),
            ["CidrIpv6"] = Match.Absent(),
        });
        template.AllResourcesProperties("AWS::EC2::SecurityGroup", new Dictionary<string, object>
        {
            ["SecurityGroupIngress"] = Match.Absent(),
        });
    }

    private static void AssertNoOutbound(Template template, string descriptionStart)
    {
        // AllowAllOutbound = false leaves CDK's rule that matches no traffic, and it must be the only one.
        template.HasResourceProperties("AWS::EC2::SecurityGroup", new Dictionary<string, object>
        {
            ["GroupDescription"] = Match.StringLikeRegexp("^" + descriptionStart),
            ["SecurityGroupEgress"] = Match.ArrayEquals([Match.ObjectLike(NoTrafficRule)]),
        });
        Assert.Empty(EgressFrom(template, template.SecurityGroup(descriptionStart)));
    }

    private static void AssertPostgresPort(Template template, IDictionary<string, object> rule)
    {
        Assert.Equal("tcp", rule["IpProtocol"]);
        foreach (var port in new[] { rule["FromPort"], rule["ToPort"] })
        {
            // DatabaseProxy's own rule uses the cluster's port attribute; the cluster's port is 5432.
            var value = port is IDictionary<string, object>
                ? template.PropertiesOf("AWS::RDS::DBCluster", GetAttTarget(port))["Port"]
                : port;
            Assert.Equal(5432.0, value);
        }
    }

    private static List<IDictionary<string, object>> IngressInto(Template template, string securityGroup) =>
        [.. template.PropertiesOf("AWS::EC2::SecurityGroupIngress").Values.Where(r => GetAttTarget(r["GroupId"]) == securityGroup)];

    private static List<IDictionary<string, object>> EgressFrom(Template template, string securityGroup) =>
        [.. template.PropertiesOf("AWS::EC2::SecurityGroupEgress").Values.Where(r => GetAttTarget(r["GroupId"]) == securityGroup)];
}
