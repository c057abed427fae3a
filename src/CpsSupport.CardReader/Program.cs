using CpsSupport.CardReader;

var app = CardReaderApp.Create(args);
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
