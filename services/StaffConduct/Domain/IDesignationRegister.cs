namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The store of designations (port). One designation in force per holder (<see cref="Designation.HolderKey"/>).</summary>
public interface IDesignationRegister
{
    Task<DesignationWrite> AddAsync(Designation designation, CancellationToken cancellationToken = default);

    /// <summary>Records the withdrawal only while the designation is in force (one conditional write).</summary>
    Task<DesignationWrite> WithdrawAsync(string designationId, DesignationWithdrawal withdrawal, CancellationToken cancellationToken = default);

    Task<Designation?> GetAsync(string designationId, CancellationToken cancellationToken = default);

    /// <summary>The designations of a window (model windows and its staff's pioneer posts), oldest grant first.</summary>
    Task<IReadOnlyList<Designation>> ListByWindowAsync(Window window, bool includeWithdrawn, CancellationToken cancellationToken = default);
}

public enum DesignationWrite
{
    Written,
    HolderAlreadyDesignated,
    NotInForce,
}
