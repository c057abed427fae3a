namespace CpsSupport.Data;

/// <summary>Marks an entity whose every change is written to the audit trail.</summary>
public interface IAudited;
