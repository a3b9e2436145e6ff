using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Forging;

/// <summary>The forging rules of design.md §9, checked on the request and then on the locked inputs.</summary>
internal static class ForgeValidator
{
    /// <summary>What can be checked before any round trip.</summary>
    public static void CheckRequest(ForgeRequest request, ForgingOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guard.Defined(request.Type, "chk_forge_operations_type", "The forge type");
        Guard.StakeKey(request.StakeKey, "chk_forge_operations_stake_key_format");
        var wantsCategory = request.Type == ForgeType.Category;
        var wantsSeason = request.Type == ForgeType.Season;
        if (wantsCategory != (request.CategoryId is not null) || request.CategoryId == Guid.Empty)
        {
            throw new DataValidationException(ForgeRules.TypeFields, "A category forge names its category; other forges name none.");
        }

        if (wantsSeason != (request.SeasonId is not null))
        {
            throw new DataValidationException(ForgeRules.TypeFields, "A season forge names its season; other forges name none.");
        }

        if (request.SeasonId is not null)
        {
            Guard.SeasonId(request.SeasonId);
        }

        var inputs = request.InputFingerprints ?? throw new DataValidationException(ForgeRules.InputCount, "A forge needs input NFTs.");
        foreach (var input in inputs)
        {
            Guard.AssetFingerprint(input, "chk_forge_operations_inputs_format");
        }

        if (inputs.Distinct(StringComparer.Ordinal).Count() != inputs.Count)
        {
            throw new DataValidationException(ForgeRules.DuplicateInput, "Each input NFT may be listed once.");
        }

        var expected = request.Type switch
        {
            ForgeType.Category => options.CategoryInputs,
            ForgeType.Master => options.MasterCategories,
            _ => (int?)null, // depends on the active categories: checked against the database
        };
        if (inputs.Count == 0 || inputs.Count > options.MaxInputs || expected is { } count && inputs.Count != count)
        {
            throw new DataValidationException(ForgeRules.InputCount,
                $"A {DbText.Of(request.Type)} forge takes {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "its season's number of"} NFTs, not {inputs.Count}.");
        }
    }

    /// <summary>Ownership, state and the type's rule, on the inputs as locked.</summary>
    public static void CheckInputs(ForgeRequest request, IReadOnlyList<ForgeInput> inputs, IReadOnlySet<Guid> activeCategories, ForgingOptions options)
    {
        Fail(inputs.Count != request.InputFingerprints.Count, ForgeRules.InputNotFound,
            $"Not recorded: {string.Join(", ", request.InputFingerprints.Except(inputs.Select(i => i.AssetFingerprint)))}.");
        Fail(inputs.Any(i => i.StakeKey != request.StakeKey), ForgeRules.InputNotOwned, "Every input must be held by the forging wallet.");
        Fail(inputs.Any(i => i.Status != "confirmed"), ForgeRules.InputNotConfirmed, "Every input must be a confirmed NFT, not a burned one.");
        Fail(inputs.Any(i => i.Tier != "category"), ForgeRules.InputTier, "Only category NFTs can be forged; Ultimates cannot be forged again.");
        switch (request.Type)
        {
            case ForgeType.Category:
                Fail(inputs.Any(i => i.CategoryId != request.CategoryId), ForgeRules.CategoryMismatch,
                    $"A Category Ultimate takes {options.CategoryInputs} NFTs of its own category.");
                break;
            case ForgeType.Master:
                Fail(inputs.Select(i => i.CategoryId).Distinct().Count() != inputs.Count, ForgeRules.MasterDistinctCategories,
                    $"A Master Ultimate takes one NFT from each of {options.MasterCategories} different categories.");
                break;
            default:
                Fail(inputs.Any(i => i.InSeason != true), ForgeRules.SeasonWindow,
                    "Every input of a Seasonal Ultimate must be minted during the season or its grace days.");
                var perCategory = inputs.GroupBy(i => i.CategoryId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Count());
                Fail(activeCategories.Count == 0 || !perCategory.Keys.ToHashSet().SetEquals(activeCategories)
                    || perCategory.Values.Any(n => n != options.SeasonInputsPerCategory), ForgeRules.SeasonCategories,
                    $"A Seasonal Ultimate takes {options.SeasonInputsPerCategory} NFTs from every active category ({activeCategories.Count}).");
                break;
        }
    }

    private static void Fail(bool broken, string rule, string message)
    {
        if (broken)
        {
            throw new DataValidationException(rule, message);
        }
    }
}
