using System.Text.Json;
using Amazon.CDK.Assertions;

namespace TriviaNft.Infra.Tests;

/// <summary>Small helpers over <see cref="Template"/> for what the Match API cannot say alone.</summary>
internal static class TemplateQueries
{
    /// <summary>The environments every environment-independent rule is checked in.</summary>
    public static TheoryData<string> Environments => ["staging", "production"];

    /// <summary>A CloudFormation <c>{"Ref": id}</c>.</summary>
    public static Dictionary<string, object> Ref(string logicalId) => new() { ["Ref"] = logicalId };

    /// <summary>A CloudFormation <c>{"Fn::GetAtt": [id, attribute]}</c>.</summary>
    public static Dictionary<string, object> GetAtt(string logicalId, string attribute) =>
        new() { ["Fn::GetAtt"] = new object[] { logicalId, attribute } };

    /// <summary>The logical id of the one resource of a type whose properties match.</summary>
    public static string LogicalIdOf(this Template template, string type, IDictionary<string, object> properties)
    {
        var found = template.FindResources(type, new Dictionary<string, object> { ["Properties"] = Match.ObjectLike(properties) });
        return Assert.Single(found).Key;
    }

    /// <summary>The properties of every resource of a type, by logical id.</summary>
    public static Dictionary<string, IDictionary<string, object>> PropertiesOf(this Template template, string type) =>
        template.FindResources(type, null).ToDictionary(
            r => r.Key,
            r => r.Value.TryGetValue("Properties", out var p) ? (IDictionary<string, object>)p : new Dictionary<string, object>());

    /// <summary>The properties of one resource.</summary>
    public static IDictionary<string, object> PropertiesOf(this Template template, string type, string logicalId) =>
        template.PropertiesOf(type)[logicalId];

    /// <summary>The logical ids a list of <c>{"Ref": id}</c> values points to.</summary>
    public static IEnumerable<string> RefTargets(object list) =>
        ((IEnumerable<object>)list).Select(item => (string)((IDictionary<string, object>)item)["Ref"]);

    /// <summary>The logical id a <c>{"Fn::GetAtt": [id, attribute]}</c> value points to.</summary>
    public static string GetAttTarget(object value) =>
        (string)((object[])((IDictionary<string, object>)value)["Fn::GetAtt"])[0];

    /// <summary>The logical id of a security group by the start of its description.</summary>
    public static string SecurityGroup(this Template template, string descriptionStart) =>
        template.LogicalIdOf("AWS::EC2::SecurityGroup", new Dictionary<string, object>
        {
            ["GroupDescription"] = Match.StringLikeRegexp("^" + descriptionStart),
        });

    /// <summary>
    /// Every (action, resource) pair policy statements allow, resources as JSON text, sorted. The same grants give
    /// the same pairs whether or not <c>@aws-cdk/aws-iam:minimizePolicies</c> merged their statements.
    /// </summary>
    public static List<(string Action, string Resource)> AllowedPairs(IEnumerable<IDictionary<string, object>> statements) =>
    [
        .. from statement in statements
           where (string)statement["Effect"] == "Allow"
           from action in AsList(statement["Action"])
           from resource in AsList(statement["Resource"])
           orderby (string)action, JsonSerializer.Serialize(resource)
           select ((string)action, JsonSerializer.Serialize(resource)),
    ];

    /// <summary>A pair of <see cref="AllowedPairs"/>.</summary>
    public static (string Action, string Resource) Allows(string action, object resource) => (action, JsonSerializer.Serialize(resource));

    private static object[] AsList(object value) => value as object[] ?? [value];

    /// <summary>The whole template as JSON text, for scans that must cover every resource and output.</summary>
    public static string Json(this Template template) => JsonSerializer.Serialize(template.ToJSON());
}
