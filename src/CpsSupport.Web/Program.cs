var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => "Healthy");
app.Run();
public partial class Program;
