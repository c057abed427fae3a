using CpsSupport.Features.People;
using Microsoft.AspNetCore.Identity;

namespace CpsSupport.Features.Accounts;

/// <summary>A sign-in account; structure managers and mandataries are linked to their <see cref="Person"/>.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }
}
