namespace CpsSupport.Features.Demo;

/// <summary>A sign-in account created by <see cref="DemoSeeder"/>; <paramref name="Description"/> is shown on the demo sign-in page.</summary>
public sealed record DemoAccount(string Email, string Password, string Role, string Description);
