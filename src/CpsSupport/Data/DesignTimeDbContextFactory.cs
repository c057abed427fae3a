using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CpsSupport.Data;

/// <summary>Lets `dotnet ef` build the model without starting the web application.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CpsDbContext>
{
    public CpsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CpsDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, "Host=localhost;Database=cps_design");
        return new CpsDbContext(options.Options);
    }
}
