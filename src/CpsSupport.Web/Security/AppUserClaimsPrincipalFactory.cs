using System.Security.Claims;
using CpsSupport.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CpsSupport.Web.Security;

/// <summary>Identity's claims (id, e-mail, roles, security stamp) plus the display name and linked person.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CpsClaimTypes.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName));
        if (user.PersonId is { } personId) identity.AddClaim(new Claim(CpsClaimTypes.PersonId, personId.ToString()));
        return identity;
    }
}
