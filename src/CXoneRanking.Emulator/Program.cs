using CXoneRanking.Emulator;

return await EmulatorApp.RunAsync(args);

/// <summary>The emulator's entry point; public so tests can reach the assembly through it.</summary>
public partial class Program;
