using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Structures;

internal static class AddressMapping
{
    /// <summary>Same column sizes for every address: La Poste lines are 38 characters, we allow more for typing slack.</summary>
    public static void ConfigureAddress<TOwner>(this OwnedNavigationBuilder<TOwner, Address> a) where TOwner : class
    {
        a.Property(x => x.Line1).HasMaxLength(100);
        a.Property(x => x.Line2).HasMaxLength(100);
        a.Property(x => x.PostalCode).HasMaxLength(10);
        a.Property(x => x.City).HasMaxLength(100);
        a.Property(x => x.Country).HasMaxLength(60);
    }
}
