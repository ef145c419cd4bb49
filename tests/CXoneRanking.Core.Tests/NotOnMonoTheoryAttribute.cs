namespace CXoneRanking.Tests;

/// <summary>
/// A theory whose answers Mono gives differently from .NET, for reasons of Mono's own (its
/// collation, say), not of the module. The net472 leg runs under Mono, where such a theory is reported as
/// skipped with <paramref name="whyMonoDiffers"/>, never as a silent pass.
/// </summary>
public sealed class NotOnMonoTheoryAttribute : TheoryAttribute
{
    public NotOnMonoTheoryAttribute(string whyMonoDiffers)
    {
        if (Type.GetType("Mono.Runtime") is not null) Skip = whyMonoDiffers;
    }
}
