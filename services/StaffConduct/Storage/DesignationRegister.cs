using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class DesignationRegister(IDocumentStore store) : IDesignationRegister
{
    public async Task<DesignationWrite> AddAsync(Designation designation, CancellationToken cancellationToken = default) =>
        await store.CommitAsync(new WriteBatch().Insert(Designations, designation), cancellationToken) switch
        {
            null => DesignationWrite.Written,
            WriteConflict.DuplicateKey { Rule: InForcePerHolderRule } => DesignationWrite.HolderAlreadyDesignated,
            var conflict => throw StoreExtensions.Refused(conflict),
        };

    public async Task<DesignationWrite> WithdrawAsync(string designationId, DesignationWithdrawal withdrawal, CancellationToken cancellationToken = default) =>
        await store.ChangeAsync(Designations, designationId, d => d.InForce ? d with { Withdrawal = withdrawal } : null, cancellationToken)
            ? DesignationWrite.Written
            : DesignationWrite.NotInForce;

    public Task<Designation?> GetAsync(string designationId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(Designations, designationId, cancellationToken);

    public Task<IReadOnlyList<Designation>> ListByWindowAsync(Window window, bool includeWithdrawn, CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.Where("window", window);
        if (!includeWithdrawn) query = query.And("inForce", true);
        return store.DocumentsAsync(Designations, query.OrderBy("grantedOn").OrderBy("recordedAt"), cancellationToken);
    }
}
