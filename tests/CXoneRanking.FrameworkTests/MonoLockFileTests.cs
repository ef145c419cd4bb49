using CXoneRanking.Audit;
using CXoneRanking.Audit.Tests;

namespace CXoneRanking.FrameworkTests;

/// <summary>
/// The audit directory's lock file is held open with FileShare.None. On .NET Framework (Windows)
/// that is an OS sharing lock, across processes. Mono enforces FileShare only inside one process
/// (its own share table): it takes no flock, so a second Mono process opens a held lock file
/// freely. This leg therefore checks the in-process half only; the cross-process guarantee is
/// Windows' and .NET's (flock), and is not exercised here.
/// </summary>
public class MonoLockFileTests
{
    [Fact]
    public void A_held_lock_file_cannot_be_opened_again_while_the_lock_is_held()
    {
        using var dir = new TempDirectory();
        var lockFile = Path.Combine(dir.Path, AuditDirectoryLock.FileName);

        using (AuditDirectoryLock.Acquire(dir.Path, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            Assert.ThrowsAny<IOException>(() => new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite));
        }

        using var reopened = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(reopened.CanWrite);
    }
}
