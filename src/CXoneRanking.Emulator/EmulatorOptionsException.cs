namespace CXoneRanking.Emulator;

/// <summary>A command-line option the emulator cannot honour; the message names the option.</summary>
public sealed class EmulatorOptionsException(string message) : Exception(message);
