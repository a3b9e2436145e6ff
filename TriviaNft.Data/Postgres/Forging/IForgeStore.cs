namespace TriviaNft.Data.Postgres.Forging;

/// <summary>
/// Forges owned NFTs into Ultimates (design.md §9). A forge is created pending, then confirmed (the inputs are
/// burned and the output recorded, in one transaction) or failed (the inputs are free again).
/// </summary>
public interface IForgeStore
{
    /// <summary>
    /// Validates <paramref name="request"/> against the forging rules and creates the pending forge, in one
    /// transaction that locks the input NFTs, so two requests can never hold the same input.
    /// </summary>
    /// <exception cref="Errors.DataValidationException">The request breaks a rule (<see cref="ForgeRules"/>) or is malformed.</exception>
    /// <exception cref="Errors.DataConflictException">An input is in a pending forge (<see cref="ForgeRules.InputInPendingForge"/>).</exception>
    /// <exception cref="Errors.DataNotFoundException">The season of a season forge does not exist.</exception>
    Task<ForgeOperation> CreateAsync(ForgeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms a pending forge in one transaction: every input is burned exactly once, the forge gets its chain
    /// details and the output NFT is recorded with source <c>forge</c> and the type's tier. Confirming again with
    /// the same details changes nothing.
    /// </summary>
    /// <exception cref="Errors.DataNotFoundException">The forge does not exist.</exception>
    /// <exception cref="Errors.DataValidationException">A detail is malformed.</exception>
    /// <exception cref="Errors.DataConflictException">The forge is confirmed with other details or failed, an input changed, or the output is already recorded.</exception>
    Task<ForgeOperation> ConfirmAsync(Guid forgeId, ForgeConfirmation confirmation, CancellationToken cancellationToken = default);

    /// <summary>Fails a pending forge with <paramref name="error"/>; its inputs stay unburned and free. Failing a failed forge changes nothing.</summary>
    /// <exception cref="Errors.DataNotFoundException">The forge does not exist.</exception>
    /// <exception cref="Errors.DataValidationException">The id is empty or the error text is not 1 to 2000 characters.</exception>
    /// <exception cref="Errors.DataConflictException">The forge is already confirmed.</exception>
    Task<ForgeOperation> FailAsync(Guid forgeId, string error, CancellationToken cancellationToken = default);

    /// <summary>The forge with <paramref name="forgeId"/> (from the writer: read-your-writes).</summary>
    /// <exception cref="Errors.DataNotFoundException">The forge does not exist.</exception>
    /// <exception cref="Errors.DataValidationException">The id is empty.</exception>
    Task<ForgeOperation> GetAsync(Guid forgeId, CancellationToken cancellationToken = default);
}
