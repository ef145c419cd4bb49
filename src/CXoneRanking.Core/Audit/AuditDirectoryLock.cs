using System.Collections.Concurrent;
using System.Diagnostics;

namespace CXoneRanking.Audit;

/// <summary>
/// The exclusive lock that serializes every append to one audit directory. Across processes it
/// is the lock file <c>.cxone-audit.lock</c> held open with FileShare.None: a sharing lock on
/// Windows, and on Unix the advisory flock .NET takes for FileShare.None, which every copy of
/// this module honours. Threads of one process first queue on an in-process semaphore, so they
/// wait their turn instead of polling the file; <see cref="AcquireAsync"/> waits without holding
/// a thread, so 64 sessions in flight do not park 64 thread-pool threads.
/// </summary>
internal sealed class AuditDirectoryLock : IDisposable
{
    public const string FileName = ".cxone-audit.lock";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(PathComparer);
    private readonly SemaphoreSlim _gate;
    private FileStream? _file;

    private AuditDirectoryLock(SemaphoreSlim gate, FileStream file)
    {
        _gate = gate;
        _file = file;
    }

    private static StringComparer PathComparer =>
        UnixPermissions.Applies ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock on <paramref name="directory"/> (which must exist), blocking.</summary>
    /// <exception cref="IOException">Another holder kept it for the whole timeout.</exception>
    public static AuditDirectoryLock Acquire(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var gate = GateOf(directory);
        if (!gate.Wait(timeout, cancellationToken)) throw TimedOut(directory, timeout);
        try
        {
            var random = new Random();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TryOpen(directory, clock, timeout) is { } file) return new AuditDirectoryLock(gate, file);
                cancellationToken.WaitHandle.WaitOne(Backoff(random));
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>The same wait as <see cref="Acquire"/>, without holding a thread while it waits.</summary>
    /// <exception cref="IOException">Another holder kept it for the whole timeout.</exception>
    public static async Task<AuditDirectoryLock> AcquireAsync(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var gate = GateOf(directory);
        if (!await gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false)) throw TimedOut(directory, timeout);
        try
        {
            var random = new Random();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TryOpen(directory, clock, timeout) is { } file) return new AuditDirectoryLock(gate, file);
                await Task.Delay(Backoff(random), cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        if (_file is null) return;
        _file.Dispose();
        _file = null;
        _gate.Release();
    }

    private static SemaphoreSlim GateOf(string directory) => Gates.GetOrAdd(Path.GetFullPath(directory), _ => new SemaphoreSlim(1, 1));

    // Held by another process: back off briefly, with jitter so waiters do not march in step.
    private static int Backoff(Random random) => 5 + random.Next(20);

    /// <summary>The lock file held exclusively, or null while another process holds it.</summary>
    private static FileStream? TryOpen(string directory, Stopwatch clock, TimeSpan timeout)
    {
        var path = Path.Combine(directory, FileName);
        var existed = File.Exists(path);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            if (!existed) UnixPermissions.Set(path, UnixPermissions.OwnerOnlyFile);
            return file;
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
        {
            if (clock.Elapsed >= timeout) throw TimedOut(directory, timeout, e);
            return null;
        }
    }

    private static IOException TimedOut(string directory, TimeSpan timeout, Exception? inner = null) =>
        new($"Timed out after {timeout.TotalSeconds:0.#} s waiting for the audit log lock in '{directory}': "
            + $"another process or thread kept '{FileName}' locked.", inner);
}
